import { describe, expect, it, vi } from 'vitest';
import type { EventRow } from './event-row.js';
import { GroupCommit, type RowSink } from './group-commit.js';

const row = (eventId: string) => ({ eventId }) as EventRow;

/** A sink that records each transaction and treats ids in `stored` as already present. */
function recordingSink(stored = new Set<string>()) {
  const commits: string[][] = [];
  let release: () => void = () => undefined;
  let gate = Promise.resolve();
  const sink: RowSink = {
    async insert(rows) {
      commits.push(rows.map((r) => r.eventId));
      await gate;
      const inserted = new Set(rows.map((r) => r.eventId).filter((id) => !stored.has(id)));
      for (const id of inserted) stored.add(id);
      return inserted;
    },
  };
  const hold = () => {
    gate = new Promise((resolve) => {
      release = resolve;
    });
  };
  return { sink, commits, hold, release: () => release() };
}

describe('GroupCommit', () => {
  it('lets writes that queue behind a running commit share the next one', async () => {
    const { sink, commits, hold, release } = recordingSink();
    const commit = new GroupCommit(sink, { maxRows: 100, lingerMs: 0 });
    hold();
    const first = commit.write([row('a')]);
    const second = commit.write([row('b'), row('c')]);
    const third = commit.write([row('c'), row('d')]);
    release();
    expect(await first).toEqual(['accepted']);
    expect(await second).toEqual(['accepted', 'accepted']);
    expect(await third).toEqual(['duplicate', 'accepted']);
    expect(commits).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('reports ids already stored as duplicates', async () => {
    const { sink } = recordingSink(new Set(['old']));
    expect(await new GroupCommit(sink, { maxRows: 100, lingerMs: 0 }).write([row('old'), row('new')])).toEqual([
      'duplicate',
      'accepted',
    ]);
  });

  it('splits groups at the row limit but never splits one write', async () => {
    const { sink, commits, hold, release } = recordingSink();
    const commit = new GroupCommit(sink, { maxRows: 3, lingerMs: 0 });
    hold();
    const writes = [commit.write([row('a')]), commit.write([row('b'), row('c')]), commit.write([row('d'), row('e')])];
    release();
    await Promise.all(writes);
    expect(commits).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('fails every write of a group whose commit fails, and keeps working afterwards', async () => {
    let fail = true;
    const sink: RowSink = {
      insert: async (rows) => {
        if (fail) throw new Error('disk full');
        return new Set(rows.map((r) => r.eventId));
      },
    };
    const commit = new GroupCommit(sink, { maxRows: 100, lingerMs: 0 });
    await expect(commit.write([row('a')])).rejects.toThrow('disk full');
    fail = false;
    expect(await commit.write([row('a')])).toEqual(['accepted']);
    await commit.flush();
  });

  it('waits up to lingerMs for company, and no longer once the group is full', async () => {
    vi.useFakeTimers();
    try {
      const { sink, commits } = recordingSink();
      const commit = new GroupCommit(sink, { maxRows: 3, lingerMs: 50 });
      const first = commit.write([row('a')]);
      await vi.advanceTimersByTimeAsync(20);
      expect(commits).toEqual([]);
      const second = commit.write([row('b')]);
      await vi.advanceTimersByTimeAsync(30);
      expect(await first).toEqual(['accepted']);
      expect(await second).toEqual(['accepted']);
      expect(commits).toEqual([['a', 'b']]);
      // A full group does not wait: no timer is advanced here.
      expect(await commit.write([row('c'), row('d'), row('e')])).toEqual(['accepted', 'accepted', 'accepted']);
      expect(commits).toEqual([
        ['a', 'b'],
        ['c', 'd', 'e'],
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('answers a write only once the commit holding it has finished', async () => {
    const { sink, hold, release } = recordingSink();
    const commit = new GroupCommit(sink, { maxRows: 100, lingerMs: 0 });
    hold();
    let answered = false;
    const write = commit.write([row('a')]).then((outcomes) => {
      answered = true;
      return outcomes;
    });
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(answered).toBe(false);
    release();
    expect(await write).toEqual(['accepted']);
  });
});
