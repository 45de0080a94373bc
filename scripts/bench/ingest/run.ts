/**
 * Ingest bench: events per second through the collector's HTTP endpoint
 * beside the same events inserted straight into DuckDB by its fastest bulk
 * path, in the same run, as a ratio (target ≥ 50 %). Then the report's time
 * on the ingested file, and optionally on a million events
 * (`--report-events 1000000`). Prints figures only; no assertions.
 *
 * What each side includes, from the same events held in memory to rows
 * committed in the keyed `events` table (`eventId` primary key):
 * - HTTP: a `serve` child process (from the sources through tsx, or with
 *   `--built` the built `dist/cli.js` as installed), with its default
 *   limits; `--browsers` clients, each on its own keep-alive socket and
 *   address (`X-Forwarded-For` with `--trust-proxy`, so the per-client rate
 *   limit applies), post the HTTP sink's batches (`{ "events": [...] }`,
 *   `--batch` events, gzip; encoded before the clock starts, since browsers
 *   do that on their own CPUs). The server reads, gunzips, parses, validates
 *   every event, dedupes and commits; the clock stops at the last answer.
 * - Direct: the same events mapped to rows (no validation: they are
 *   trusted) and appended with DuckDB's appender into the same keyed table
 *   in one transaction; the clock stops after its commit.
 * Neither side's time includes opening the file or the checkpoint at close.
 * Both sides start warm and from the same table: the server gets warm-up
 * batches of other events first, and the direct path appends those same
 * warm-up events (untimed) before its timed append. (The direct path takes
 * about a third more CPU per event into a keyed table that already holds rows
 * than into an empty one, and a collector's table is never empty;
 * `--direct-from-empty` measures the direct path into an empty table anyway.)
 * The sides alternate for `--rounds` rounds and the median ratio is printed,
 * with the load average before and after, since the machine's load drifts.
 * Beside the wall-clock rates it prints events per CPU second of the process
 * doing the work (the `serve` child, from /proc; the bench process for the
 * direct path; DuckDB's threads included on both sides): on a machine shared
 * with other work, wall time mostly measures the neighbours, CPU time
 * measures the code.
 *
 *   node --import tsx scripts/bench/ingest/run.ts [--events 50000] [--rounds 5] [--batch 50] [--browsers 64]
 *     [--report-events 0] [--built] [--direct-from-empty]
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { TelemetryEvent } from '@liveroom/metrics/schema';
import { renderReport } from '../../../packages/collector/src/report/render-report.ts';
import { buildRetentionReport } from '../../../packages/collector/src/report/retention-report.ts';
import { eventToRow } from '../../../packages/collector/src/storage/event-row.ts';
import { EventStore } from '../../../packages/collector/src/storage/event-store.ts';
import { spawnCollector } from '../../../packages/collector/test/child-collector.ts';
import { simulateAudience } from '../../simulate-audience/audience.ts';
import { type EncodedBatch, encodeBatches, postBatches } from './browsers.ts';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '50000' },
    rounds: { type: 'string', default: '5' },
    batch: { type: 'string', default: '50' },
    browsers: { type: 'string', default: '64' },
    'report-events': { type: 'string', default: '0' },
    built: { type: 'boolean', default: false },
    'direct-from-empty': { type: 'boolean', default: false },
  },
});
const target = Number(values.events);
const batchSize = Number(values.batch);
const browsers = Number(values.browsers);
const dir = mkdtempSync(join(tmpdir(), 'bench-ingest-'));
const WRITE_KEY = 'bench-write-key';
/** Events per simulated session at a 10 s heartbeat, to size the audience. */
const EVENTS_PER_SESSION = 25;

const rate = (events: number, ms: number) => Math.round((events / ms) * 1000);
const line = (label: string, value: string) => console.log(`${label.padEnd(48)} ${value}`);

function audienceEvents(count: number, seed: number): TelemetryEvent[] {
  return simulateAudience({ sessions: Math.ceil(count / EVENTS_PER_SESSION), seed }).events.slice(0, count);
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
}

/** CPU seconds this process has used so far. */
function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

async function httpIngest(batches: readonly EncodedBatch[], warmUp: readonly EncodedBatch[], round: number) {
  const dbPath = join(dir, `http-${round}.duckdb`);
  const child = await spawnCollector(['--port', '0', '--db', dbPath, '--write-key', WRITE_KEY, '--trust-proxy'], {
    built: values.built,
  });
  try {
    await postBatches(child.url, WRITE_KEY, warmUp, browsers);
    const pid = child.process.pid!;
    const cpuBefore = cpuSecondsOf(pid);
    const started = performance.now();
    const tally = await postBatches(child.url, WRITE_KEY, batches, browsers);
    const ms = performance.now() - started;
    const cpu = cpuSecondsOf(pid) - cpuBefore;
    if (tally.accepted !== events.length) throw new Error(`HTTP path stored ${tally.accepted} of ${events.length}`);
    return { ms, cpu, dbPath };
  } finally {
    child.process.kill('SIGTERM');
    await child.exited;
  }
}

/** The direct path: rows from the events, one appender transaction, committed; `warmUp` first, untimed. */
async function directLoad(
  path: string,
  source: readonly TelemetryEvent[],
  warmUp: readonly TelemetryEvent[] = [],
): Promise<{ ms: number; cpu: number }> {
  const store = await EventStore.open(path);
  if (warmUp.length > 0) await store.appendUnchecked(warmUp.map((event) => eventToRow(event, Date.now())));
  const cpuBefore = ownCpuSeconds();
  const started = performance.now();
  const receivedAt = Date.now();
  await store.appendUnchecked(source.map((event) => eventToRow(event, receivedAt)));
  const ms = performance.now() - started;
  const cpu = ownCpuSeconds() - cpuBefore;
  await store.close();
  return { ms, cpu };
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
const batches = encodeBatches(events, batchSize);
const warmUpEvents = audienceEvents(Math.min(10_000, target), 2);
const warmUp = encodeBatches(warmUpEvents, batchSize);
const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');
line('events | per request | browsers', `${events.length} | ${batchSize} (gzip) | ${browsers}`);
line(
  'direct path appends into',
  values['direct-from-empty']
    ? 'an empty table'
    : `the warm-up events' table (${warmUpEvents.length} rows), as HTTP does`,
);
line('load average (1, 5, 15 min) before', `${loadAverage()} on ${availableParallelism()} cores`);
const wallRatios: number[] = [];
const cpuRatios: number[] = [];
let lastDb = '';
const percent = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const median = (list: readonly number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
for (let round = 1; round <= Number(values.rounds); round++) {
  const http = await httpIngest(batches, warmUp, round);
  const direct = await directLoad(
    join(dir, `direct-${round}.duckdb`),
    events,
    values['direct-from-empty'] ? [] : warmUpEvents,
  );
  lastDb = http.dbPath;
  wallRatios.push(direct.ms / http.ms);
  cpuRatios.push(direct.cpu / http.cpu);
  line(
    `round ${round}: HTTP | direct | ratio`,
    `${rate(events.length, http.ms)} | ${rate(events.length, direct.ms)} events/s | ${percent(wallRatios.at(-1)!)}` +
      `   per CPU s: ${Math.round(events.length / http.cpu)} | ${Math.round(events.length / direct.cpu)} | ${percent(cpuRatios.at(-1)!)}`,
  );
}
line(
  'median ratio HTTP / direct (target ≥ 50 %)',
  `${percent(median(wallRatios))} wall, ${percent(median(cpuRatios))} CPU`,
);
line('load average (1, 5, 15 min) after', loadAverage());
line(`report (JSON + HTML) on ${events.length} events`, `${Math.round(await timeReport(lastDb))} ms`);

const reportEvents = Number(values['report-events']);
if (reportEvents > 0) {
  const path = join(dir, 'large.duckdb');
  const chunk = 100_000;
  for (let done = 0, seed = 100; done < reportEvents; done += chunk, seed++) {
    await directLoad(path, audienceEvents(Math.min(chunk, reportEvents - done), seed));
  }
  line(`report (JSON + HTML) on ${reportEvents} events`, `${Math.round(await timeReport(path))} ms`);
}
