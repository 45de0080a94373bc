/**
 * `@liveroom/metrics/schema`: the telemetry event schemas (zod/mini), free of
 * DOM code so the Node collector imports them unchanged (DESIGN.md decision 3).
 *
 * @packageDocumentation
 */
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
export type {
  ErrorBody,
  ExitReason,
  FirstFrameBody,
  LayoutChangeBody,
  PkEndBody,
  PkStartBody,
  QualityLimitationReason,
  QualitySampleBody,
  ResolutionChangeBody,
  RoleChangeBody,
  SessionEndBody,
  SessionStartBody,
  StallEndBody,
  StallStartBody,
  TelemetryBodies,
} from './body-types.js';
export type { TelemetryAttrs, TelemetryContext, TrafficSource } from './coarse-values.js';
export {
  coarseStringSchema,
  deviceClassSchema,
  MAX_ATTRS_KEYS,
  MAX_CONTEXT_STRING,
  MAX_CUSTOM_KEYS,
  trafficSourceSchema,
} from './coarse-values.js';
export { telemetryAttrsSchema, telemetryContextSchema } from './context.js';
export type { MeasurementSource, QualityCounters, TierTimes } from './counters.js';
export { measurementSourceSchema, qualityCountersSchema, tierTimesSchema } from './counters.js';
export type { TelemetryEnvelope } from './envelope.js';
export {
  ACCEPTED_SCHEMA_VERSIONS,
  eventIdSchema,
  SCHEMA_NAME,
  SCHEMA_VERSION,
  telemetryEnvelopeSchema,
} from './envelope.js';
export type { TelemetryBody, TelemetryEvent, TelemetryEventOf, TelemetryEventType } from './events.js';
export { TELEMETRY_EVENT_TYPES, telemetryBodySchemas, telemetryEventSchema, telemetryEventSchemas } from './events.js';
export { exampleEvent } from './examples.js';
export type { TelemetryParseResult } from './parse.js';
export { parseTelemetryEvent, safeParseTelemetryEvent, TelemetryParseError } from './parse.js';
