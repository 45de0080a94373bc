import type { RemoteVideoStats } from '@liveroom/core';
import { describe, expect, it } from 'vitest';
import { StatsStallTracker } from './stats-stall-tracker.js';

const base: RemoteVideoStats = { participantId: 'host', source: 'webrtc-stats' };

describe('StatsStallTracker', () => {
  it('counts W3C freezes from freezeCount and totalFreezesDuration deltas', () => {
    const tracker = new StatsStallTracker();
    tracker.update(
      { ...base, freezeCount: 0, totalFreezesDurationMs: 0, framesDecoded: 10, framesPerSecond: 30 },
      1000,
      true,
    );
    const missing = tracker.update(
      { ...base, freezeCount: 0, totalFreezesDurationMs: 0, framesDecoded: 10 },
      1000,
      true,
    );
    expect(missing).toMatchObject({ source: 'provider-stats', stalled: true, rendering: false });
    const after = tracker.update(
      { ...base, freezeCount: 1, totalFreezesDurationMs: 1200, framesDecoded: 40, framesPerSecond: 30 },
      1000,
      true,
    );
    expect(after).toMatchObject({ stalled: false, rendering: true, endedStallsMs: [1200] });
  });

  it("runs Agora's totalFreezeTime into one stall per run", () => {
    const tracker = new StatsStallTracker();
    const agora = { ...base, source: 'agora' as const, framesDecoded: 1 };
    tracker.update({ ...agora, totalFreezeTimeMs: 0 }, 1000, true);
    expect(tracker.update({ ...agora, totalFreezeTimeMs: 600 }, 1000, true).stalled).toBe(true);
    tracker.update({ ...agora, totalFreezeTimeMs: 1600 }, 1000, true);
    expect(tracker.update({ ...agora, totalFreezeTimeMs: 1600 }, 1000, true).endedStallsMs).toEqual([1600]);
  });

  it('falls back to frame counters: ticks without decoded frames are stalled time', () => {
    const tracker = new StatsStallTracker();
    tracker.update({ ...base, framesDecoded: 30 }, 1000, true);
    expect(tracker.update({ ...base, framesDecoded: 30 }, 1000, true)).toMatchObject({
      source: 'frame-counters',
      stalled: true,
    });
    expect(tracker.update({ ...base, framesDecoded: 60 }, 1000, true).endedStallsMs).toEqual([1000]);
  });

  it('counts nothing while the publisher is inactive (a pause, decision 8)', () => {
    const tracker = new StatsStallTracker();
    tracker.update({ ...base, framesDecoded: 30 }, 1000, true);
    expect(tracker.update({ ...base, framesDecoded: 30 }, 1000, false).stalled).toBe(false);
    expect(tracker.update({ ...base, framesDecoded: 60 }, 1000, true).endedStallsMs).toEqual([]);
  });
});
