/**
 * Shared test fixtures: valid events from the metrics package's examples,
 * with fresh ids and current timestamps, and small HTTP helpers.
 */
import { exampleEvent, type TelemetryEventType } from '@liveroom/metrics/schema';
import { ulid } from '../../../scripts/simulate-audience/ulid.ts';
import type { RunningCollector } from '../src/collector.js';
import { EventStore } from '../src/storage/event-store.js';

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

/** Stops `collector` (the file has one writer) and lists the event ids stored in `dbPath`, sorted. */
export async function storedIds(collector: RunningCollector, dbPath: string): Promise<string[]> {
  await collector.close();
  const store = await EventStore.open(dbPath, { readOnly: true });
  const rows = await store.query('SELECT event_id FROM events ORDER BY event_id');
  await store.close();
  return rows.map((row) => String(row.event_id));
}
