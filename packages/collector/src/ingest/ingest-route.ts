/**
 * `POST /v1/events`: one batch in, one result per event out (decision 15).
 * The answer is sent only after the batch's commit (decision 16), so a sink
 * that sees 200 may forget the batch, and one that sees a network error or a
 * 5xx resends it and gets `duplicate` for what already landed.
 */
import type { IncomingMessage } from 'node:http';
import type { EventRow } from '../storage/event-row.js';
import type { GroupCommit } from '../storage/group-commit.js';
import { type Admission, admitEvent, type FieldIssue, type RejectionReason } from './admission.js';
import { parseBatch } from './parse-batch.js';
import { type BodyLimits, readBody } from './read-body.js';

/**
 * The outcome of one event in a batch, in request order. `accepted` means
 * stored now, `duplicate` that the `eventId` was already stored (a retry:
 * success, not an error), `rejected` that it was not stored and must not be
 * resent.
 */
export type EventResult =
  | {
      /** Position of the event in the request (0-based). */
      index: number;
      /** The event's `eventId`, the key that deduplicates retries. */
      eventId: string;
      /** Stored by this request, or already stored by an earlier one. */
      status: 'accepted' | 'duplicate';
    }
  | {
      /** Position of the event in the request (0-based). */
      index: number;
      /** The event's `eventId` (cut to 64 characters), when it had a string one. */
      eventId?: string;
      /** Not stored. */
      status: 'rejected';
      /** Why, as a stable code. */
      reason: RejectionReason;
      /** Why, in English, for logs. */
      message: string;
      /** Each failing field, for `invalid_event`. */
      issues?: FieldIssue[];
    };

/**
 * The 200 body of `POST /v1/events`, sent only after the batch's commit
 * (decision 16). A whole-request refusal is a 4xx with
 * `{ error: RequestErrorCode, message }` instead.
 */
export interface IngestResponse {
  /** Events stored by this request. */
  accepted: number;
  /** Events whose `eventId` was already stored (retries); success, not an error. */
  duplicate: number;
  /** Events not stored; see their `reason` in `results`. */
  rejected: number;
  /** One result per event, in request order: `results[i].index === i`. */
  results: EventResult[];
}

/** Limits and clock the route works with. */
export interface IngestLimits extends BodyLimits {
  maxEventsPerRequest: number;
  maxEventBytes: number;
  maxFutureSkewMs: number;
}

/** Reads, checks and stores one batch; throws `RequestError` for a bad request as a whole. */
export async function ingestBatch(
  request: IncomingMessage,
  limits: IngestLimits,
  commit: GroupCommit,
  now: () => number = Date.now,
): Promise<IngestResponse> {
  const admissions = admitBatch(await readBody(request, limits), request.headers['content-type'], limits, now());
  const rows: EventRow[] = [];
  for (const admission of admissions) if (admission.ok) rows.push(admission.row);
  const outcomes = await commit.write(rows);
  let stored = 0;
  const response: IngestResponse = { accepted: 0, duplicate: 0, rejected: 0, results: [] };
  admissions.forEach((admission, index) => {
    let result: EventResult;
    if (admission.ok) result = { index, eventId: admission.row.eventId, status: outcomes[stored++]! };
    else {
      const { ok: _ok, ...rejection } = admission;
      result = { index, status: 'rejected', ...rejection };
    }
    response[result.status]++;
    response.results.push(result);
  });
  return response;
}

/**
 * Parses and checks a batch. A function of its own so the body text and the
 * parsed JSON are garbage as soon as it returns: the rows then wait for
 * their commit without keeping the rest alive into the older heap.
 */
function admitBatch(
  text: string,
  contentType: string | undefined,
  limits: IngestLimits,
  receivedAt: number,
): Admission[] {
  const items = parseBatch(text, contentType, limits.maxEventsPerRequest);
  const policy = { receivedAt, maxFutureSkewMs: limits.maxFutureSkewMs, maxEventBytes: limits.maxEventBytes };
  return items.map((item) =>
    item.ok
      ? admitEvent(item.value, policy)
      : { ok: false, reason: item.reason, message: 'This line is not valid JSON.' },
  );
}
