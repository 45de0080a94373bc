/**
 * Stall accuracy in real Chromium over the local provider (issue 4, DESIGN.md
 * decision 18). Ground truth comes from two places: the injected schedule, as
 * the publisher carried it out (its `replaceTrack(null)` and back, logged by
 * the fixture), and the freezes that Chromium's own receiver stats
 * (`freezeCount`, `totalFreezesDuration`, read every 50 ms) also saw. ±150 ms
 * is a correctness tolerance on a measured duration, not a speed assertion.
 *
 * On 2 shared cores CPU starvation causes real freezes, so a "clean" run
 * means no stalls beyond the ones Chromium itself counted, less those that a
 * measurement on screen rather than at the decoder explains: gaps within
 * {@link NEAR_THRESHOLD_MS} of the threshold, and gaps through which the
 * element's own presented-frame counter stood still.
 *
 * One host and one viewer serve every test, in order: the 30 s clean run, the
 * injected schedule (about 40 s), then mute (a pause) and the session's end.
 * Set `LIVEROOM_ACCURACY_LOG=1` to print what each slot saw.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryEvent, TelemetryEventOf } from '../src/schema/index.js';
import type { FreezeReading } from './fixtures/metrics-room.ts';
import {
  type ChromiumFreezes,
  chromiumFreezes,
  eventsOf,
  HOST_ID,
  openRoomPair,
  POLL,
  type RoomPair,
  sleep,
  telemetry,
} from './fixtures/room-pair.ts';

const CLEAN_RUN_MS = 30_000;
/** Injected stalls (ms), one at the start of each slot: about 40 s in all. */
const SCHEDULE_MS = [300, 600, 1000, 2500] as const;
const SLOT_MS = 10_000;
const TOLERANCE_MS = 150;
/** Agora's web analytics stall threshold, counted apart as `stallsOver500Count`. */
const LONG_STALL_MS = 500;
/**
 * How far over its threshold a gap of ours may be that Chromium did not
 * count. Chromium times frames where the decoder hands them to the renderer;
 * we time them on screen (`requestVideoFrameCallback`, in steps of a 60 Hz
 * display frame), and on a starved machine the screen lags the decoder by a
 * varying few display frames, so a gap this near the threshold can land on
 * either side of Chromium's (observed: gaps up to 98 ms over our threshold
 * that Chromium did not count, at load averages of 25 to 60 on 2 cores).
 */
const NEAR_THRESHOLD_MS = 100;

/** What one slot of the run saw. */
interface Slot {
  /** The scheduled stall (0: none). */
  scheduledMs: number;
  /** The stall as the publisher carried it out: from `replaceTrack(null)` to the track back. */
  carried: { fromMs: number; toMs: number } | undefined;
  /** Our stalls in the slot (`stall_end` with its `stall_start`'s threshold, and what the screen did meanwhile). */
  stalls: { end: TelemetryEventOf<'stall_end'>; thresholdMs: number; screen: ScreenRecord }[];
  /** Chromium's own duration of the injected freeze (the first it counted after the publisher resumed), when it counted it alone. */
  chromiumInjectedMs: number | undefined;
  /** Chromium's new freezes in the slot. */
  chromium: ChromiumFreezes;
  events: TelemetryEvent[];
}

let pair: RoomPair;
const slots: Slot[] = [];

/** Injects `scheduledMs` (0: none) at the start of a slot of `slotMs`, and collects what both sides saw. */
async function runSlot(scheduledMs: number, slotMs: number): Promise<Slot> {
  const { host, viewer } = pair;
  const startedAt = Date.now();
  const eventsBefore = (await telemetry(viewer)).length;
  const logBefore = (await host.evaluate(() => window.lrm.senderLog())).length;
  const chromiumBefore = await chromiumFreezes(viewer);
  // Read every 50 ms, Chromium's counters tell its own measure of the injected
  // stall apart, and the element's presented frames tell which gaps the screen showed.
  const tracing = viewer.evaluate(([id, forMs]) => window.lrm.traceFreezes(id, 50, forMs), [
    HOST_ID,
    slotMs - 500,
  ] as const);
  if (scheduledMs > 0) await viewer.evaluate((ms) => window.lrm.impair('host', { stallMs: ms }), scheduledMs);
  const readings = await tracing;
  await sleep(startedAt + slotMs - Date.now());
  // A stall still under way at the slot's end belongs to it: wait for frames to resume.
  await expect
    .poll(async () => {
      const events = await telemetry(viewer);
      return eventsOf(events, 'stall_start').length - eventsOf(events, 'stall_end').length;
    }, POLL)
    .toBe(0);
  const events = (await telemetry(viewer)).slice(eventsBefore);
  const log = (await host.evaluate(() => window.lrm.senderLog())).slice(logBefore);
  const chromiumAfter = await chromiumFreezes(viewer);
  const starts = eventsOf(events, 'stall_start');
  const stop = log.find((entry) => !entry.sending);
  const resume = log.find((entry) => entry.sending && entry.atMs >= (stop?.atMs ?? Number.POSITIVE_INFINITY));
  const carried = stop && resume ? { fromMs: stop.atMs, toMs: resume.atMs } : undefined;
  const slot: Slot = {
    scheduledMs,
    carried,
    chromiumInjectedMs: carried && freezeAfter(readings, carried.toMs),
    stalls: eventsOf(events, 'stall_end').map((end, i) => ({
      end,
      thresholdMs: starts[i]?.body.thresholdMs ?? 0,
      screen: screenDuring(readings, end),
    })),
    chromium: { count: chromiumAfter.count - chromiumBefore.count, ms: chromiumAfter.ms - chromiumBefore.ms },
    events,
  };
  slots.push(slot);
  return slot;
}

/** The duration of the first freeze Chromium counted after `afterMs`, when that reading counted only it. */
function freezeAfter(readings: readonly FreezeReading[], afterMs: number): number | undefined {
  const i = readings.findIndex((r, k) => k > 0 && r.atMs >= afterMs && r.count > (readings[k - 1]?.count ?? 0));
  const [before, after] = [readings[i - 1], readings[i]];
  if (!before || !after || after.count - before.count !== 1) return undefined;
  return after.totalMs - before.totalMs;
}

/**
 * What the element's own presented-frame counter did inside one of our stalls
 * (its edges trimmed by {@link EDGE_MS}): `froze` when it stood still across
 * two readings or more, `moved` when it counted 2 frames or more, `unread`
 * without two readings inside. Only `froze` is used as evidence: the readings
 * run on the page's main thread, and on a starved one `moved` may come from a
 * late reading.
 */
type ScreenRecord = 'froze' | 'moved' | 'unread';

/** Trimmed from both ends of a stall before reading the screen's record: callbacks run a little after their frame. */
const EDGE_MS = 50;

function screenDuring(readings: readonly FreezeReading[], end: TelemetryEventOf<'stall_end'>): ScreenRecord {
  const inside = readings.filter((r) => r.atMs > end.ts - end.body.durationMs + EDGE_MS && r.atMs < end.ts - EDGE_MS);
  const [first, last] = [inside[0], inside.at(-1)];
  if (!first || !last || first === last) return 'unread';
  return last.presented - first.presented >= 2 ? 'moved' : 'froze';
}

/** How long the publisher was silent in a slot. */
const carried = (slot: Slot) => (slot.carried?.toMs ?? Number.NaN) - (slot.carried?.fromMs ?? Number.NaN);

/** Injections of one scheduled stall before its ground truth counts as unreadable (a starved machine). */
const ATTEMPTS = 3;

/**
 * Chromium's measure is ground truth for the injected stall only when it
 * counted that freeze alone and whole: one freeze in the reading after the
 * publisher resumed, at least as long as the silence less the tolerance.
 * A CPU freeze right next to it, or frames still in flight when the
 * publisher went silent, split or merge it; the stall is then injected again.
 * (This looks at the ground truth only, never at our measure.)
 */
const readable = (slot: Slot) =>
  slot.chromiumInjectedMs !== undefined && slot.chromiumInjectedMs >= carried(slot) - TOLERANCE_MS;

/**
 * A stall the collector counted: one a tick saw live is withdrawn when its
 * frame shows the wait fell short, and its `stall_end` then says
 * `withdrawn: true` and carries that wait, below its start's threshold.
 */
const counted = (end: TelemetryEventOf<'stall_end'>) => end.body.withdrawn !== true;

/** The injected stall among a slot's: the first counted one to end after the publisher resumed (no frame flows before). */
function injectedStall(slot: Slot) {
  const resumedAt = slot.carried?.toMs ?? Number.POSITIVE_INFINITY;
  return slot.stalls.find((stall) => counted(stall.end) && stall.end.ts >= resumedAt);
}

/**
 * Our stalls that Chromium's count need not hold: gaps so near the threshold
 * that Chromium may have judged them just under it ({@link NEAR_THRESHOLD_MS}),
 * and freezes of the screen itself, which the element's presented-frame
 * counter shows while Chromium's receiver, which counts at the decoder's
 * output, may not (a starved compositor). Both are real; neither is a false
 * positive (decision 18).
 */
const explained = (slot: Slot) =>
  slot.stalls.filter((s) => s.end.body.durationMs - s.thresholdMs < NEAR_THRESHOLD_MS || s.screen === 'froze').length;

function describeSlot(slot: Slot): string {
  const { events: _, stalls, carried: __, ...rest } = slot;
  return JSON.stringify({
    ...rest,
    carriedMs: carried(slot),
    ours: stalls.map((s) => `${s.end.body.durationMs}/${s.thresholdMs}/${s.screen}`).join(' '),
  });
}

beforeAll(async () => {
  pair = await openRoomPair('stall-accuracy');
});

afterAll(async () => {
  if (process.env.LIVEROOM_ACCURACY_LOG) for (const slot of slots) console.log(describeSlot(slot));
  await pair?.harness.close();
});

describe('stall accuracy in Chromium over the local provider', () => {
  it('measures from rendered frames and reports no stall in a 30 s clean run beyond the ones Chromium counted', async () => {
    const [first] = eventsOf(await telemetry(pair.viewer), 'first_frame');
    expect(first?.body).toMatchObject({ source: 'rvfc', participantId: HOST_ID });
    const clean = await runSlot(0, CLEAN_RUN_MS);
    const samples = eventsOf(clean.events, 'quality_sample');
    expect(samples.length).toBeGreaterThanOrEqual(20);
    expect(samples.every((s) => s.body.source === 'rvfc')).toBe(true);
    expect(clean.stalls.length - explained(clean), describeSlot(clean)).toBeLessThanOrEqual(clean.chromium.count);
  });

  it('detects the injected 300, 600, 1000 and 2500 ms stalls, each within ±150 ms of Chromium and never shorter than injected', async () => {
    for (const scheduledMs of SCHEDULE_MS) {
      let slot = await runSlot(scheduledMs, SLOT_MS);
      for (let attempt = 1; attempt < ATTEMPTS && !readable(slot); attempt += 1)
        slot = await runSlot(scheduledMs, SLOT_MS);
      const what = describeSlot(slot);
      expect(readable(slot), what).toBe(true);
      const carriedMs = carried(slot);
      const stall = injectedStall(slot);
      expect(stall?.end.body, what).toMatchObject({ source: 'rvfc', participantId: HOST_ID });
      const durationMs = stall?.end.body.durationMs ?? 0;
      // The viewer sees the publisher's silence stretched by the time the first
      // frame after it takes to reach the screen (more under load), never shrunk.
      expect(durationMs, what).toBeGreaterThanOrEqual(carriedMs - TOLERANCE_MS);
      // Chromium's receiver measured the same freeze: the durations agree.
      expect(Math.abs(durationMs - (slot.chromiumInjectedMs ?? 0)), what).toBeLessThanOrEqual(TOLERANCE_MS);
      if (scheduledMs >= LONG_STALL_MS) {
        expect(durationMs, what).toBeGreaterThanOrEqual(LONG_STALL_MS);
      } else {
        // At the fake camera's 20 fps (50 ms frames) the W3C rule's threshold is
        // max(3 × 50, 50 + 150) = 200 ms (205 ms with the gap in the mean, as
        // libwebrtc counts it): a 300 ms gap is a stall, by our count and Chromium's.
        expect(stall?.thresholdMs, what).toBeLessThan(scheduledMs);
        expect(durationMs, what).toBeGreaterThanOrEqual(stall?.thresholdMs ?? Number.POSITIVE_INFINITY);
      }
    }
  }, 240_000);

  it('calls a muted publisher a pause, not a stall, and ends the session with totals that add up the stall events', async () => {
    const { host, viewer } = pair;
    const lastSample = async () => eventsOf(await telemetry(viewer), 'quality_sample').at(-1)?.body.delta;
    const stallsBefore = eventsOf(await telemetry(viewer), 'stall_end').length;
    await host.evaluate(() => window.lrm.setMuted('camera', true));
    await expect.poll(async () => (await lastSample())?.pausedMs ?? 0, POLL).toBeGreaterThan(500);
    await host.evaluate(() => window.lrm.setMuted('camera', false));
    await expect.poll(async () => (await lastSample())?.playingMs ?? 0, POLL).toBeGreaterThan(500);
    // Unmuting may race a CPU freeze; none of the pause itself is a stall.
    const stallsAfter = eventsOf(await telemetry(viewer), 'stall_end').slice(stallsBefore);
    expect(stallsAfter.every((s) => s.body.durationMs < 1_000)).toBe(true);

    await viewer.evaluate(() => window.lrm.leave());
    const events = await telemetry(viewer);
    const what = JSON.stringify(events.slice(-12).map((e) => [e.type, e.ts, e.body]));
    const [end] = eventsOf(events, 'session_end');
    expect(end?.body).toMatchObject({
      reason: 'leave',
      videoStarted: true,
      exitBeforeVideoStart: false,
      source: 'rvfc',
    });
    const durations = eventsOf(events, 'stall_end')
      .filter(counted)
      .map((e) => e.body.durationMs);
    const total = end?.body.total;
    expect(total?.pauseCount, what).toBeGreaterThanOrEqual(1);
    // The counters count each stall by the duration its stall_end reports, rounded once.
    expect(total?.stallCount, what).toBe(durations.length);
    expect(total?.stallsOver500Count, what).toBe(durations.filter((d) => d >= LONG_STALL_MS).length);
    expect(total?.stallsOver500Count).toBeGreaterThanOrEqual(3); // 600, 1000 and 2500 ms
    expect(total?.stallMs, what).toBe(durations.reduce((a, b) => a + b, 0));
  });
});
