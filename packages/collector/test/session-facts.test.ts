/**
 * The per-session view (decision 10: a session without `session_end` is
 * closed at its last heartbeat and marked so) and the report's handling of
 * sessions that may still be live.
 */
import { exampleEvent, type TelemetryEventType } from '@liveroom/metrics/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ulid } from '../../../scripts/simulate-audience/ulid.ts';
import { buildRetentionReport } from '../src/report/retention-report.js';
import { EventStore } from '../src/storage/event-store.js';
import { ingestRows } from './store-fixtures.js';

// HTTP, DuckDB and (for the report) Vega on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let store: EventStore;
beforeEach(async () => {
  store = await EventStore.open(':memory:');
});
afterEach(() => store.close());

const joinedAt = Date.now() - 3_600_000;

/** One session's events at the given offsets (ms after join), seq in order. */
function session(sessionId: string, steps: [TelemetryEventType, number, object?][]) {
  return steps.map(([type, at, body], seq) => {
    const event = exampleEvent(type, { eventId: ulid(joinedAt + at), ts: joinedAt + at, seq, sessionId });
    return body ? { ...event, body: { ...event.body, ...body } } : event;
  });
}

const counters = exampleEvent('quality_sample').body.total;

describe('session_facts', () => {
  it('closes a session without session_end at its last heartbeat and marks it', async () => {
    await ingestRows(store, [
      ...session('lost', [
        ['session_start', 0],
        ['first_frame', 700, { startupMs: 700 }],
        ['quality_sample', 10_000, { total: { ...counters, watchMs: 9_300, stalledMs: 0, stallCount: 0 } }],
        ['quality_sample', 20_000, { total: { ...counters, watchMs: 19_000, stalledMs: 300, stallCount: 1 } }],
        ['stall_start', 20_400],
      ]),
      ...session('ended', [
        ['session_start', 0],
        ['first_frame', 900, { startupMs: 900 }],
        ['quality_sample', 10_000],
        ['session_end', 12_000, { dwellMs: 12_000, reason: 'pagehide', msSinceLastStall: 4_000 }],
      ]),
    ]);
    const rows = await store.query(
      `SELECT session_id, end_source, closed_by_collector, exit_reason, dwell_ms, ended_at - started_at AS span,
         watch_ms, stall_count, stall_ratio, startup_ms, stalled_at_exit, ms_since_last_stall
       FROM session_facts ORDER BY session_id`,
    );
    expect(rows).toEqual([
      {
        session_id: 'ended',
        end_source: 'session_end',
        closed_by_collector: false,
        exit_reason: 'pagehide',
        dwell_ms: 12_000n,
        span: 12_000n,
        watch_ms: BigInt(counters.watchMs),
        stall_count: BigInt(counters.stallCount),
        stall_ratio: counters.stalledMs / counters.watchMs,
        startup_ms: 900n,
        stalled_at_exit: false,
        ms_since_last_stall: 4_000n,
      },
      {
        session_id: 'lost',
        end_source: 'last_heartbeat',
        closed_by_collector: true,
        exit_reason: 'unknown',
        dwell_ms: 20_000n,
        span: 20_000n,
        watch_ms: 19_000n,
        stall_count: 1n,
        stall_ratio: 300 / 19_000,
        startup_ms: 700n,
        stalled_at_exit: true,
        ms_since_last_stall: 0n,
      },
    ]);
  });

  it('leaves a withdrawn stall out of the stalls view, the exit context and the report', async () => {
    await ingestRows(
      store,
      session('withdrawn', [
        ['session_start', 0],
        ['first_frame', 700, { startupMs: 700 }],
        ['stall_start', 5_000, { thresholdMs: 205 }],
        ['stall_end', 5_800, { durationMs: 1_000 }],
        // A tick saw this wait live; the late callback of its frame showed a 200 ms gap, short of the threshold.
        ['stall_start', 15_000, { thresholdMs: 205 }],
        ['stall_end', 15_050, { durationMs: 200, withdrawn: true }],
        ['quality_sample', 20_000, { total: { ...counters, stallCount: 1, stallMs: 1_000 } }],
      ]),
    );
    const facts = await store.query(
      'SELECT end_source, stall_count, ms_since_last_stall, stalled_at_exit FROM session_facts',
    );
    // Closed at its last heartbeat, 14.2 s after the counted stall ended (the withdrawn one ended 4.95 s before).
    expect(facts).toEqual([
      { end_source: 'last_heartbeat', stall_count: 1n, ms_since_last_stall: 14_200n, stalled_at_exit: false },
    ]);
    expect(await store.query('SELECT duration_ms, ended_at - started_at AS span FROM stalls')).toEqual([
      { duration_ms: 1_000n, span: 1_000n },
    ]);
    const report = await buildRetentionReport(store, { openGraceMs: 0 });
    const exit10 = report.exitAfterStall.find((row) => row.trafficSource === 'all' && row.windowS === 10);
    expect(exit10).toMatchObject({ stalls: 1, exitsAfterStall: 0, otherExits: 1 });
  });

  it('flags PK and multi-guest sessions and counts missing events', async () => {
    await ingestRows(store, [
      ...session('pk', [
        ['session_start', 0],
        ['pk_start', 1_000],
        ['pk_end', 2_000],
      ]),
      ...session('guests', [
        ['session_start', 0],
        ['layout_change', 1_000, { from: 'single', to: 'grid', tileCount: 3 }],
      ]),
      ...session('gap', [
        ['session_start', 0],
        ['first_frame', 500],
        ['quality_sample', 10_000],
      ]).filter((e) => e.seq !== 1),
    ]);
    const rows = await store.query(
      'SELECT session_id, pk_seen, multi_guest_seen, missing_events FROM session_facts ORDER BY session_id',
    );
    expect(rows).toEqual([
      { session_id: 'gap', pk_seen: false, multi_guest_seen: false, missing_events: 1n },
      { session_id: 'guests', pk_seen: false, multi_guest_seen: true, missing_events: 0n },
      { session_id: 'pk', pk_seen: true, multi_guest_seen: false, missing_events: 0n },
    ]);
  });
});

describe('the report', () => {
  it('leaves out a session without session_end while it may still be live', async () => {
    await ingestRows(
      store,
      session('live', [
        ['session_start', 0],
        ['quality_sample', 10_000],
      ]),
    );
    const sessions = async (openGraceMs: number) =>
      (await buildRetentionReport(store, { openGraceMs })).summary.find((row) => row.trafficSource === 'all')
        ?.sessions ?? 0;
    expect(await sessions(600_000)).toBe(0);
    expect(await sessions(0)).toBe(1);
  });

  it('counts an exit right after a stall against the baseline', async () => {
    await ingestRows(store, [
      ...session('quit', [
        ['session_start', 0],
        ['session_end', 60_000, { msSinceLastStall: 3_000 }],
      ]),
      ...session('stayed', [
        ['session_start', 0],
        ['session_end', 60_000, { msSinceLastStall: 50_000 }],
      ]),
    ]);
    const report = await buildRetentionReport(store, { openGraceMs: 0 });
    const exit10 = report.exitAfterStall.find((row) => row.trafficSource === 'all' && row.windowS === 10)!;
    expect(exit10).toMatchObject({ exitsAfterStall: 1, otherExits: 1, stalls: 2 * counters.stallCount });
    expect(exit10.shareAfterStall).toBe(1 / (2 * counters.stallCount));
  });
});
