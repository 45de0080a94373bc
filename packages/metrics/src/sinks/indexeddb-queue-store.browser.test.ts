import { describe, expect, it, vi } from 'vitest';
import { exampleEvent, type TelemetryEvent } from '../schema/index.js';
import { createIndexedDbQueueStore } from './indexeddb-queue-store.js';

const event = (i: number): TelemetryEvent =>
  exampleEvent('stall_end', { eventId: `01JD00XK8Q${String(i).padStart(16, '0')}`, seq: i });

describe('createIndexedDbQueueStore', () => {
  it('keeps events across store instances (a reload), oldest first, and forgets deleted ones', async () => {
    const name = `liveroom-test-${crypto.randomUUID()}`;
    const first = createIndexedDbQueueStore(name);
    await first.add([event(3), event(1)]);
    await first.add([event(2)]);
    await first.delete([event(3).eventId, 'not-there']);

    const reloaded = createIndexedDbQueueStore(name);
    const loaded = await reloaded.load();
    expect(loaded.map((e) => e.seq)).toEqual([1, 2]);
    expect(loaded[0]).toEqual(event(1));
  });

  it('once open, starts and commits a write in the calling task, so a write made on pagehide is not left behind', async () => {
    const store = createIndexedDbQueueStore(`liveroom-test-${crypto.randomUUID()}`);
    await store.load();
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction');
    const commit = vi.spyOn(IDBTransaction.prototype, 'commit');
    const written = store.add([event(1)]);
    expect(transaction).toHaveBeenCalledWith('events', 'readwrite');
    expect(commit).toHaveBeenCalledOnce();
    await written;
    transaction.mockRestore();
    commit.mockRestore();
    expect((await store.load()).map((e) => e.seq)).toEqual([1]);
  });
});
