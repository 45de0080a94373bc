/**
 * Decides, for one candidate event, whether it may be stored, using the
 * metrics package's schemas unchanged (decision 3): a validator compiled
 * from them passes the valid events, and zod has the last word on the rest.
 * Checks run cheapest first so junk is turned away before the full schema
 * runs, and each rejection carries a stable reason code (decision 15).
 */
import {
  ACCEPTED_SCHEMA_VERSIONS,
  safeParseTelemetryEvent,
  TELEMETRY_EVENT_TYPES,
  type TelemetryEvent,
} from '@liveroom/metrics/schema';
import { type EventRow, eventToRow } from '../storage/event-row.js';
import { fastEventCheck } from './fast-validator.js';

/**
 * Why one event was rejected, in its `rejected` `EventResult`; stable,
 * for clients to branch on. Sinks never resend a rejected event: the same
 * bytes would be rejected again.
 */
export type RejectionReason =
  | 'invalid_json'
  | 'not_an_object'
  | 'event_too_large'
  | 'unknown_type'
  | 'unsupported_version'
  | 'invalid_event'
  | 'ts_in_future';

/** A problem with one field of an `invalid_event` rejection. */
export interface FieldIssue {
  /** Dotted path into the event, e.g. `body.durationMs`; empty for the event as a whole. */
  path: string;
  /** What is wrong with it, in English, e.g. `must be at least 0`. */
  message: string;
}

/** The verdict on one event. */
export type Admission =
  | { ok: true; row: EventRow }
  | { ok: false; reason: RejectionReason; eventId?: string; message: string; issues?: FieldIssue[] };

/** What admission needs to know about the request and the limits. */
export interface AdmissionPolicy {
  /** Server clock at arrival, epoch ms: stored as `receivedAt` (decision 12). */
  receivedAt: number;
  /** How far ahead of `receivedAt` an event's `ts` may be (decision 12). */
  maxFutureSkewMs: number;
  /** Largest event: characters of its stored JSON (`context`, `attrs`, `body`). */
  maxEventBytes: number;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(TELEMETRY_EVENT_TYPES);
const ACCEPTED_VERSIONS: ReadonlySet<unknown> = new Set(ACCEPTED_SCHEMA_VERSIONS);

/** Checks one parsed JSON value and, when it passes, returns its table row. */
export function admitEvent(value: unknown, policy: AdmissionPolicy): Admission {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'not_an_object', message: 'An event must be a JSON object.' };
  }
  const candidate = value as Record<string, unknown>;
  if (typeof candidate.type !== 'string' || !KNOWN_TYPES.has(candidate.type)) {
    return rejection(candidate, 'unknown_type', `Unknown event type ${JSON.stringify(candidate.type)}.`);
  }
  if (candidate.version !== undefined && !ACCEPTED_VERSIONS.has(candidate.version)) {
    return rejection(
      candidate,
      'unsupported_version',
      `Schema version ${JSON.stringify(candidate.version)} is not accepted; accepted: ${[...ACCEPTED_VERSIONS].join(', ')}.`,
    );
  }
  let event: TelemetryEvent;
  if (fastEventCheck()(candidate)) event = candidate;
  else {
    // The compiled check only speeds up the common case; zod decides, and says why.
    const parsed = safeParseTelemetryEvent(value);
    if (!parsed.success)
      return rejection(candidate, 'invalid_event', 'The event does not match its schema.', parsed.issues);
    event = parsed.data;
  }
  if (event.ts > policy.receivedAt + policy.maxFutureSkewMs) {
    return rejection(
      candidate,
      'ts_in_future',
      `ts is ${event.ts - policy.receivedAt} ms ahead of the server clock; the allowed skew is ${policy.maxFutureSkewMs} ms.`,
    );
  }
  const row = eventToRow(event, policy.receivedAt);
  // Measured on what would be stored: the schema has already stripped unknown keys.
  const size = row.context.length + row.attrs.length + row.body.length;
  if (size > policy.maxEventBytes) {
    return rejection(
      candidate,
      'event_too_large',
      `The event holds ${size} characters of JSON; the limit is ${policy.maxEventBytes}.`,
    );
  }
  return { ok: true, row };
}

/** A rejection, naming the event's id when it has a usable one (built only on this rare path). */
function rejection(
  candidate: Record<string, unknown>,
  reason: RejectionReason,
  message: string,
  issues?: FieldIssue[],
): Admission {
  const eventId = typeof candidate.eventId === 'string' ? candidate.eventId.slice(0, 64) : undefined;
  return {
    ok: false,
    reason,
    message,
    ...(eventId === undefined ? {} : { eventId }),
    ...(issues === undefined ? {} : { issues }),
  };
}
