/**
 * The HTTP batch sink's queue in IndexedDB: one object store keyed by
 * `eventId`, so key order is age order (ULIDs). Tabs of one origin share it;
 * an event two tabs both send is deduplicated by the ingest (decision 16).
 */
import type { TelemetryEvent } from '../schema/index.js';
import type { QueueStore } from './queue-store.js';

const STORE = 'events';

/** Settles when `tx` commits (or fails). */
function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });
}

/** Opens (creating when needed) the queue database `name`. */
export function createIndexedDbQueueStore(name = 'liveroom-telemetry'): QueueStore {
  let database: IDBDatabase | undefined;
  let opened: Promise<IDBDatabase> | undefined;
  const db = () => {
    opened ??= new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE, { keyPath: 'eventId' });
      open.onsuccess = () => {
        database = open.result;
        resolve(database);
      };
      open.onerror = () => reject(open.error);
    });
    return opened;
  };
  // Once the database is open, a write's transaction starts and commits in the caller's task:
  // one made during `pagehide` is then sent before the page goes. Readwrite transactions run in
  // the order they were created, so writes apply in call order.
  const write = <T>(items: readonly T[], apply: (store: IDBObjectStore, item: T) => void) => {
    const run = (open: IDBDatabase) => {
      const tx = open.transaction(STORE, 'readwrite');
      for (const item of items) apply(tx.objectStore(STORE), item);
      tx.commit?.(); // Safari before 15 has no commit(): the transaction then commits when idle
      return done(tx);
    };
    return database ? run(database) : db().then(run);
  };
  return {
    async load() {
      const tx = (await db()).transaction(STORE);
      const all = tx.objectStore(STORE).getAll() as IDBRequest<TelemetryEvent[]>;
      await done(tx);
      return all.result;
    },
    add: (events) => write(events, (store, event) => store.put(event)),
    delete: (ids) => write(ids, (store, id) => store.delete(id)),
  };
}
