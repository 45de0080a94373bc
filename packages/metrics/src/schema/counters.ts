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
 * `totalFreezeTime`), or frame-counter deltas (`frame-counters`).
 */
export const measurementSourceSchema = z.enum(['rvfc', 'provider-stats', 'frame-counters']);

/**
 * Time per resolution tier in ms, by the frame's SHORT side (decision 9:
 * portrait 720×1280 is 720p): `le360` ≤ 360, `p480` 361–719, `p720` 720–1079,
 * `ge1080` ≥ 1080.
 */
export const tierTimesSchema = z.object({
  le360: countSchema,
  p480: countSchema,
  p720: countSchema,
  ge1080: countSchema,
});

/**
 * Counters over a span of a session (an interval or the whole stay).
 * Watch time = foreground playing + stalled (decision 9); paused time (the
 * publisher muted or stopped sending, decision 8) is kept out of it.
 */
export const qualityCountersSchema = z.object({
  /** Foreground playing + stalled time. */
  watchMs: countSchema,
  playingMs: countSchema,
  stalledMs: countSchema,
  pausedMs: countSchema,
  foregroundMs: countSchema,
  backgroundMs: countSchema,
  /** Stalls that ended in the span (W3C `freezeCount` rule). */
  stallCount: countSchema,
  /** Total duration of the stalls counted in `stallCount`. */
  stallMs: countSchema,
  /** Stalls of 500 ms or more (Agora's web analytics threshold). */
  stallsOver500Count: countSchema,
  pauseCount: countSchema,
  /** Time-weighted mean short side of the rendered video over `tierMs`; absent with no video time. */
  meanHeight: z.optional(measureSchema),
  tierMs: tierTimesSchema,
  /** Share of tiered time at ≥ 720p; absent with no video time. */
  hdShare: z.optional(shareSchema),
  switchesUp: countSchema,
  switchesDown: countSchema,
});
