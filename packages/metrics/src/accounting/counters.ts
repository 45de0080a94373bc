/**
 * Turns the accounts' additive totals into the `QualityCounters` of the
 * telemetry events, and deltas between two of them. Totals are rounded to
 * whole ms first and deltas are differences of rounded totals, so the deltas
 * of a session always add up to its totals (a lost heartbeat can be repaired).
 */
import type { QualityCounters } from '../schema/index.js';
import type { DwellTotals } from './dwell-account.js';
import type { ResolutionTotals } from './resolution-account.js';
import { summarizeResolution } from './resolution-account.js';

/** `value` rounded to `digits` decimals, as events report fractions. */
export const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** Whole ms from `fromMs` to `toMs`, never negative (clocks may step back). */
export const msBetween = (fromMs: number, toMs: number): number => Math.max(0, Math.round(toMs - fromMs));

/** Stall and pause tallies (W3C `freezeCount`/`pauseCount` style, plus the ≥ 500 ms count). */
export interface StallTally {
  stallCount: number;
  stallMs: number;
  stallsOver500Count: number;
  pauseCount: number;
}

/** Every additive figure of a session at one moment, rounded to whole units. */
export type RawCounters = Omit<DwellTotals, 'dwellMs'> & ResolutionTotals & StallTally;

/**
 * `combine` applied to each figure of `now` and the same figure of `other`,
 * the tier times included: every figure of the counters is additive.
 */
function eachFigure<T extends object>(now: T, other: T, combine: (now: number, other: number) => number): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    const paired = other[key as keyof T] as never;
    out[key] = typeof value === 'number' ? combine(value, paired) : eachFigure(value, paired, combine);
  }
  return out as T;
}

/** Rounds the accounts' totals into {@link RawCounters}. */
export function rawCounters(dwell: DwellTotals, resolution: ResolutionTotals, stalls: StallTally): RawCounters {
  const { dwellMs: _, ...totals } = { ...dwell, ...resolution, ...stalls };
  const raw = eachFigure(totals, totals, Math.round);
  raw.watchMs = raw.playingMs + raw.stalledMs; // exact after rounding, as decision 9 defines it
  return raw;
}

/** `now - previous`, field by field. */
export function subtractCounters(now: RawCounters, previous: RawCounters): RawCounters {
  return eachFigure(now, previous, (a, b) => a - b);
}

/** The event shape: drops the height sum, adds the mean height and HD share when there is video time. */
export function toQualityCounters(raw: RawCounters): QualityCounters {
  const { heightMs: _, ...rest } = raw;
  const { meanHeight, hdShare } = summarizeResolution(raw);
  return {
    ...rest,
    ...(meanHeight === undefined ? {} : { meanHeight: round(meanHeight, 1) }),
    ...(hdShare === undefined ? {} : { hdShare: round(hdShare, 4) }),
  };
}
