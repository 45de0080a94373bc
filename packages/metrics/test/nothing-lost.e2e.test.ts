/**
 * Nothing lost (issue 4, DESIGN.md decisions 11, 15 and 16), end to end in
 * Chromium: a viewer's real quality collector watches a host over the local
 * provider and sends through the real HTTP batch sink to the real
 * `@liveroom/collector` ingest, behind a proxy that fails half the batches
 * (503s, reset connections, and answers lost after the ingest committed),
 * then refuses connections for 30 s, then comes back. Midway through the
 * outage the viewer's page reloads: what it had queued in IndexedDB must be
 * sent by the reloaded page's sink, whose new session continues meanwhile.
 *
 * When the endpoint is back, the viewer leaves the page at once, so the end
 * of its second session can only arrive through the page-hide path
 * (`fetch` with `keepalive`, or a beacon).
 *
 * Ground truth is the page's ledger of every event its collector produced
 * (kept in `localStorage`, so it spans the reload). Every one must be stored
 * exactly once by `eventId`, with `seq` gap-free in both sessions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { EventStore, type RunningCollector, startCollector } from '@liveroom/collector';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from '../../../scripts/testing/harness.ts';
import type { LedgerEntry } from './fixtures/nothing-lost.ts';
import { type FlakyEndpoint, startFlakyEndpoint } from './fixtures/nothing-lost-endpoint.ts';

vi.setConfig({ testTimeout: 300_000, hookTimeout: 120_000 });

const OUTAGE_MS = 30_000;
const POLL = { timeout: 60_000, interval: 250 };
const WRITE_KEY = 'nothing-lost-write-key';
const ROOM = 'nothing-lost';
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

let dir: string;
let collector: RunningCollector;
let endpoint: FlakyEndpoint;
let h: Harness;
let host: Page;
let viewer: Page;

const ledger = () => viewer.evaluate(() => window.nl.ledger()) as Promise<LedgerEntry[]>;
const sessionsOf = (entries: readonly LedgerEntry[]) => [...new Set(entries.map((e) => e.sessionId))];
const startViewer = () =>
  viewer.evaluate((options) => window.nl.viewer(options), {
    signallingUrl: h.signallingUrl,
    roomId: ROOM,
    ingestUrl: `${endpoint.url}/v1/events`,
    writeKey: WRITE_KEY,
  });

/** `seq` values of one session, in order. */
const seqsOf = (rows: readonly { sessionId: string; seq: number }[], sessionId: string) =>
  rows
    .filter((r) => r.sessionId === sessionId)
    .map((r) => r.seq)
    .sort((a, b) => a - b);
const zeroTo = (n: number) => Array.from({ length: n }, (_, i) => i);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'nothing-lost-'));
  collector = await startCollector({ port: 0, dbPath: join(dir, 'events.duckdb'), writeKey: WRITE_KEY });
  endpoint = await startFlakyEndpoint(collector.url);
  h = await startHarness({ fixturesDir: fixtures });
  [host, viewer] = await Promise.all([h.newPage('nothing-lost.html'), h.newPage('nothing-lost.html')]);
  await host.evaluate((options) => window.nl.host(options), { signallingUrl: h.signallingUrl, roomId: ROOM });
});

afterAll(async () => {
  await h?.close();
  await endpoint?.close();
  await collector?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('stores every event exactly once through failures, a 30 s outage, a reload and a page exit, seq gap-free per session', async () => {
  // 1. Half the batches fail, in each of the four ways, while the viewer watches (through a stall).
  endpoint.setPhase('flaky');
  await startViewer();
  await viewer.waitForFunction(() => window.nl.ledger().some((e) => e.type === 'first_frame'), undefined, {
    timeout: POLL.timeout,
    polling: POLL.interval,
  });
  await viewer.evaluate(() => window.nl.stall(1_500));
  await expect.poll(() => Math.min(...Object.values(endpoint.tally.faults)), POLL).toBeGreaterThanOrEqual(3);

  // 2. Down for 30 s, with the page reloading in the middle; both sessions keep producing events.
  await endpoint.down();
  endpoint.setPhase('outage');
  const downAt = Date.now();
  const [first] = sessionsOf(await ledger());
  const producedBeforeOutage = (await ledger()).length;
  await expect.poll(async () => (await ledger()).length, POLL).toBeGreaterThan(producedBeforeOutage + 3);
  await sleep(Math.max(0, OUTAGE_MS / 2 - (Date.now() - downAt)));
  await viewer.reload();
  await viewer.waitForFunction(() => window.lrReady === true);
  await startViewer();
  await expect.poll(async () => sessionsOf(await ledger()).length, POLL).toBe(2);
  const second = sessionsOf(await ledger())[1];
  await expect.poll(async () => (await ledger()).filter((e) => e.sessionId === second).length, POLL).toBeGreaterThan(3);
  await sleep(Math.max(0, OUTAGE_MS - (Date.now() - downAt)));

  // 3. Back: the reloaded page's sink drains both sessions' queue. Then the viewer leaves the
  // page: its session_end, written on pagehide, must go out with keepalive (or a beacon).
  endpoint.setMode('up');
  endpoint.setPhase('back');
  await endpoint.up();
  const answered = () => new Set(endpoint.tally.answers.map((a) => a.eventId));
  const unanswered = (entries: readonly LedgerEntry[]) =>
    entries.filter((e) => !answered().has(e.eventId)).map((e) => `${e.type}#${e.seq}@${e.sessionId}`);
  const beforeExit = await ledger();
  await expect.poll(() => unanswered(beforeExit), POLL).toEqual([]);
  await viewer.goto('about:blank');
  await viewer.goto(new URL('nothing-lost.html', h.baseUrl).href);
  await viewer.waitForFunction(() => window.lrReady === true);
  const produced = await ledger();
  await expect.poll(() => unanswered(produced), POLL).toEqual([]);

  // What the ingest stored, read from its database once it has closed.
  await collector.close();
  const store = await EventStore.open(join(dir, 'events.duckdb'), { readOnly: true });
  const rows = (await store.query('SELECT event_id, session_id, seq FROM events')).map((r) => ({
    eventId: String(r.event_id),
    sessionId: String(r.session_id),
    seq: Number(r.seq),
  }));
  await store.close();

  const tally = endpoint.tally;
  const accepted = tally.answers.filter((a) => a.status === 'accepted');
  const duplicates = tally.answers.filter((a) => a.status === 'duplicate');
  const storedIds = rows.map((r) => r.eventId);
  const missing = produced.filter((e) => !storedIds.includes(e.eventId));
  console.log(
    `[nothing-lost] produced ${produced.length} events in 2 sessions; ${tally.requests} batch requests, ` +
      `faults ${JSON.stringify(tally.faults)}; ids posted ${tally.posted.length}, ` +
      `received by the ingest ${tally.forwarded.length} (${tally.forwarded.length - new Set(tally.forwarded).size} repeats), ` +
      `answered duplicate ${duplicates.length}; uncompressed (page-hide) batches ${tally.uncompressed}; ` +
      `stored ${rows.length}; missing ${missing.length}`,
  );

  // Every produced event stored, exactly once, and nothing else.
  expect(missing).toEqual([]);
  expect(new Set(storedIds).size).toBe(storedIds.length);
  expect([...storedIds].sort()).toEqual(produced.map((e) => e.eventId).sort());
  expect(accepted.length).toBe(rows.length);
  // Lost answers made the sink resend committed events, which the ingest recognised.
  expect(duplicates.length).toBeGreaterThan(0);

  // The page-hide path carried the end of the second session (no later page resends it).
  expect(tally.uncompressed).toBeGreaterThan(0);

  // Two sessions, each ended by leaving its page, each gap-free from 0.
  expect(sessionsOf(produced)).toEqual([first, second]);
  for (const sessionId of [first, second] as string[]) {
    const own = produced.filter((e) => e.sessionId === sessionId);
    expect(seqsOf(rows, sessionId)).toEqual(zeroTo(own.length));
  }
  const ends = produced.filter((e) => e.type === 'session_end').map((e) => [e.sessionId, e.detail]);
  expect(ends).toEqual([
    [first, 'pagehide'],
    [second, 'pagehide'],
  ]);

  // The first session's events from the outage reached the ingest only after the reload,
  // so the reloaded page's sink sent them from IndexedDB.
  const firstAnswer = new Map<string, string>();
  for (const a of tally.answers) if (!firstAnswer.has(a.eventId)) firstAnswer.set(a.eventId, a.phase);
  const fromQueue = produced.filter((e) => e.sessionId === first && firstAnswer.get(e.eventId) === 'back');
  expect(fromQueue.length).toBeGreaterThan(3);
  expect(fromQueue.map((e) => e.type)).toContain('session_end');
});
