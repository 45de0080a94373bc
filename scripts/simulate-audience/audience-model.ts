/**
 * The synthetic audience: who comes from where, how their video behaves, and
 * how long they stay because of it. Dwell time is linear in the stall ratio
 * and in being served HD, with effect sizes the caller sets, so a report that
 * reads the stored events can be checked against known truth.
 *
 * dwell = base[trafficSource] + stallSlope × stallRatio(points) + hdGain × [hdShare ≥ 0.5] + noise
 */
import type { TrafficSource } from '@liveroom/metrics/schema';
import type { Rng } from './rng.ts';

/** The knobs of the audience; every one has a default in {@link defaultAudienceModel}. */
export interface AudienceModel {
  /** Share of viewers per traffic source. */
  sources: Partial<Record<TrafficSource, number>>;
  /** Mean dwell (s) of a stall-free SD viewer, per source. */
  baseDwellSeconds: Partial<Record<TrafficSource, number>>;
  /** Dwell change (s) per percentage point of stall ratio: the effect the report must recover. */
  stallSlopeSecondsPerPoint: number;
  /** Dwell gain (s) of HD viewers (HD share ≥ 0.5) over SD ones: the other effect to recover. */
  hdGainSeconds: number;
  /** Sd (s) of the dwell noise. */
  dwellNoiseSeconds: number;
  /** Share of viewers with no stall at all. */
  stallFreeShare: number;
  /** Mean stall ratio (a fraction) of viewers who do stall; drawn exponential, capped at 15 %. */
  meanStallRatio: number;
  /** Mean length of one stall, ms. */
  meanStallMs: number;
  /** Share of viewers on an HD-capable network (HD share drawn in [0.7, 1], else in [0, 0.3]). */
  hdViewerShare: number;
  /** Median startup time, ms (log-normal). */
  medianStartupMs: number;
  /** Extra chance, per second of startup beyond 2 s, that a viewer leaves within 20 s (Krishnan & Sitaraman 2012 report ~5.8 %). */
  earlyExitPerStartupSecond: number;
  /** Chance that a viewer who stalled leaves 1–9 s after the last stall ends. */
  exitAfterStallShare: number;
  /** Share of sessions whose `session_end` is lost (tab killed): the collector closes them (decision 10). */
  missingEndShare: number;
  /** Share of sessions that see a PK battle. */
  pkShare: number;
}

/** Defaults: effect sizes of the order the engagement literature reports. */
export const defaultAudienceModel: AudienceModel = {
  sources: { natural: 0.4, paid: 0.3, private_domain: 0.2, cross_platform: 0.1 },
  baseDwellSeconds: { natural: 260, paid: 180, private_domain: 320, cross_platform: 220, other: 200 },
  stallSlopeSecondsPerPoint: -12,
  hdGainSeconds: 45,
  dwellNoiseSeconds: 40,
  stallFreeShare: 0.4,
  meanStallRatio: 0.02,
  meanStallMs: 1_500,
  hdViewerShare: 0.5,
  medianStartupMs: 900,
  earlyExitPerStartupSecond: 0.06,
  exitAfterStallShare: 0.2,
  missingEndShare: 0.05,
  pkShare: 0.2,
};

/** One viewer's stay, drawn from the model; times in ms from the join call. */
export interface ViewerPlan {
  trafficSource: TrafficSource;
  startupMs: number;
  dwellMs: number;
  /** Stalled time / watch time, exactly what the stall intervals add up to. */
  stallRatio: number;
  hdShare: number;
  /** Stall intervals [start, end), sorted, inside [startupMs, dwellMs). */
  stalls: [number, number][];
  sendsEnd: boolean;
  pk: boolean;
}

const MAX_STALL_RATIO = 0.15;

/** Draws one viewer. */
export function drawViewer(rng: Rng, model: AudienceModel): ViewerPlan {
  const trafficSource = rng.pick(model.sources as Record<TrafficSource, number>);
  const startupMs = Math.round(Math.min(rng.logNormal(model.medianStartupMs, 0.6), 15_000));
  const stallRatio = rng.chance(model.stallFreeShare)
    ? 0
    : Math.min(rng.exponential(model.meanStallRatio), MAX_STALL_RATIO);
  const hdShare = rng.chance(model.hdViewerShare) ? rng.uniform(0.7, 1) : rng.uniform(0, 0.3);
  const earlyExit = rng.chance(Math.max(0, (startupMs - 2_000) / 1_000) * model.earlyExitPerStartupSecond);
  const dwellSeconds = earlyExit
    ? rng.uniform(3, 20)
    : (model.baseDwellSeconds[trafficSource] ?? 200) +
      model.stallSlopeSecondsPerPoint * stallRatio * 100 +
      model.hdGainSeconds * (hdShare >= 0.5 ? 1 : 0) +
      rng.normal(0, model.dwellNoiseSeconds);
  const dwellMs = Math.round(Math.max(dwellSeconds * 1_000, startupMs + 5_000));
  const stalls = placeStalls(rng, model, startupMs, dwellMs, stallRatio);
  const realRatio = stalls.reduce((sum, [s, e]) => sum + e - s, 0) / (dwellMs - startupMs);
  return {
    trafficSource,
    startupMs,
    dwellMs,
    stallRatio: realRatio,
    hdShare,
    stalls,
    sendsEnd: !rng.chance(model.missingEndShare),
    pk: rng.chance(model.pkShare),
  };
}

/** Splits the stalled time into stalls spread over the watch time, last one maybe right before the exit. */
function placeStalls(
  rng: Rng,
  model: AudienceModel,
  startMs: number,
  endMs: number,
  ratio: number,
): [number, number][] {
  const stalledMs = Math.round(ratio * (endMs - startMs));
  if (stalledMs === 0) return [];
  const count = Math.max(1, Math.round(stalledMs / model.meanStallMs));
  const each = Math.floor(stalledMs / count);
  const slot = (endMs - startMs) / count;
  const stalls: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.round(startMs + i * slot + rng.uniform(0, slot - each));
    stalls.push([start, start + each]);
  }
  if (rng.chance(model.exitAfterStallShare)) {
    const last = stalls[count - 1]!;
    const end = Math.max(last[1], endMs - Math.round(rng.uniform(1_000, 9_000)));
    stalls[count - 1] = [Math.max(end - each, stalls[count - 2]?.[1] ?? startMs), end];
  }
  return stalls;
}
