/**
 * Faults: the collector is killed with SIGKILL in the middle of a load and
 * restarted; the senders retry (as the browser sink does), and every event
 * ends up stored exactly once, because a batch is acknowledged only after
 * its commit and the commit's write-ahead log survives the kill.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { simulateAudience } from '../../../scripts/simulate-audience/audience.ts';
import { sendEvents } from '../../../scripts/simulate-audience/send.ts';
import { EventStore } from '../src/storage/event-store.js';
import { type ChildCollector, spawnCollector } from './child-collector.js';
import { post, WRITE_KEY } from './fixtures.js';

// HTTP, DuckDB and (for the report) Vega on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('crash recovery', () => {
  it('stores every event exactly once across two SIGKILLs and restarts', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'collector-crash-')), 'events.duckdb');
    const { events } = simulateAudience({ sessions: 300, seed: 5, heartbeatMs: 20_000 });
    const args = ['--db', dbPath, '--write-key', WRITE_KEY];
    let child: ChildCollector = await spawnCollector([...args, '--port', '0']);
    const port = String(child.port);

    // While serve holds the file, another process cannot open it, even read-only (decision 16).
    await expect(EventStore.open(dbPath, { readOnly: true })).rejects.toThrow(/lock/i);

    const killPoints = [events.length / 3, (2 * events.length) / 3];
    let restarting: Promise<void> | undefined;
    const tally = await sendEvents(events, {
      url: child.url,
      writeKey: WRITE_KEY,
      batchSize: 100,
      concurrency: 4,
      maxAttempts: 50,
      baseDelayMs: 50,
      onProgress: ({ accepted }) => {
        if (restarting || accepted < (killPoints[0] ?? Number.POSITIVE_INFINITY)) return;
        killPoints.shift();
        const victim = child;
        restarting = (async () => {
          victim.process.kill('SIGKILL');
          expect(await victim.exited).toBe('SIGKILL');
          child = await spawnCollector([...args, '--port', port]);
          restarting = undefined;
        })();
      },
    });
    while (restarting) await restarting;
    expect(killPoints).toEqual([]);
    expect(tally.retries).toBeGreaterThan(0);
    expect(tally.rejected).toBe(0);
    expect(tally.accepted + tally.duplicate).toBeGreaterThanOrEqual(events.length);

    child.process.kill('SIGTERM');
    expect(await child.exited).toBe(0);
    const store = await EventStore.open(dbPath, { readOnly: true });
    try {
      const rows = await store.query('SELECT event_id FROM events');
      const stored = rows.map((row) => String(row.event_id));
      expect(stored).toHaveLength(events.length);
      expect(new Set(stored)).toEqual(new Set(events.map((event) => event.eventId)));
    } finally {
      await store.close();
    }
  }, 120_000);

  it('keeps every event it acknowledged when killed in the middle of group commits', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'collector-acked-')), 'events.duckdb');
    const { events } = simulateAudience({ sessions: 200, seed: 9, heartbeatMs: 20_000 });
    const child = await spawnCollector(['--db', dbPath, '--write-key', WRITE_KEY, '--port', '0']);
    const acknowledged: string[] = [];
    let next = 0;
    let killed = false;
    // Eight senders keep several requests waiting on each group commit when the kill lands.
    const sender = async () => {
      while (!killed && next < events.length) {
        const batch = events.slice(next, next + 25);
        next += 25;
        const answer = await post(child.url, JSON.stringify(batch)).catch(() => undefined);
        if (answer?.status !== 200 || killed) continue;
        for (const result of answer.json.results as { eventId: string; status: string }[]) {
          if (result.status !== 'rejected') acknowledged.push(result.eventId);
        }
        if (acknowledged.length >= events.length / 2 && !killed) {
          killed = true;
          child.process.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    expect(await child.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThan(0);

    // Opening for writing replays the WAL, as the next `serve` would.
    const store = await EventStore.open(dbPath);
    try {
      const stored = new Set((await store.query('SELECT event_id FROM events')).map((row) => String(row.event_id)));
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);
});
