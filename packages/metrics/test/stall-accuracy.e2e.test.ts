/**
 * Stall accuracy in real Chromium over the local provider (issue 4, DESIGN.md
 * decision 18). Ground truth comes from two places: the injected schedule, as
 * the publisher carried it out (its `replaceTrack(null)` and back, logged by
 * the fixture), and the freezes that Chromium's own receiver stats
 * (`freezeCount`, `totalFreezesDuration`) also saw. On 2 shared cores CPU
 * starvation causes real freezes, so a "clean" run means no stalls beyond the
 * ones Chromium itself counted. ±150 ms is a correctness tolerance on a
 * measured duration, not a speed assertion.
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
 * How far over its threshold a gap of ours may be that Chromium did not count.
 * Chromium times frames where the decoder hands them to the renderer; we time
 * them on screen (`requestVideoFrameCallback`, in steps of a 60 Hz display
 * frame), and on a starved machine the screen runs up to a couple of display
 * frames late. A gap this close to the threshold can land on either side of
 * it (observed: up to 44 ms over ours at a load average of 25 on 2 cores).
 */
const NEAR_THRESHOLD_MS = 3 * (1000 / 60);

/** What one slot of the run saw. */
interface Slot {
  /** The scheduled stall (0: none). */
  scheduledMs: number;
  /** The stall as the publisher carried it out: from `replaceTrack(null)` to the track back. */
  carried: { fromMs: number; toMs: number } | undefined;
  /** Our stalls in the slot (`stall_end` with its `stall_start`'s threshold). */
  stalls: { end: TelemetryEventOf<'stall_end'>; thresholdMs: number }[];
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
  // Chromium's counters, read every 50 ms around the stall, tell its own measure of it apart.
  const tracing = viewer.evaluate(([id, forMs]) => window.lrm.traceFreezes(id, 50, forMs), [
    HOST_ID,
    scheduledMs > 0 ? scheduledMs + 3_000 : 0,
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
    stalls: eventsOf(events, 'stall_end').map((end, i) => ({ end, thresholdMs: starts[i]?.body.thresholdMs ?? 0 })),
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

/** The injected stall among a slot's: the first to end after the publisher resumed (no frame flows before). */
function injectedStall(slot: Slot) {
  const resumedAt = slot.carried?.toMs ?? Number.POSITIVE_INFINITY;
  return slot.stalls.find((stall) => stall.end.ts >= resumedAt);
}

/** Our stalls that Chromium may have judged just under its threshold (see {@link NEAR_THRESHOLD_MS}). */
const nearThreshold = (slot: Slot) =>
  slot.stalls.filter((s) => s.end.body.durationMs - s.thresholdMs < NEAR_THRESHOLD_MS).length;

function describeSlot({ events: _, stalls, carried, ...slot }: Slot): string {
  return JSON.stringify({
    ...slot,
    carriedMs: carried && carried.toMs - carried.fromMs,
    ours: stalls.map((s) => `${s.end.body.durationMs}/${s.thresholdMs}`).join(' '),
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
    expect(clean.stalls.length, describeSlot(clean)).toBeLessThanOrEqual(clean.chromium.count + nearThreshold(clean));
  });

  it('detects the injected 300, 600, 1000 and 2500 ms stalls, each within ±150 ms of Chromium and never shorter than injected', async () => {
    for (const scheduledMs of SCHEDULE_MS) {
      const slot = await runSlot(scheduledMs, SLOT_MS);
      const what = describeSlot(slot);
      const carriedMs = (slot.carried?.toMs ?? Number.NaN) - (slot.carried?.fromMs ?? Number.NaN);
      const stall = injectedStall(slot);
      expect(stall?.end.body, what).toMatchObject({ source: 'rvfc', participantId: HOST_ID });
      const durationMs = stall?.end.body.durationMs ?? 0;
      // The viewer sees the publisher's silence stretched by the time the first
      // frame after it takes to reach the screen (more under load), never shrunk.
      expect(durationMs, what).toBeGreaterThanOrEqual(carriedMs - TOLERANCE_MS);
      // Chromium's receiver measured the same freeze: the durations agree.
      expect(slot.chromiumInjectedMs, what).toBeDefined();
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
      // Beyond the injected stall, only the freezes Chromium counted as well.
      expect(slot.stalls.length - 1, what).toBeLessThanOrEqual(slot.chromium.count - 1 + nearThreshold(slot));
    }
  });

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
    const [end] = eventsOf(events, 'session_end');
    expect(end?.body).toMatchObject({
      reason: 'leave',
      videoStarted: true,
      exitBeforeVideoStart: false,
      source: 'rvfc',
    });
    const durations = eventsOf(events, 'stall_end').map((s) => s.body.durationMs);
    const total = end?.body.total;
    expect(total?.pauseCount).toBeGreaterThanOrEqual(1);
    expect(total?.stallCount).toBe(durations.length);
    expect(total?.stallsOver500Count).toBe(durations.filter((d) => d >= LONG_STALL_MS).length);
    expect(total?.stallsOver500Count).toBeGreaterThanOrEqual(3); // 600, 1000 and 2500 ms
    // Each event's duration is rounded on its own; the total once.
    const sum = durations.reduce((a, b) => a + b, 0);
    expect(Math.abs((total?.stallMs ?? 0) - sum)).toBeLessThanOrEqual(durations.length / 2 + 1);
  });
});
