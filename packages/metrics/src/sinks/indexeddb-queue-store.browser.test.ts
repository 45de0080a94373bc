import { describe, expect, it } from 'vitest';
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
});
