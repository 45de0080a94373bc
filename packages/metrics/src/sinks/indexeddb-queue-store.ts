/**
 * The HTTP batch sink's queue in IndexedDB: one object store keyed by
 * `eventId`, so key order is age order (ULIDs). Tabs of one origin share it;
 * an event two tabs both send is deduplicated by the ingest (decision 16).
 */
import type { TelemetryEvent } from '../schema/index.js';
import type { QueueStore } from './queue-store.js';

const STORE = 'events';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** True where IndexedDB exists (browsers; not Node). */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
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
  const write = (apply: (store: IDBObjectStore) => void) => {
    const run = (open: IDBDatabase) => {
      const tx = open.transaction(STORE, 'readwrite');
      apply(tx.objectStore(STORE));
      tx.commit();
      return done(tx);
    };
    return database ? run(database) : db().then(run);
  };
  return {
    load: async () =>
      request((await db()).transaction(STORE).objectStore(STORE).getAll() as IDBRequest<TelemetryEvent[]>),
    add: (events) =>
      write((store) => {
        for (const event of events) store.put(event);
      }),
    delete: (ids) =>
      write((store) => {
        for (const id of ids) store.delete(id);
      }),
  };
}
