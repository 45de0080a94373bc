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
import type { TelemetryBodies } from './body-types.js';
import { envelopeShape, type TelemetryEnvelope } from './envelope.js';

/** The body schema of each event type ({@link TelemetryBodies} describes each body). */
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
} as const satisfies { [T in TelemetryEventType]: z.ZodMiniType<TelemetryBodies[T]> };

/** Every event type, in the order a session usually emits them. */
export type TelemetryEventType = keyof TelemetryBodies;

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

/**
 * A telemetry event of the given type: the {@link TelemetryEnvelope} fields,
 * the `type`, and its body. `types.test-d.ts` keeps it equal to what
 * `telemetryEventSchemas[T]` parses. Given a union of types, it is the union
 * of their events.
 */
export type TelemetryEventOf<T extends TelemetryEventType> = T extends TelemetryEventType
  ? {
      [K in keyof (TelemetryEnvelope & { type: T; body: TelemetryBodies[T] })]: (TelemetryEnvelope & {
        type: T;
        body: TelemetryBodies[T];
      })[K];
    }
  : never;

/** Any telemetry event, discriminated by `type` (check `type` to narrow `body`). */
export type TelemetryEvent = { [T in TelemetryEventType]: TelemetryEventOf<T> }[TelemetryEventType];

/** The body of an event type. */
export type TelemetryBody<T extends TelemetryEventType> = TelemetryBodies[T];
