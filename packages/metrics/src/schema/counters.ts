/**
 * Quality counters shared by `quality_sample` (as deltas and as cumulative
 * totals, so a lost heartbeat can be repaired) and `session_end` (totals).
 * Definitions: DESIGN.md "Quality definitions" and docs/metrics.md.
 */
import * as z from 'zod/mini';

/** A non-negative integer (counts and millisecond durations). */
export const countSchema = z.number().check(z.int(), z.gte(0));
/** A share between 0 and 1. */
export const shareSchema = z.number().check(z.gte(0), z.lte(1));
/** A non-negative finite measurement (fps, kbit/s, pixels). */
export const measureSchema = z.number().check(z.gte(0), z.refine(Number.isFinite, 'must be finite'));

/**
 * Where a figure came from, best first: per-frame render times from
 * `requestVideoFrameCallback` (`rvfc`), the provider's freeze counters
 * (`provider-stats`: W3C `freezeCount`/`totalFreezesDuration`, or Agora's
 * `totalFreezeTime`), or frame-counter deltas (`frame-counters`). Stall
 * figures from different sources are not equally precise: split reports by it.
 */
export type MeasurementSource = 'rvfc' | 'provider-stats' | 'frame-counters';

/** The {@link MeasurementSource} values. */
export const measurementSourceSchema = z.enum(['rvfc', 'provider-stats', 'frame-counters']);

/**
 * Time per resolution tier in ms, by the frame's SHORT side (decision 9:
 * portrait 720×1280 is 720p, as landscape 1280×720 is). Only foreground
 * playing time is counted, as Mux's upscale percentage counts playing time.
 */
export type TierTimes = {
  /** Short side ≤ 360 px, in ms. */
  le360: number;
  /** Short side 361–719 px (480p, 540p), in ms. */
  p480: number;
  /** Short side 720–1079 px, in ms. */
  p720: number;
  /** Short side ≥ 1080 px, in ms. */
  ge1080: number;
};

/** The {@link TierTimes} object: whole ms per tier. */
export const tierTimesSchema = z.object({
  le360: countSchema,
  p480: countSchema,
  p720: countSchema,
  ge1080: countSchema,
});

/**
 * Counters over a span of a session: the interval of a `quality_sample`
 * (`delta`) or everything since the session began (`total`, and
 * `session_end.total`). Durations are whole ms; the deltas of a session add
 * up exactly to its totals, so a lost heartbeat is repaired from the next
 * one's `total`. Definitions and sources: docs/metrics.md.
 *
 * Stall ratio = `stallMs` / `watchMs` (Agora's video freeze rate, Mux's
 * rebuffer percentage); stall frequency = `stallCount` per minute of
 * `watchMs` (Mux's rebuffer frequency).
 */
export type QualityCounters = {
  /** Foreground playing + stalled time, in ms (decision 9): the denominator of stall ratio, as Mux's watch time is. */
  watchMs: number;
  /** Foreground time with frames rendering normally, in ms. */
  playingMs: number;
  /** Foreground time in a stall, in ms (Mux's rebuffer duration). */
  stalledMs: number;
  /** Foreground time paused because the publisher muted, unpublished or stopped sending (decision 8), in ms. */
  pausedMs: number;
  /** Time the page was visible (Page Visibility API), in ms. */
  foregroundMs: number;
  /** Time the page was hidden, in ms; stall detection is suspended then (decision 9). */
  backgroundMs: number;
  /** Stalls that ended in the span, by the W3C webrtc-stats `freezeCount` rule: a gap ≥ max(3 × mean frame duration, mean + 150 ms). */
  stallCount: number;
  /** Total duration of the stalls counted in `stallCount`, in ms (W3C `totalFreezesDuration`, which is in seconds). */
  stallMs: number;
  /** Stalls of 500 ms or more among `stallCount` (Agora's web analytics threshold), to set beside Agora's dashboards. */
  stallsOver500Count: number;
  /** Pauses that ended in the span (W3C `pauseCount`, reclassified by cause, decision 8). */
  pauseCount: number;
  /** Time-weighted mean short side of the rendered video over `tierMs`, in px; absent with no video time. */
  meanHeight?: number | undefined;
  /** Time per resolution tier, in ms. */
  tierMs: TierTimes;
  /** Share of `tierMs` time at ≥ 720p, 0–1 ("HD share"); absent with no video time. */
  hdShare?: number | undefined;
  /** Rendered-size switches to a larger short side. */
  switchesUp: number;
  /** Rendered-size switches to a smaller short side (the viewer saw quality drop). */
  switchesDown: number;
};

/** The {@link QualityCounters} object, field by field. */
export const qualityCountersSchema = z.object({
  watchMs: countSchema,
  playingMs: countSchema,
  stalledMs: countSchema,
  pausedMs: countSchema,
  foregroundMs: countSchema,
  backgroundMs: countSchema,
  stallCount: countSchema,
  stallMs: countSchema,
  stallsOver500Count: countSchema,
  pauseCount: countSchema,
  meanHeight: z.optional(measureSchema),
  tierMs: tierTimesSchema,
  hdShare: z.optional(shareSchema),
  switchesUp: countSchema,
  switchesDown: countSchema,
});
