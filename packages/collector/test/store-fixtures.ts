/**
 * Stores events straight through admission and the event store, without
 * HTTP, for tests of the views and the report.
 */
import { admitEvent } from '../src/ingest/admission.js';
import type { EventStore } from '../src/storage/event-store.js';

/** Admits and inserts `events`; throws if any is rejected, since fixtures must be valid. */
export async function ingestRows(store: EventStore, events: readonly unknown[]): Promise<void> {
  const policy = { receivedAt: Date.now(), maxFutureSkewMs: 300_000, maxEventBytes: 16_384 };
  const rows = events.map((event) => {
    const admission = admitEvent(event, policy);
    if (!admission.ok) throw new Error(`fixture rejected: ${admission.message} ${JSON.stringify(admission.issues)}`);
    return admission.row;
  });
  await store.insert(rows);
}
