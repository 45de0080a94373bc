/**
 * The envelope every telemetry event shares (DESIGN.md "Telemetry events").
 * Objects strip unknown keys instead of rejecting them, so a collector on an
 * older minor release still accepts events that gained a field (decision 13).
 */
import * as z from 'zod/mini';
import { telemetryAttrsSchema, telemetryContextSchema } from './context.js';
import { countSchema } from './counters.js';
import { SCHEMA_NAME, SCHEMA_VERSION } from './name.js';

export { SCHEMA_NAME, SCHEMA_VERSION } from './name.js';

/** Versions a collector accepts: the current one and the previous one, once there is one (decision 13). */
export const ACCEPTED_SCHEMA_VERSIONS: readonly [typeof SCHEMA_VERSION] = [SCHEMA_VERSION];

/**
 * A ULID-style id: 10 Crockford base-32 characters of epoch ms, then 16 of
 * randomness, so ids sort by time (and, from one generator, are monotonic
 * within a session).
 */
export const eventIdSchema = z
  .string()
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be a 26-character ULID (Crockford base 32)'));

const idSchema = z.string().check(z.minLength(1), z.maxLength(128));

/** Roles as in `@liveroom/core`. */
export const roleSchema = z.enum(['host', 'cohost', 'audience']);

/** Envelope fields, without `type` and `body`. */
export const envelopeShape = {
  schema: z.literal(SCHEMA_NAME),
  version: z.literal(ACCEPTED_SCHEMA_VERSIONS),
  eventId: eventIdSchema,
  /** Client clock, epoch ms (decision 12: the collector adds `receivedAt`). */
  ts: countSchema,
  /** Per session, gap-free, 0 for `session_start` (decision 11). */
  seq: countSchema,
  /** One viewer's stay in one room. */
  sessionId: idSchema,
  roomId: idSchema,
  /** Pseudonymous user id (decision 14). */
  userId: idSchema,
  role: roleSchema,
  /** Provider name (`local`, `agora`). */
  provider: z.string().check(z.minLength(1), z.maxLength(32)),
  sdkVersion: z.string().check(z.minLength(1), z.maxLength(32)),
  context: telemetryContextSchema,
  attrs: z.optional(telemetryAttrsSchema),
  /** Events the sink queue dropped before this one (decision 11); absent when none. */
  dropped: z.optional(z.number().check(z.int(), z.gte(1))),
};

/** The envelope alone, for tools that read any event type. */
export const telemetryEnvelopeSchema = z.object({ ...envelopeShape, type: z.string() });
