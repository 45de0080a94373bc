import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { admitEvent } from '../src/ingest/admission.js';
import type { EventRow } from '../src/storage/event-row.js';
import { EventStore } from '../src/storage/event-store.js';
import { freshEvent } from './fixtures.js';

setFlagsFromString('--expose-gc');
/** V8's collector, so a dropped DuckDB appender is finalised now rather than at some later commit. */
const collectGarbage = runInNewContext('gc') as () => void;

const policy = { receivedAt: Date.now(), maxFutureSkewMs: 300_000, maxEventBytes: 16_384 };

function rows(sessionId: string, count: number): EventRow[] {
  return Array.from({ length: count }, (_, seq) => {
    const admission = admitEvent(freshEvent('quality_sample', sessionId, seq), policy);
    if (!admission.ok) throw new Error(admission.message);
    return admission.row;
  });
}

let store: EventStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

describe('EventStore.insert', () => {
  it('has committed the rows when it resolves: another connection reads them at once', async () => {
    store = await EventStore.open(join(mkdtempSync(join(tmpdir(), 'liveroom-store-')), 'events.duckdb'));
    const batch = rows('visible', 40);
    expect((await store.insert(batch)).size).toBe(40);
    // `query` runs on the reader connection, which sees only committed rows.
    const [count] = await store.query('SELECT count(*) AS n FROM events');
    expect(Number(count?.n)).toBe(40);
  });

  it('keeps committing after batches that repeat stored ids (a failed append leaves nothing behind)', async () => {
    store = await EventStore.open(join(mkdtempSync(join(tmpdir(), 'liveroom-store-')), 'events.duckdb'));
    const stored = rows('first', 5);
    expect((await store.insert(stored)).size).toBe(5);
    for (let round = 0; round < 5; round++) {
      const fresh = rows(`round-${round}`, 3);
      const inserted = await store.insert([...fresh, stored[round] as EventRow]);
      expect([...inserted].sort()).toEqual(fresh.map((row) => row.eventId).sort());
      // The dropped appender's finaliser runs while the next batch's transaction is open.
      collectGarbage();
      expect((await store.insert(rows(`after-${round}`, 2))).size).toBe(2);
    }
    const [count] = await store.query('SELECT count(*) AS n FROM events');
    expect(Number(count?.n)).toBe(5 + 5 * 3 + 5 * 2);
  });
});
