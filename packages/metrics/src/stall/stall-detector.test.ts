import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectStalls, FREEZE_WINDOW_FRAMES, freezeThresholdMs, StallDetector } from './stall-detector.js';

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
    // The gap enters the mean it is judged against: (29 × 33.3 + 150 × 30) / 29.
    expect(summary.stalls[0]?.thresholdMs).toBeCloseTo((29 * (1000 / 30) + 150 * 30) / 29);
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

  it('needs five intervals, the gap included, before it judges a gap (as libwebrtc)', () => {
    expect(detectStalls([0, 33, 66, 100, 1000]).stallCount).toBe(0);
    expect(detectStalls([0, 33, 66, 100, 133, 1000]).stallCount).toBe(1);
  });
});

/**
 * libwebrtc's `VideoQualityObserver::OnRenderedFrame` (Chromium's
 * `freezeCount`), written plainly: the gap enters the 30-interval window
 * first, then is compared with the window's mean. Gaps over 5 s are pauses.
 */
function referenceFreezes(frameTimesMs: readonly number[]): number[] {
  const window: number[] = [];
  const freezes: number[] = [];
  for (let i = 1; i < frameTimesMs.length; i += 1) {
    const gap = (frameTimesMs[i] ?? 0) - (frameTimesMs[i - 1] ?? 0);
    if (gap > 5_000) continue;
    window.push(gap);
    if (window.length > FREEZE_WINDOW_FRAMES) window.shift();
    if (window.length < 5) continue;
    const mean = window.reduce((sum, g) => sum + g, 0) / window.length;
    if (gap >= freezeThresholdMs(mean)) freezes.push(gap);
  }
  return freezes;
}

describe('agreement with Chromium (libwebrtc) verdicts', () => {
  it('judges a gap with the gap in the mean: 203 ms after steady 20 fps is no freeze, 206 ms is', () => {
    // The mean before the gap (50 ms) would put the threshold at 200 ms; with
    // the gap in it, it is (29 × 50 + 150 × 30) / 29 ≈ 205.2 ms.
    expect(detectStalls(after(steady(20, 40), 203, 20, 10)).stallCount).toBe(0);
    expect(detectStalls(after(steady(20, 40), 206, 20, 10)).stallCount).toBe(1);
  });

  it('finds exactly the freezes libwebrtc finds, on any trace', () => {
    const trace = fc
      .array(fc.oneof(fc.integer({ min: 20, max: 80 }), fc.integer({ min: 80, max: 7_000 })), {
        minLength: 1,
        maxLength: 120,
      })
      .map((gaps) => {
        const times = [0];
        for (const gap of gaps) times.push((times.at(-1) ?? 0) + gap);
        return times;
      });
    fc.assert(
      fc.property(trace, (times) => {
        expect(detectStalls(times).stalls.map((s) => s.durationMs)).toEqual(referenceFreezes(times));
      }),
    );
  });

  it('gives the verdicts of a from-scratch mean over a long jittered trace (summed afresh from the ring, nothing drifts)', () => {
    // 100k frames at about 20 fps with sub-ms jitter (fractions, so every add
    // rounds); one gap in 50 within ~10 ms of the threshold (about 205 ms),
    // where a wrong window would flip verdicts; some long stalls, a few pauses.
    let seed = 11;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const times = [0];
    for (let i = 1; i < 100_000; i += 1) {
      const roll = random();
      const gap =
        roll < 0.02
          ? 195 + random() * 20
          : roll < 0.025
            ? 300 + random() * 2_000
            : roll > 0.9995
              ? 5_000 + random() * 2_000
              : 40 + random() * 20;
      times.push((times.at(-1) ?? 0) + gap);
    }
    const summary = detectStalls(times);
    const reference = referenceFreezes(times);
    expect(reference.length).toBeGreaterThan(100);
    expect(summary.pauseCount).toBeGreaterThan(0);
    expect(summary.stalls.map((s) => s.durationMs)).toEqual(reference);
  });

  it('calls a gap a stall live at the same length as when its frame arrives', () => {
    const detector = new StallDetector();
    for (const t of steady(20, 40)) detector.addFrame(t);
    const last = detector.lastFrameMs ?? 0;
    const threshold = detector.thresholdMs ?? 0;
    expect(detector.ongoingGapMs(last + threshold - 0.001)).toBeUndefined();
    expect(detector.ongoingGapMs(last + threshold + 0.001)).toBeCloseTo(threshold);
    expect(detector.addFrame(last + threshold + 0.001)?.kind).toBe('stall');
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
