/**
 * `POST /v1/events`: one batch in, one result per event out (decision 15).
 * The answer is sent only after the batch's commit (decision 16), so a sink
 * that sees 200 may forget the batch, and one that sees a network error or a
 * 5xx resends it and gets `duplicate` for what already landed.
 */
import type { IncomingMessage } from 'node:http';
import type { GroupCommit } from '../storage/group-commit.js';
import { type Admission, admitEvent, type FieldIssue, type RejectionReason } from './admission.js';
import { parseBatch } from './parse-batch.js';
import { type BodyLimits, readBody } from './read-body.js';

/** The outcome of one event in a batch, in request order. */
export type EventResult =
  | { index: number; eventId: string; status: 'accepted' | 'duplicate' }
  | {
      index: number;
      eventId?: string;
      status: 'rejected';
      reason: RejectionReason;
      message: string;
      issues?: FieldIssue[];
    };

/** The 200 body of `POST /v1/events`. */
export interface IngestResponse {
  accepted: number;
  duplicate: number;
  rejected: number;
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
  const text = await readBody(request, limits);
  const items = parseBatch(text, request.headers['content-type'], limits.maxEventsPerRequest);
  const policy = { receivedAt: now(), maxFutureSkewMs: limits.maxFutureSkewMs, maxEventBytes: limits.maxEventBytes };
  const admissions: Admission[] = items.map((item) =>
    item.ok
      ? admitEvent(item.value, policy)
      : { ok: false, reason: item.reason, message: 'This line is not valid JSON.' },
  );
  const rows = admissions.flatMap((admission) => (admission.ok ? [admission.row] : []));
  const outcomes = await commit.write(rows);
  let stored = 0;
  const results = admissions.map((admission, index): EventResult => {
    if (admission.ok) return { index, eventId: admission.row.eventId, status: outcomes[stored++]! };
    const { ok: _ok, ...rejection } = admission;
    return { index, status: 'rejected', ...rejection };
  });
  return {
    accepted: results.filter((r) => r.status === 'accepted').length,
    duplicate: results.filter((r) => r.status === 'duplicate').length,
    rejected: results.filter((r) => r.status === 'rejected').length,
    results,
  };
}
