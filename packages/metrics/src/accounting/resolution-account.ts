/**
 * Resolution accounting: time at each rendered size, switches up and down.
 *
 * Figures follow DESIGN.md "Resolution": time-weighted mean height, time per
 * tier (≤360p, 480p, 720p, ≥1080p) and the share of time at ≥720p (HD share),
 * with tiers by the frame's SHORT side (decision 9: portrait 720×1280 is
 * 720p, as a 1280×720 landscape frame is). Time counts only while video
 * plays in the foreground, like Mux's upscale percentage counts playing time.
 */
import type { TierTimes } from '../schema/index.js';

/** A resolution tier, by short side. */
export type ResolutionTier = keyof TierTimes;

/** A rendered frame size in pixels. */
export interface FrameSize {
  /** Width in pixels, as rendered (`VideoFrameCallbackMetadata.width`, or W3C `frameWidth`). */
  width: number;
  /** Height in pixels, as rendered (`VideoFrameCallbackMetadata.height`, or W3C `frameHeight`). */
  height: number;
}

/** The short side of a frame: its height in landscape, its width in portrait. */
export function shortSide(size: FrameSize): number {
  return Math.min(size.width, size.height);
}

/** The tier of a frame: `le360` ≤ 360 < `p480` < 720 ≤ `p720` < 1080 ≤ `ge1080` (short side). */
export function tierOf(size: FrameSize): ResolutionTier {
  const side = shortSide(size);
  if (side <= 360) return 'le360';
  if (side < 720) return 'p480';
  if (side < 1080) return 'p720';
  return 'ge1080';
}

/** A change of rendered size. */
export interface ResolutionSwitch {
  /** The size before the switch; `undefined` for the first known size. */
  from: FrameSize | undefined;
  /** The size now rendered. */
  to: FrameSize;
  /** By short side; `initial` for the first known size, `same` when only the orientation changed. */
  direction: 'up' | 'down' | 'initial' | 'same';
}

/**
 * The switch from `from` to `size`, with `to` a copy of `size` (callers may
 * reuse their object), or `undefined` when the size did not change.
 */
export function resolutionSwitch(from: FrameSize | undefined, size: FrameSize): ResolutionSwitch | undefined {
  if (from && from.width === size.width && from.height === size.height) return undefined;
  const to = { width: size.width, height: size.height };
  const change = from ? shortSide(to) - shortSide(from) : undefined;
  const direction = change === undefined ? 'initial' : change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  return { from, to, direction };
}

/** Additive resolution totals; derive means and shares with {@link summarizeResolution}. */
export interface ResolutionTotals {
  /** Counted (foreground playing) time per tier by short side, in ms. */
  tierMs: TierTimes;
  /** Σ short side × ms, for the time-weighted mean. */
  heightMs: number;
  /** Switches to a larger short side (`initial` and `same` are not counted). */
  switchesUp: number;
  /** Switches to a smaller short side. */
  switchesDown: number;
}

/** Time-weighted mean short side and HD share, or `undefined` with no counted time. */
export function summarizeResolution(totals: Pick<ResolutionTotals, 'tierMs' | 'heightMs'>): {
  meanHeight: number | undefined;
  hdShare: number | undefined;
} {
  const { le360, p480, p720, ge1080 } = totals.tierMs;
  const counted = le360 + p480 + p720 + ge1080;
  if (counted <= 0) return { meanHeight: undefined, hdShare: undefined };
  return { meanHeight: totals.heightMs / counted, hdShare: (p720 + ge1080) / counted };
}

/** Tracks one stream of sizes over time. Times are any monotonic ms clock. */
export class ResolutionAccount {
  readonly #tierMs: TierTimes = { le360: 0, p480: 0, p720: 0, ge1080: 0 };
  #heightMs = 0;
  #switchesUp = 0;
  #switchesDown = 0;
  #size: FrameSize | undefined;
  #counting = false;
  #sinceMs: number;

  constructor(nowMs: number) {
    this.#sinceMs = nowMs;
  }

  /** The size last reported. */
  get size(): FrameSize | undefined {
    return this.#size;
  }

  /**
   * Reports the size rendered from `nowMs` on and whether that time counts
   * (video playing in the foreground). Returns the switch when the size changed.
   */
  update(nowMs: number, size: FrameSize | undefined, counting: boolean): ResolutionSwitch | undefined {
    this.#advance(nowMs);
    this.#counting = counting;
    const change = size && resolutionSwitch(this.#size, size);
    if (!change) return undefined;
    this.#size = change.to;
    if (change.direction === 'up') this.#switchesUp += 1;
    if (change.direction === 'down') this.#switchesDown += 1;
    return change;
  }

  /** Totals up to `nowMs`. */
  totals(nowMs: number): ResolutionTotals {
    this.#advance(nowMs);
    return {
      tierMs: { ...this.#tierMs },
      heightMs: this.#heightMs,
      switchesUp: this.#switchesUp,
      switchesDown: this.#switchesDown,
    };
  }

  /**
   * Counts `ms` at the current size: time found to be playing after it
   * passed uncounted (a withdrawn stall, decision 17).
   */
  credit(ms: number): void {
    if (!this.#size) return;
    this.#tierMs[tierOf(this.#size)] += ms;
    this.#heightMs += shortSide(this.#size) * ms;
  }

  #advance(nowMs: number): void {
    const elapsed = nowMs - this.#sinceMs;
    if (elapsed <= 0) return;
    this.#sinceMs = nowMs;
    if (this.#counting) this.credit(elapsed);
  }
}
