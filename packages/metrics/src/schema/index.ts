/**
 * `@liveroom/metrics/schema`: the telemetry event schemas (zod/mini), free of
 * DOM code so the Node collector imports them unchanged (DESIGN.md decision 3).
 *
 * @packageDocumentation
 */
import type * as z from 'zod/mini';
import type { exitReasonSchema, qualityLimitationReasonSchema } from './bodies.js';
import type { telemetryAttrsSchema, telemetryContextSchema, trafficSourceSchema } from './context.js';
import type { measurementSourceSchema, qualityCountersSchema, tierTimesSchema } from './counters.js';
import type { TelemetryBody } from './events.js';

export {
  errorBodySchema,
  exitReasonSchema,
  firstFrameBodySchema,
  layoutChangeBodySchema,
  pkEndBodySchema,
  pkStartBodySchema,
  qualityLimitationReasonSchema,
  qualitySampleBodySchema,
  resolutionChangeBodySchema,
  roleChangeBodySchema,
  sessionEndBodySchema,
  sessionStartBodySchema,
  stallEndBodySchema,
  stallStartBodySchema,
  visibilitySchema,
} from './bodies.js';
export {
  coarseStringSchema,
  deviceClassSchema,
  MAX_ATTRS_KEYS,
  MAX_CONTEXT_STRING,
  MAX_CUSTOM_KEYS,
  telemetryAttrsSchema,
  telemetryContextSchema,
  trafficSourceSchema,
} from './context.js';
export { measurementSourceSchema, qualityCountersSchema, tierTimesSchema } from './counters.js';
export {
  ACCEPTED_SCHEMA_VERSIONS,
  eventIdSchema,
  SCHEMA_NAME,
  SCHEMA_VERSION,
  telemetryEnvelopeSchema,
} from './envelope.js';
export type {
  TelemetryBody,
  TelemetryEnvelope,
  TelemetryEvent,
  TelemetryEventOf,
  TelemetryEventType,
} from './events.js';
export { TELEMETRY_EVENT_TYPES, telemetryBodySchemas, telemetryEventSchema, telemetryEventSchemas } from './events.js';
export { exampleEvent } from './examples.js';
export type { TelemetryParseResult } from './parse.js';
export { parseTelemetryEvent, safeParseTelemetryEvent, TelemetryParseError } from './parse.js';

/** App-supplied context (decision 14). */
export type TelemetryContext = z.output<typeof telemetryContextSchema>;
/** Free per-event attributes. */
export type TelemetryAttrs = z.output<typeof telemetryAttrsSchema>;
/** Traffic source category. */
export type TrafficSource = z.output<typeof trafficSourceSchema>;
/** Where a measurement came from (`rvfc`, `provider-stats`, `frame-counters`). */
export type MeasurementSource = z.output<typeof measurementSourceSchema>;
/** Quality counters over a span of a session. */
export type QualityCounters = z.output<typeof qualityCountersSchema>;
/** Time per resolution tier. */
export type TierTimes = z.output<typeof tierTimesSchema>;
/** How a session ended. */
export type ExitReason = z.output<typeof exitReasonSchema>;
/** W3C `qualityLimitationReason`. */
export type QualityLimitationReason = z.output<typeof qualityLimitationReasonSchema>;

/** Body of `session_start`. */
export type SessionStartBody = TelemetryBody<'session_start'>;
/** Body of `first_frame`. */
export type FirstFrameBody = TelemetryBody<'first_frame'>;
/** Body of `quality_sample`. */
export type QualitySampleBody = TelemetryBody<'quality_sample'>;
/** Body of `stall_start`. */
export type StallStartBody = TelemetryBody<'stall_start'>;
/** Body of `stall_end`. */
export type StallEndBody = TelemetryBody<'stall_end'>;
/** Body of `resolution_change`. */
export type ResolutionChangeBody = TelemetryBody<'resolution_change'>;
/** Body of `role_change`. */
export type RoleChangeBody = TelemetryBody<'role_change'>;
/** Body of `pk_start`. */
export type PkStartBody = TelemetryBody<'pk_start'>;
/** Body of `pk_end`. */
export type PkEndBody = TelemetryBody<'pk_end'>;
/** Body of `layout_change`. */
export type LayoutChangeBody = TelemetryBody<'layout_change'>;
/** Body of `error`. */
export type ErrorBody = TelemetryBody<'error'>;
/** Body of `session_end`. */
export type SessionEndBody = TelemetryBody<'session_end'>;
