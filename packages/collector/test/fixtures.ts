/**
 * Shared test fixtures: valid events from the metrics package's examples,
 * with fresh ids and current timestamps, and small HTTP helpers.
 */
import { exampleEvent, type TelemetryEventType } from '@liveroom/metrics/schema';
import { ulid } from '../../../scripts/simulate-audience/ulid.ts';

/** The write key every test collector uses. */
export const WRITE_KEY = 'test-write-key-123';
/** The admin key every test collector uses. */
export const ADMIN_KEY = 'test-admin-key-456';

/** A valid event of `type` with a fresh id, `ts` now, in `sessionId`. */
export function freshEvent(type: TelemetryEventType = 'quality_sample', sessionId = 'sess-1', seq = 2) {
  const ts = Date.now();
  return exampleEvent(type, { eventId: ulid(ts), ts, sessionId, seq });
}

/** Posts `body` to `${url}/v1/events` with the test write key unless `headers` says otherwise. */
export async function post(url: string, body: BodyInit, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/v1/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${WRITE_KEY}`, ...headers },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
