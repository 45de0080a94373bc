import { describe, expect, it } from 'vitest';
import { detectStalls, freezeThresholdMs, StallDetector } from './stall-detector.js';

/** Frame times at a steady rate from `startMs`, `count` frames. */
const steady = (fps: number, count: number, startMs = 0) =>
  Array.from({ length: count }, (_, i) => startMs + (i * 1000) / fps);

/** Appends frames continuing after a gap of `gapMs` from the last one. */
const after = (trace: number[], gapMs: number, fps: number, count: number) => {
  const last = trace.at(-1) ?? 0;
  return [...trace, ...steady(fps, count, last + gapMs)];
};

describe('freezeThresholdMs', () => {
  it('is mean + 150 ms at high frame rates and 3 × mean at low ones', () => {
    expect(freezeThresholdMs(1000 / 30)).toBeCloseTo(1000 / 30 + 150);
    expect(freezeThresholdMs(100)).toBe(300);
  });
});

describe('detectStalls', () => {
  it('finds nothing in steady 30 fps', () => {
    expect(detectStalls(steady(30, 900))).toMatchObject({ stallCount: 0, pauseCount: 0 });
  });

  it('finds nothing in jittered 30 fps (±15 ms)', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const trace = steady(30, 900).map((t) => t + (random() - 0.5) * 30);
    trace.sort((a, b) => a - b);
    expect(detectStalls(trace).stallCount).toBe(0);
  });

  it('finds one long gap as one stall with its duration, and counts it as ≥ 500 ms', () => {
    const summary = detectStalls(after(steady(30, 60), 800, 30, 60));
    expect(summary.stallCount).toBe(1);
    expect(summary.stallMs).toBeCloseTo(800);
    expect(summary.longStallCount).toBe(1);
    expect(summary.stalls[0]?.thresholdMs).toBeCloseTo(1000 / 30 + 150);
  });

  it('counts a 300 ms stall, but not among the ≥ 500 ms ones', () => {
    const summary = detectStalls(after(steady(30, 60), 300, 30, 60));
    expect(summary).toMatchObject({ stallCount: 1, longStallCount: 0 });
  });

  it('does not count frame-rate drops to 15 or 10 fps as freezes', () => {
    expect(detectStalls(after(steady(30, 60), 66, 15, 60)).stallCount).toBe(0);
    expect(detectStalls(after(steady(30, 60), 100, 10, 60)).stallCount).toBe(0);
  });

  it('counts a sudden drop to 4 fps only until the mean adapts', () => {
    const trace = after(steady(30, 60), 250, 4, 60);
    const summary = detectStalls(trace);
    expect(summary.stallCount).toBeGreaterThan(0);
    expect(summary.stallCount).toBeLessThan(10);
    const lastStall = summary.stalls.at(-1)?.endMs ?? 0;
    expect(lastStall).toBeLessThan(trace.at(-30) ?? 0);
  });

  it('calls a gap over 5 s a pause, not a stall, and keeps it out of the stall time', () => {
    const summary = detectStalls(after(steady(30, 60), 6_000, 30, 60));
    expect(summary).toMatchObject({ stallCount: 0, stallMs: 0, pauseCount: 1 });
    expect(summary.pauses[0]).toMatchObject({ durationMs: 6_000, meetsFreezeRule: true });
  });

  it('needs five intervals before it judges a gap', () => {
    expect(detectStalls([0, 33, 66, 1000]).stallCount).toBe(0);
  });
});

describe('StallDetector', () => {
  it('sees an ongoing stall before the next frame arrives', () => {
    const detector = new StallDetector();
    for (const t of steady(30, 30)) detector.addFrame(t);
    const last = detector.lastFrameMs ?? 0;
    expect(detector.ongoingGapMs(last + 100)).toBeUndefined();
    expect(detector.ongoingGapMs(last + 400)).toBeCloseTo(400);
  });

  it('does not treat the time across a restart as a gap', () => {
    const detector = new StallDetector();
    for (const t of steady(30, 30)) detector.addFrame(t);
    detector.restart();
    expect(detector.addFrame(10_000)).toBeUndefined();
    expect(detector.addFrame(10_033)).toBeUndefined();
    expect(detector.thresholdMs).toBeDefined();
  });
});
