/**
 * Parsing helpers for consumers of events (the Node collector, tests, data
 * tools). They report every problem with its path, in plain English.
 */
import type { ValidationIssue } from '@liveroom/core';
import { toValidationIssues } from '@liveroom/core';
import { type TelemetryEvent, telemetryEventSchema } from './events.js';

/** The result of {@link safeParseTelemetryEvent}. */
export type TelemetryParseResult =
  | { success: true; data: TelemetryEvent }
  | { success: false; issues: ValidationIssue[] };

/** Thrown by {@link parseTelemetryEvent}; `issues` lists each problem with its path. */
export class TelemetryParseError extends Error {
  /** Each problem: dotted path and message. */
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[]) {
    super(`Invalid telemetry event:\n${issues.map((i) => `  - ${i.path || '(value)'}: ${i.message}`).join('\n')}`);
    this.name = 'TelemetryParseError';
    this.issues = issues;
  }
}

/** Validates one event without throwing; unknown keys are stripped (decision 13). */
export function safeParseTelemetryEvent(value: unknown): TelemetryParseResult {
  const result = telemetryEventSchema.safeParse(value);
  return result.success
    ? { success: true, data: result.data as TelemetryEvent }
    : { success: false, issues: toValidationIssues(result.error.issues) };
}

/** Validates one event, or throws {@link TelemetryParseError}. */
export function parseTelemetryEvent(value: unknown): TelemetryEvent {
  const result = safeParseTelemetryEvent(value);
  if (!result.success) throw new TelemetryParseError(result.issues);
  return result.data;
}
