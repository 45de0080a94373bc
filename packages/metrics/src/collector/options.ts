/**
 * Options of `createQualityCollector()`, validated with zod/mini through
 * core's `parseInput`, so a bad option throws `LiveroomError('INVALID_CONFIG')`
 * naming the field.
 */
import { parseInput } from '@liveroom/core';
import * as z from 'zod/mini';
import { telemetryContextSchema } from '../schema/context.js';
import type { TelemetryContext, TelemetryEvent } from '../schema/index.js';
import type { TelemetrySink } from '../sinks/sink.js';
import type { CollectorEnvironment } from './environment.js';

/** Options of `createQualityCollector()`. */
export interface QualityCollectorOptions {
  /** Where events go. Default: none (subscribe with an observable or callback sink). */
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
  /** @internal Replaces browser APIs in tests. */
  environment?: Partial<CollectorEnvironment>;
}

const sinkSchema = z.custom<TelemetrySink>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { write?: unknown }).write === 'function',
  'each sink must be an object with a write(event) method, e.g. createCallbackSink(fn)',
);

const intIn = (min: number, max: number, what: string) =>
  z
    .number()
    .check(z.int(), z.gte(min, `${what} must be at least ${min}`), z.lte(max, `${what} must be at most ${max}`));

const optionsSchema = z.strictObject({
  sinks: z._default(z.array(sinkSchema), []),
  sampleRate: z._default(z.number().check(z.gte(0), z.lte(1)), 1),
  heartbeatMs: z._default(intIn(1_000, 600_000, 'heartbeatMs'), 10_000),
  tickMs: z._default(intIn(250, 10_000, 'tickMs'), 1_000),
  debug: z._default(
    z.union([z.boolean(), z.custom<(event: TelemetryEvent) => void>((v) => typeof v === 'function')]),
    false,
  ),
  enabled: z._default(z.boolean(), true),
  context: z._default(z.strictObject(telemetryContextSchema.def.shape), {}),
  environment: z.optional(z.custom<Partial<CollectorEnvironment>>((v) => typeof v === 'object' && v !== null)),
});

/** Options after defaults. */
export type ResolvedCollectorOptions = z.output<typeof optionsSchema>;

/** Validates and fills in defaults, or throws `INVALID_CONFIG`. */
export function resolveCollectorOptions(options: unknown): ResolvedCollectorOptions {
  return parseInput(optionsSchema, options ?? {}, 'createQualityCollector() options');
}
