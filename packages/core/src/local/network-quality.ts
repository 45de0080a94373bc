/**
 * The local provider's network quality: round-trip time, packet loss and
 * jitter of one path of the mesh, mapped to the 0–6 scale Agora reports
 * (`NetworkQualityLevel`), so an app shows the same indicator on both
 * providers.
 *
 * Agora documents what each level means to a user (1 excellent … 5 very bad,
 * 6 disconnected) but not the figures behind it, so the bands come from the
 * ITU-T and IETF bounds below; where no standard draws a line (the worst
 * bands), the value is ours, chosen to sit well past the last cited bound.
 *
 * - Round-trip time, from ITU-T G.114 (one-way delay ≤ 150 ms is acceptable
 *   for most interactive applications, > 400 ms is not), doubled for a round
 *   trip: ≤ 100 ms excellent, ≤ 300 ms good, ≤ 500 ms poor, ≤ 800 ms bad, above very bad.
 * - Packet loss, from ITU-T G.1010 (video tolerates < 1 % loss, conversational
 *   voice < 3 %) and the loss controller of Google congestion control
 *   (draft-ietf-rmcat-gcc-02 §6: above 10 % loss the sender backs off):
 *   < 1 % excellent, < 3 % good, < 10 % poor, < 20 % bad, above very bad.
 * - Jitter, from ITU-T Y.1541 (50 ms delay variation for its interactive
 *   classes 0 and 1): ≤ 20 ms excellent, ≤ 50 ms good, ≤ 100 ms poor, ≤ 200 ms bad, above very bad.
 *
 * A path's level is the worst of its three; a figure that is not known
 * counts for nothing, and a path with none is 0 (unknown).
 */
import type { NetworkQualityLevel } from '../types.js';

/** What was measured on one path over one interval; each figure may be unknown. */
export interface PathQuality {
  /** Round-trip time in ms. */
  rttMs?: number | undefined;
  /** Packets lost / packets sent over the interval, 0–1. */
  lossRatio?: number | undefined;
  /** Interarrival jitter in ms (RFC 3550 §6.4.1, as webrtc-stats reports it). */
  jitterMs?: number | undefined;
}

/**
 * Upper bounds of levels 1–4 (excellent, good, poor, bad) per figure; beyond
 * the last is 5 (very bad). Sources in the module comment.
 */
export const QUALITY_BANDS = {
  rttMs: [100, 300, 500, 800],
  lossRatio: [0.01, 0.03, 0.1, 0.2],
  jitterMs: [20, 50, 100, 200],
} as const;

/** The level (1–5) of one figure: the first band whose bound it does not pass. */
function bandOf(value: number, bounds: readonly number[], inclusive: boolean): number {
  const index = bounds.findIndex((bound) => (inclusive ? value <= bound : value < bound));
  return index === -1 ? bounds.length + 1 : index + 1;
}

/**
 * The level of one path: the worst of its known figures (loss bounds are
 * exclusive, "below 1 %"; delay bounds inclusive, "up to 100 ms"), 0 when none is known.
 */
export function qualityLevel(quality: PathQuality): NetworkQualityLevel {
  let level = 0;
  if (quality.rttMs !== undefined) level = Math.max(level, bandOf(quality.rttMs, QUALITY_BANDS.rttMs, true));
  if (quality.lossRatio !== undefined)
    level = Math.max(level, bandOf(quality.lossRatio, QUALITY_BANDS.lossRatio, false));
  if (quality.jitterMs !== undefined) level = Math.max(level, bandOf(quality.jitterMs, QUALITY_BANDS.jitterMs, true));
  return level as NetworkQualityLevel;
}

/** The worst of several paths' levels: 6 (disconnected) above 5 … above 1, any of them above 0 (unknown). */
export function worstLevel(levels: Iterable<NetworkQualityLevel>): NetworkQualityLevel {
  let worst: NetworkQualityLevel = 0;
  for (const level of levels) if (level > worst) worst = level;
  return worst;
}
