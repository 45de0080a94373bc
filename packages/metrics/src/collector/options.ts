/**
 * Options of `createQualityCollector()`, validated with zod/mini through
 * core's `parseInput`, so a bad option throws `LiveroomError('INVALID_CONFIG')`
 * naming the field.
 */
import { parseInput, valueWhere, wholeNumber, withDefaults } from '@liveroom/core';
import * as z from 'zod/mini';
import { isFunction, isObject, objectWith } from '../option-schemas.js';
import type { TelemetryContext, TelemetryEvent } from '../schema/index.js';
import type { TelemetrySink } from '../sinks/sink.js';
import { contextOptionSchema } from './context-option.js';
import type { CollectorEnvironment } from './environment.js';

/** Options of `createQualityCollector()`. */
export interface QualityCollectorOptions {
  /** Where events go. Default: none (subscribe with a callback sink, or the observable sink of `@liveroom/metrics/rx`). */
  sinks?: TelemetrySink[];
  /** Share of sessions kept, 0–1 (default 1). Whole sessions are kept or dropped, never single events (decision 11). */
  sampleRate?: number;
  /** `quality_sample` period in ms (default 10 000, 1 000–600 000). */
  heartbeatMs?: number;
  /** Collection tick in ms: stats polling and live stall checks (default 1 000, 250–10 000). */
  tickMs?: number;
  /** Logs every event (`true`: `console.debug`), or passes it to your function. */
  debug?: boolean | ((event: TelemetryEvent) => void);
  /** `false` turns telemetry off, e.g. for a user who has not consented (decision 14). Default `true`. */
  enabled?: boolean;
  /** Coarse, non-personal context repeated on every event (decision 14). */
  context?: TelemetryContext;
  /** @internal Replaces the browser (clock, timers, visibility, frames) in tests. */
  environment?: CollectorEnvironment;
}

const sinkSchema = valueWhere<TelemetrySink>(
  (value) => isObject(value) && isFunction((value as { write?: unknown }).write),
  'each sink must be an object with a write(event) method, e.g. createCallbackSink(fn)',
);

const optionsSchema = objectWith({
  sinks: z.optional(z.array(sinkSchema)),
  sampleRate: z.optional(z.number().check(z.gte(0), z.lte(1))),
  heartbeatMs: z.optional(wholeNumber(1_000, 600_000, 'heartbeatMs')),
  tickMs: z.optional(wholeNumber(250, 10_000, 'tickMs')),
  debug: z.optional(
    valueWhere<QualityCollectorOptions['debug']>(
      (value) => typeof value === 'boolean' || isFunction(value),
      'debug must be true, false or a function that takes each event',
    ),
  ),
  enabled: z.optional(z.boolean()),
  context: z.optional(contextOptionSchema),
  environment: z.optional(valueWhere<CollectorEnvironment>(isObject, 'environment must be an object')),
});

/** The defaults, fresh for each collector (events carry its `context` object). */
const defaults = (): Required<Omit<QualityCollectorOptions, 'environment'>> => ({
  sinks: [],
  sampleRate: 1,
  heartbeatMs: 10_000,
  tickMs: 1_000,
  debug: false,
  enabled: true,
  context: {},
});

/** Options after defaults. */
export type ResolvedCollectorOptions = ReturnType<typeof defaults> & {
  environment?: CollectorEnvironment | undefined;
};

/** Validates and fills in defaults, or throws `INVALID_CONFIG`. */
export function resolveCollectorOptions(options: unknown): ResolvedCollectorOptions {
  return withDefaults(defaults(), parseInput(optionsSchema, options ?? {}, 'createQualityCollector() options'));
}
