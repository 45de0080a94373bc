/**
 * The row shape every accepted event is stored as: the envelope in typed
 * columns (so analysts filter and join without JSON functions) and the
 * type-specific body, `context` and `attrs` as JSON.
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import type { TelemetryEvent } from '@liveroom/metrics/schema';

/**
 * One event as the `events` table stores it (columns in snake_case), and
 * what `EventStore.insert` takes.
 */
export interface EventRow {
  /** The envelope's `eventId`: the primary key that deduplicates retries (decision 16). */
  eventId: string;
  /** Schema name from the envelope. */
  schema: string;
  /** Schema version from the envelope (decision 13: current or previous). */
  version: number;
  /** Event type, e.g. `quality_sample`. */
  type: string;
  /** Client clock, epoch ms (decision 12). */
  ts: number;
  /** Server clock when the request arrived, epoch ms (decision 12). */
  receivedAt: number;
  /** Per-session sequence number, gap-free. */
  seq: number;
  /** One viewer's stay in one room: the unit of `session_facts`. */
  sessionId: string;
  /** The room, as passed to `join()`. */
  roomId: string;
  /** The local user's pseudonymous id (decision 14). */
  userId: string;
  /** The local user's role when the event was sent, e.g. `audience` (the report counts only those). */
  role: string;
  /** The provider the room ran on (`local`, `agora`). */
  provider: string;
  /** The `@liveroom/metrics` version that sent the event. */
  sdkVersion: string;
  /** Events the client's queue dropped before this one (decision 11); 0 when none. */
  dropped: number;
  /** `context` as JSON text. */
  context: string;
  /** `attrs` as JSON text. */
  attrs: string;
  /** The fields outside the envelope, as JSON text. */
  body: string;
}

/** `CREATE TABLE` body shared by the `events` table and its staging twin. */
export function eventColumnsDdl(withKey: boolean): string {
  return `(
    event_id VARCHAR ${withKey ? 'PRIMARY KEY' : 'NOT NULL'},
    schema VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    type VARCHAR NOT NULL,
    ts BIGINT NOT NULL,
    received_at BIGINT NOT NULL,
    seq BIGINT NOT NULL,
    session_id VARCHAR NOT NULL,
    room_id VARCHAR NOT NULL,
    user_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,
    provider VARCHAR NOT NULL,
    sdk_version VARCHAR NOT NULL,
    dropped INTEGER NOT NULL,
    context JSON NOT NULL,
    attrs JSON NOT NULL,
    body JSON NOT NULL
  )`;
}

/** Appends one row in table order: DuckDB's fastest bulk path, used by the store and the ingest bench. */
export function appendEventRow(appender: DuckDBAppender, row: EventRow): void {
  appender.appendVarchar(row.eventId);
  appender.appendVarchar(row.schema);
  appender.appendInteger(row.version);
  appender.appendVarchar(row.type);
  appender.appendBigInt(BigInt(Math.round(row.ts)));
  appender.appendBigInt(BigInt(row.receivedAt));
  appender.appendBigInt(BigInt(row.seq));
  appender.appendVarchar(row.sessionId);
  appender.appendVarchar(row.roomId);
  appender.appendVarchar(row.userId);
  appender.appendVarchar(row.role);
  appender.appendVarchar(row.provider);
  appender.appendVarchar(row.sdkVersion);
  appender.appendInteger(row.dropped);
  appender.appendVarchar(row.context);
  appender.appendVarchar(row.attrs);
  appender.appendVarchar(row.body);
  appender.endRow();
}

/** The row of a validated event: the envelope as columns, `context`, `attrs` and `body` as JSON text. */
export function eventToRow(event: TelemetryEvent, receivedAt: number): EventRow {
  return {
    eventId: event.eventId,
    schema: event.schema,
    version: event.version,
    type: event.type,
    ts: event.ts,
    receivedAt,
    seq: event.seq,
    sessionId: event.sessionId,
    roomId: event.roomId,
    userId: event.userId,
    role: event.role,
    provider: event.provider,
    sdkVersion: event.sdkVersion,
    dropped: event.dropped ?? 0,
    context: JSON.stringify(event.context),
    attrs: JSON.stringify(event.attrs ?? {}),
    body: JSON.stringify(event.body),
  };
}
