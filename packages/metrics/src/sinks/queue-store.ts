/**
 * Where the HTTP batch sink keeps undelivered events, so they survive a
 * reload (DESIGN.md "Sinks": a bounded queue persisted across reloads). The
 * sink keeps its own copy in memory and writes through to the store; the
 * store is read once, at start. Events are keyed by `eventId`, whose ULID
 * order is their age.
 */
import type { TelemetryEvent } from '../schema/index.js';

/**
 * Persistent storage behind the HTTP batch sink's queue. The sink calls
 * `add` and `delete` without waiting for earlier calls, so a store must apply
 * them in call order, and should start a write before returning.
 */
export interface QueueStore {
  /** Every stored event, oldest first. */
  load(): Promise<TelemetryEvent[]>;
  /** Stores events (an existing `eventId` is overwritten). */
  add(events: readonly TelemetryEvent[]): Promise<void>;
  /** Forgets events by id (unknown ids are ignored). */
  delete(eventIds: readonly string[]): Promise<void>;
}

/** A store that lives as long as the page: for tests, and where IndexedDB is missing. */
export function createMemoryQueueStore(): QueueStore {
  const events = new Map<string, TelemetryEvent>();
  return {
    load: async () => [...events.values()].sort((a, b) => (a.eventId < b.eventId ? -1 : 1)),
    add: async (list) => {
      for (const event of list) events.set(event.eventId, event);
    },
    delete: async (ids) => {
      for (const id of ids) events.delete(id);
    },
  };
}
