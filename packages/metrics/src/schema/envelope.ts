/**
 * The envelope every telemetry event shares (DESIGN.md "Telemetry events").
 * Objects strip unknown keys instead of rejecting them, so a collector on an
 * older minor release still accepts events that gained a field (decision 13).
 */
import type { Role } from '@liveroom/core';
import * as z from 'zod/mini';
import type { TelemetryAttrs, TelemetryContext } from './coarse-values.js';
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

/**
 * The fields every event carries besides `type` and `body`, written out for
 * their docs and kept equal to the schema by `types.test-d.ts`.
 */
export type TelemetryEnvelope = {
  /** Always `liveroom.telemetry` ({@link SCHEMA_NAME}): tells these events apart in a shared pipeline. */
  schema: 'liveroom.telemetry';
  /** The schema version ({@link SCHEMA_VERSION}); a new field keeps it, a renamed or removed one bumps it (decision 13). */
  version: 1;
  /** A 26-character ULID: unique, sorts by time, monotonic within a session; the collector's dedupe key (decision 16). */
  eventId: string;
  /** When the event happened, by the client's clock, epoch ms (the collector adds `receivedAt`, decision 12). */
  ts: number;
  /** Per session: 0 for `session_start`, then gap-free (decision 11), so a missing event shows as a gap. */
  seq: number;
  /** One viewer's stay in one room. */
  sessionId: string;
  /** The room, as passed to `join()`. */
  roomId: string;
  /** The local user's pseudonymous id (decision 14). */
  userId: string;
  /** The local user's role when the event was sent. */
  role: Role;
  /** The provider the room runs on (`local`, `agora`). */
  provider: string;
  /** The `@liveroom/metrics` version that sent the event. */
  sdkVersion: string;
  /** App-supplied, coarse, non-personal context, the same on every event of a session. */
  context: TelemetryContext;
  /** Free per-event attributes. */
  attrs?: TelemetryAttrs | undefined;
  /** Events the sink queue dropped just before this one (decision 11: only in pathological outages); absent when none. */
  dropped?: number | undefined;
};

/** The zod shape of {@link TelemetryEnvelope}, without `type` and `body`. */
export const envelopeShape = {
  schema: z.literal(SCHEMA_NAME),
  version: z.literal(ACCEPTED_SCHEMA_VERSIONS),
  eventId: eventIdSchema,
  ts: countSchema,
  seq: countSchema,
  sessionId: idSchema,
  roomId: idSchema,
  userId: idSchema,
  role: roleSchema,
  provider: z.string().check(z.minLength(1), z.maxLength(32)),
  sdkVersion: z.string().check(z.minLength(1), z.maxLength(32)),
  context: telemetryContextSchema,
  attrs: z.optional(telemetryAttrsSchema),
  dropped: z.optional(z.number().check(z.int(), z.gte(1))),
};

/** The envelope alone, for tools that read any event type. */
export const telemetryEnvelopeSchema = z.object({ ...envelopeShape, type: z.string() });
