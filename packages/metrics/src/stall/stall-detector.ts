/**
 * Freeze (stall) and pause detection from rendered-frame times.
 *
 * The rule is W3C webrtc-stats `RTCInboundRtpStreamStats.freezeCount`: a gap
 * between two consecutively rendered frames is a freeze when it is
 * ≥ max(3 × mean frame duration, mean + 150 ms), the mean taken over the last
 * 30 rendered frames (https://www.w3.org/TR/webrtc-stats/#dom-rtcinboundrtpstreamstats-freezecount).
 * Like libwebrtc's `VideoQualityObserver` (which Chromium's `freezeCount`
 * comes from), a gap is judged against the mean of a window that already
 * holds the gap itself (and so holds 5 intervals at least), and a freeze
 * stays in the mean afterwards. So that a stall can be seen live, while
 * frames are still missing, the threshold is solved for the gap length at
 * which that holds ({@link inclusiveFreezeThresholdMs}): a verdict made
 * live and one made when the frame arrives agree with Chromium's.
 *
 * Given frame times alone, a gap over 5 s is a pause (W3C `pauseCount`) and
 * stays out of the mean. The quality collector then reclassifies by cause
 * (DESIGN.md decision 8), which is why every gap reports both verdicts.
 */

/** Gaps at or over this many ms are counted separately (Agora's web analytics stall threshold). */
export const LONG_STALL_MS = 500;
/** A gap over this many ms, with frame times alone, is a pause (W3C `pauseCount`). */
export const PAUSE_GAP_MS = 5_000;
/** Frame intervals in the mean (W3C: "the last 30 rendered frames"). */
export const FREEZE_WINDOW_FRAMES = 30;
/** Intervals in the window, the gap included, before a freeze can be detected (libwebrtc `kMinFrameSamplesToDetectFreeze`). */
export const FREEZE_MIN_SAMPLES = 5;
/** The least increase over the mean that is a freeze (W3C, libwebrtc `kMinIncreaseForFreezeMs`). */
export const FREEZE_MIN_INCREASE_MS = 150;

/** A gap between two rendered frames that is a stall or a pause. */
export interface FrameGap {
  /** W3C verdict from frame times alone: over 5 s is a pause, else a stall. */
  kind: 'stall' | 'pause';
  /** True when the gap meets the freeze rule (a pause by W3C may still meet it). */
  meetsFreezeRule: boolean;
  /** Render time of the frame before the gap. */
  startMs: number;
  /** Render time of the frame after the gap. */
  endMs: number;
  /** `endMs − startMs`: how long the viewer saw one frame frozen, in ms. */
  durationMs: number;
  /** The freeze threshold the gap was judged against, in ms. */
  thresholdMs: number;
}

/** The freeze threshold for a mean frame duration: max(3 × mean, mean + 150 ms). */
export function freezeThresholdMs(meanFrameMs: number): number {
  return Math.max(3 * meanFrameMs, meanFrameMs + FREEZE_MIN_INCREASE_MS);
}

/**
 * The least gap that is a freeze when the gap itself enters the mean, as in
 * libwebrtc: with `keptSumMs` the sum of the `keptCount` earlier intervals
 * the window keeps, a gap g is a freeze when g ≥ freezeThresholdMs(m) for
 * m = (keptSumMs + g) / (keptCount + 1). Solved for g: g ≥ 3·S / (N − 3) and
 * g ≥ (S + 150·N) / (N − 1), with S = `keptSumMs` and N = `keptCount` + 1.
 * `undefined` while the window would hold fewer than 5 intervals.
 */
export function inclusiveFreezeThresholdMs(keptSumMs: number, keptCount: number): number | undefined {
  const n = keptCount + 1;
  if (n < FREEZE_MIN_SAMPLES) return undefined;
  return Math.max((3 * keptSumMs) / (n - 3), (keptSumMs + FREEZE_MIN_INCREASE_MS * n) / (n - 1));
}

/**
 * Incremental detector: feed it each rendered frame's time (e.g. the `now`
 * of `requestVideoFrameCallback`) and it returns the gap that frame ended,
 * when the gap was a stall or a pause.
 */
export class StallDetector {
  /**
   * The last {@link FREEZE_WINDOW_FRAMES} intervals as a ring: `#head` is the
   * slot the next interval overwrites (the oldest one once the ring is full;
   * slots not yet written hold 0). A typed array keeps a frame free of
   * allocation and of array shifting: ~20 frames a second per video all run
   * through here. The mean is summed afresh from the ring at each verdict
   * (30 additions), so no running sum can drift from it.
   */
  readonly #ring = new Float64Array(FREEZE_WINDOW_FRAMES);
  #head = 0;
  #count = 0;
  #lastFrameMs: number | undefined;

  /** Render time of the last frame, or `undefined` before the first (or after {@link restart}). */
  get lastFrameMs(): number | undefined {
    return this.#lastFrameMs;
  }

  /**
   * The least length at which the next gap is a freeze (the gap counted in
   * the mean, as in libwebrtc: the gap itself enters the 30-frame window), or `undefined` while
   * fewer than 4 intervals are known.
   */
  get thresholdMs(): number | undefined {
    // A full window drops its oldest interval, in the head slot, when the gap enters it.
    let keptSum = 0;
    for (let i = 0; i < FREEZE_WINDOW_FRAMES; i += 1) if (i !== this.#head) keptSum += this.#ring[i] ?? 0;
    return inclusiveFreezeThresholdMs(keptSum, Math.min(this.#count, FREEZE_WINDOW_FRAMES - 1));
  }

  /** Records a rendered frame; returns the gap it ended when that gap was a stall or a pause. */
  addFrame(timeMs: number): FrameGap | undefined {
    const last = this.#lastFrameMs;
    this.#lastFrameMs = timeMs;
    if (last === undefined || timeMs <= last) return undefined;
    const durationMs = timeMs - last;
    const thresholdMs = this.thresholdMs;
    const meetsFreezeRule = thresholdMs !== undefined && durationMs >= thresholdMs;
    if (durationMs > PAUSE_GAP_MS) {
      return {
        kind: 'pause',
        meetsFreezeRule,
        startMs: last,
        endMs: timeMs,
        durationMs,
        thresholdMs: thresholdMs ?? 0,
      };
    }
    this.#remember(durationMs);
    if (!meetsFreezeRule) return undefined;
    return { kind: 'stall', meetsFreezeRule, startMs: last, endMs: timeMs, durationMs, thresholdMs };
  }

  /**
   * How long frames have been missing at `nowMs`, when that already meets the
   * freeze rule: the stall is under way. `undefined` otherwise.
   */
  ongoingGapMs(nowMs: number): number | undefined {
    const last = this.#lastFrameMs;
    const threshold = this.thresholdMs;
    if (last === undefined || threshold === undefined) return undefined;
    const gap = nowMs - last;
    return gap >= threshold ? gap : undefined;
  }

  /**
   * Forgets the last frame, so the time until the next one is not a gap.
   * Called when the page is hidden (`requestVideoFrameCallback` stops there,
   * decision 9) or the element changes. The mean is kept.
   */
  restart(): void {
    this.#lastFrameMs = undefined;
  }

  /** Puts an interval into the ring, over the oldest once the ring is full. */
  #remember(intervalMs: number): void {
    this.#ring[this.#head] = intervalMs;
    this.#head = (this.#head + 1) % FREEZE_WINDOW_FRAMES;
    this.#count = Math.min(this.#count + 1, FREEZE_WINDOW_FRAMES);
  }
}

/** What {@link detectStalls} found in a frame-time trace. */
export interface StallSummary {
  /** Each gap that met the freeze rule and lasted at most {@link PAUSE_GAP_MS}, in trace order. */
  stalls: FrameGap[];
  /** Each gap over {@link PAUSE_GAP_MS}, in trace order (W3C `pauseCount`; the cause is unknown here). */
  pauses: FrameGap[];
  /** `stalls.length`, as W3C `freezeCount` would count the trace. */
  stallCount: number;
  /** Total duration of `stalls` in ms (W3C `totalFreezesDuration`, in ms rather than seconds). */
  stallMs: number;
  /** Stalls of {@link LONG_STALL_MS} or more. */
  longStallCount: number;
  /** `pauses.length` (W3C `pauseCount`). */
  pauseCount: number;
  /** Total duration of `pauses` in ms (W3C `totalPausesDuration`, in ms rather than seconds). */
  pauseMs: number;
}

/** Runs a {@link StallDetector} over a whole trace of rendered-frame times (ms, ascending). */
export function detectStalls(frameTimesMs: readonly number[]): StallSummary {
  const detector = new StallDetector();
  const stalls: FrameGap[] = [];
  const pauses: FrameGap[] = [];
  for (const time of frameTimesMs) {
    const gap = detector.addFrame(time);
    if (gap) (gap.kind === 'stall' ? stalls : pauses).push(gap);
  }
  const total = (gaps: FrameGap[]) => gaps.reduce((sum, g) => sum + g.durationMs, 0);
  return {
    stalls,
    pauses,
    stallCount: stalls.length,
    stallMs: total(stalls),
    longStallCount: stalls.filter((g) => g.durationMs >= LONG_STALL_MS).length,
    pauseCount: pauses.length,
    pauseMs: total(pauses),
  };
}
