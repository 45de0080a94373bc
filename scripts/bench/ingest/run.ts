/**
 * Ingest bench: events per second through the collector's HTTP endpoint
 * (a `serve` child process, the way it runs in production) beside the same
 * events appended straight into DuckDB with its appender, in the same run,
 * as a ratio (target ≥ 50 %). The two alternate for `--rounds` rounds and
 * the median ratio is printed, since the machine's load drifts. Then the
 * report's time on the ingested file, and optionally on a million events
 * (`--report-events 1000000`). Prints figures only; no assertions.
 *
 *   node --import tsx scripts/bench/ingest/run.ts [--events 30000] [--rounds 3] [--batch 500] [--concurrency 4] [--report-events 0]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { admitEvent } from '../../../packages/collector/src/ingest/admission.ts';
import { renderReport } from '../../../packages/collector/src/report/render-report.ts';
import { buildRetentionReport } from '../../../packages/collector/src/report/retention-report.ts';
import type { EventRow } from '../../../packages/collector/src/storage/event-row.ts';
import { EventStore } from '../../../packages/collector/src/storage/event-store.ts';
import { spawnCollector } from '../../../packages/collector/test/child-collector.ts';
import { simulateAudience } from '../../simulate-audience/audience.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '30000' },
    rounds: { type: 'string', default: '3' },
    batch: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '4' },
    'report-events': { type: 'string', default: '0' },
  },
});
const target = Number(values.events);
const batchSize = Number(values.batch);
const concurrency = Number(values.concurrency);
const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
const WRITE_KEY = 'bench-write-key';
/** Events per simulated session at a 10 s heartbeat, to size the audience. */
const EVENTS_PER_SESSION = 25;

const rate = (events: number, ms: number) => Math.round((events / ms) * 1000);
const line = (label: string, value: string) => console.log(`${label.padEnd(44)} ${value}`);

function audienceEvents(count: number, seed: number) {
  return simulateAudience({ sessions: Math.ceil(count / EVENTS_PER_SESSION), seed }).events.slice(0, count);
}

function toRows(events: readonly unknown[]): EventRow[] {
  const policy = { receivedAt: Date.now(), maxFutureSkewMs: 300_000, maxEventBytes: 16_384 };
  return events.map((event) => {
    const admission = admitEvent(event, policy);
    if (!admission.ok) throw new Error(admission.message);
    return admission.row;
  });
}

async function httpIngest(events: readonly unknown[], round: number): Promise<{ ms: number; dbPath: string }> {
  const dbPath = join(dir, `http-${round}.duckdb`);
  const child = await spawnCollector(['--port', '0', '--db', dbPath, '--write-key', WRITE_KEY]);
  const bodies: string[] = [];
  for (let i = 0; i < events.length; i += batchSize) bodies.push(JSON.stringify(events.slice(i, i + batchSize)));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const response = await fetch(`${child.url}/v1/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${WRITE_KEY}` },
          body,
        });
        const result = (await response.json()) as { accepted?: number };
        if (response.status !== 200 || result.accepted === undefined) throw new Error(`HTTP ${response.status}`);
      }
    }),
  );
  const ms = performance.now() - started;
  child.process.kill('SIGTERM');
  await child.exited;
  return { ms, dbPath };
}

async function appenderLoad(path: string, rows: readonly EventRow[]): Promise<number> {
  const store = await EventStore.open(path);
  const started = performance.now();
  await store.appendUnchecked(rows);
  const ms = performance.now() - started;
  await store.close();
  return ms;
}

async function timeReport(dbPath: string): Promise<number> {
  const store = await EventStore.open(dbPath);
  const started = performance.now();
  await renderReport(await buildRetentionReport(store, { openGraceMs: 0 }));
  const ms = performance.now() - started;
  await store.close();
  return ms;
}

const events = audienceEvents(target, 1);
const rows = toRows(events);
line('events', String(events.length));
const ratios: number[] = [];
let lastDb = '';
for (let round = 1; round <= Number(values.rounds); round++) {
  const http = await httpIngest(events, round);
  const appendMs = await appenderLoad(join(dir, `appender-${round}.duckdb`), rows);
  lastDb = http.dbPath;
  ratios.push(appendMs / http.ms);
  line(
    `round ${round}: HTTP | appender | ratio`,
    `${rate(events.length, http.ms)} | ${rate(events.length, appendMs)} events/s | ${(ratios.at(-1)! * 100).toFixed(1)} %`,
  );
}
const median = [...ratios].sort((a, b) => a - b)[Math.floor(ratios.length / 2)]!;
line('median ratio HTTP / appender (target ≥ 50 %)', `${(median * 100).toFixed(1)} %`);
line(`report (JSON + HTML) on ${events.length} events`, `${Math.round(await timeReport(lastDb))} ms`);

const reportEvents = Number(values['report-events']);
if (reportEvents > 0) {
  const path = join(dir, 'large.duckdb');
  const chunk = 100_000;
  for (let done = 0, seed = 100; done < reportEvents; done += chunk, seed++) {
    await appenderLoad(path, toRows(audienceEvents(Math.min(chunk, reportEvents - done), seed)));
  }
  line(`report (JSON + HTML) on ${reportEvents} events`, `${Math.round(await timeReport(path))} ms`);
}
