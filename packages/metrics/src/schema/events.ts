/**
 * The telemetry event union: the envelope plus a typed body per event type,
 * discriminated by `type`.
 */
import * as z from 'zod/mini';
import {
  errorBodySchema,
  firstFrameBodySchema,
  layoutChangeBodySchema,
  pkEndBodySchema,
  pkStartBodySchema,
  qualitySampleBodySchema,
  resolutionChangeBodySchema,
  roleChangeBodySchema,
  sessionEndBodySchema,
  sessionStartBodySchema,
  stallEndBodySchema,
  stallStartBodySchema,
} from './bodies.js';
import { envelopeShape } from './envelope.js';

/** The body schema of each event type. */
export const telemetryBodySchemas = {
  session_start: sessionStartBodySchema,
  first_frame: firstFrameBodySchema,
  quality_sample: qualitySampleBodySchema,
  stall_start: stallStartBodySchema,
  stall_end: stallEndBodySchema,
  resolution_change: resolutionChangeBodySchema,
  role_change: roleChangeBodySchema,
  pk_start: pkStartBodySchema,
  pk_end: pkEndBodySchema,
  layout_change: layoutChangeBodySchema,
  error: errorBodySchema,
  session_end: sessionEndBodySchema,
} as const;

type BodySchemas = typeof telemetryBodySchemas;

/** Every event type, in the order a session usually emits them. */
export type TelemetryEventType = keyof BodySchemas;

/** Every event type as a runtime list. */
export const TELEMETRY_EVENT_TYPES = Object.keys(telemetryBodySchemas) as TelemetryEventType[];

function eventSchema<T extends TelemetryEventType>(type: T) {
  return z.object({ ...envelopeShape, type: z.literal(type), body: telemetryBodySchemas[type] });
}

/** One schema per event type: envelope + `type` literal + body. */
export const telemetryEventSchemas = {
  session_start: eventSchema('session_start'),
  first_frame: eventSchema('first_frame'),
  quality_sample: eventSchema('quality_sample'),
  stall_start: eventSchema('stall_start'),
  stall_end: eventSchema('stall_end'),
  resolution_change: eventSchema('resolution_change'),
  role_change: eventSchema('role_change'),
  pk_start: eventSchema('pk_start'),
  pk_end: eventSchema('pk_end'),
  layout_change: eventSchema('layout_change'),
  error: eventSchema('error'),
  session_end: eventSchema('session_end'),
} satisfies { [T in TelemetryEventType]: z.ZodMiniType };

/** Any telemetry event, discriminated by `type`. */
export const telemetryEventSchema = z.discriminatedUnion(
  'type',
  Object.values(telemetryEventSchemas) as [
    (typeof telemetryEventSchemas)[TelemetryEventType],
    ...(typeof telemetryEventSchemas)[TelemetryEventType][],
  ],
);

/** A telemetry event of the given type. */
export type TelemetryEventOf<T extends TelemetryEventType> = z.output<(typeof telemetryEventSchemas)[T]>;

/** Any telemetry event. */
export type TelemetryEvent = { [T in TelemetryEventType]: TelemetryEventOf<T> }[TelemetryEventType];

/** The body of an event type. */
export type TelemetryBody<T extends TelemetryEventType> = z.output<BodySchemas[T]>;

/** The envelope fields of every event. */
export type TelemetryEnvelope = Omit<TelemetryEvent, 'type' | 'body'>;
