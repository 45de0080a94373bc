/**
 * The report must recover the effect sizes the simulated audience was given,
 * after the events went through the real HTTP ingest and the SQL views.
 * Tolerance: within 3 of the report's own standard errors. So that the check
 * has teeth, the stall slope's error must be under 15 % of the slope, and the
 * HD gain must stand out from zero by more than 3 errors. Seeds are fixed,
 * so the run is deterministic.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { simulateAudience } from '../../../scripts/simulate-audience/audience.ts';
import { sendEvents } from '../../../scripts/simulate-audience/send.ts';
import { startCollector } from '../src/collector.js';
import { buildRetentionReport } from '../src/report/retention-report.js';
import { EventStore } from '../src/storage/event-store.js';
import { WRITE_KEY } from './fixtures.js';

// HTTP, DuckDB and (for the report) Vega on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const cases = [
  { name: 'default effects', seed: 7, stallSlopeSecondsPerPoint: -12, hdGainSeconds: 45 },
  { name: 'steeper stall effect, smaller HD gain', seed: 11, stallSlopeSecondsPerPoint: -25, hdGainSeconds: 20 },
];

describe('retention report on a simulated audience', () => {
  it.each(cases)(
    'recovers $name',
    async ({ seed, stallSlopeSecondsPerPoint, hdGainSeconds }) => {
      const dbPath = join(mkdtempSync(join(tmpdir(), 'collector-effects-')), 'events.duckdb');
      const audience = simulateAudience({
        sessions: 1_500,
        seed,
        heartbeatMs: 30_000,
        model: { stallSlopeSecondsPerPoint, hdGainSeconds },
      });
      const collector = await startCollector({
        port: 0,
        dbPath,
        writeKey: WRITE_KEY,
        rateLimit: { perSecond: 1e6, burst: 1e6 },
      });
      const tally = await sendEvents(audience.events, { url: collector.url, writeKey: WRITE_KEY });
      await collector.close();
      expect(tally).toMatchObject({ accepted: audience.events.length, rejected: 0 });

      const store = await EventStore.open(dbPath, { readOnly: true });
      const report = await buildRetentionReport(store, { openGraceMs: 0 });
      await store.close();

      const all = report.effects.find((row) => row.trafficSource === 'all')!;
      // Sessions whose tab died before their first heartbeat have no counters, so no stall ratio.
      expect(all.sessions).toBe(audience.plans.filter((plan) => plan.sendsEnd || plan.dwellMs > 30_000).length);
      expect(all.stallSlopeSe!).toBeLessThan(0.15 * Math.abs(stallSlopeSecondsPerPoint));
      expect(Math.abs(all.stallSlope! - stallSlopeSecondsPerPoint)).toBeLessThan(3 * all.stallSlopeSe!);
      expect(all.hdGain!).toBeGreaterThan(3 * all.hdGainSe!);
      expect(Math.abs(all.hdGain! - hdGainSeconds)).toBeLessThan(3 * all.hdGainSe!);

      // The other figures are present for every source and say what the model says.
      const sources = new Set(report.summary.map((row) => row.trafficSource));
      expect(sources).toEqual(new Set(['all', 'natural', 'paid', 'private_domain', 'cross_platform']));
      const summary = report.summary.find((row) => row.trafficSource === 'all')!;
      const missingEnds = audience.plans.filter((plan) => !plan.sendsEnd).length;
      expect(summary.closedByCollector).toBe(missingEnds);
      const exit10 = report.exitAfterStall.find((row) => row.trafficSource === 'all' && row.windowS === 10)!;
      expect(exit10.shareAfterStall!).toBeGreaterThan(2 * exit10.baselineShare);
    },
    120_000,
  );
});
