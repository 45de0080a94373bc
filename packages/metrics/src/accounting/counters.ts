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

/** Stall and pause tallies (W3C `freezeCount`/`pauseCount` style, plus the ≥ 500 ms count). */
export interface StallTally {
  stallCount: number;
  stallMs: number;
  stallsOver500Count: number;
  pauseCount: number;
}

/** Every additive figure of a session at one moment, rounded to whole units. */
export type RawCounters = Omit<DwellTotals, 'dwellMs'> & ResolutionTotals & StallTally;

const ADDITIVE_KEYS = [
  'watchMs',
  'playingMs',
  'stalledMs',
  'pausedMs',
  'foregroundMs',
  'backgroundMs',
  'stallCount',
  'stallMs',
  'stallsOver500Count',
  'pauseCount',
  'heightMs',
  'switchesUp',
  'switchesDown',
] as const;

/** Rounds the accounts' totals into {@link RawCounters}. */
export function rawCounters(dwell: DwellTotals, resolution: ResolutionTotals, stalls: StallTally): RawCounters {
  const raw = { ...dwell, ...resolution, ...stalls, tierMs: { ...resolution.tierMs } };
  for (const key of ADDITIVE_KEYS) raw[key] = Math.round(raw[key]);
  raw.watchMs = raw.playingMs + raw.stalledMs; // exact after rounding, as decision 9 defines it
  for (const tier of Object.keys(raw.tierMs) as (keyof typeof raw.tierMs)[]) {
    raw.tierMs[tier] = Math.round(raw.tierMs[tier]);
  }
  const { dwellMs: _, ...counters } = raw;
  return counters;
}

/** `now - previous`, field by field. */
export function subtractCounters(now: RawCounters, previous: RawCounters): RawCounters {
  const delta = { ...now, tierMs: { ...now.tierMs } };
  for (const key of ADDITIVE_KEYS) delta[key] = now[key] - previous[key];
  for (const tier of Object.keys(delta.tierMs) as (keyof typeof delta.tierMs)[]) {
    delta.tierMs[tier] = now.tierMs[tier] - previous.tierMs[tier];
  }
  return delta;
}

/** The event shape: drops the height sum, adds the mean height and HD share when there is video time. */
export function toQualityCounters(raw: RawCounters): QualityCounters {
  const { heightMs: _, ...rest } = raw;
  const { meanHeight, hdShare } = summarizeResolution(raw);
  return {
    ...rest,
    ...(meanHeight === undefined ? {} : { meanHeight: Math.round(meanHeight * 10) / 10 }),
    ...(hdShare === undefined ? {} : { hdShare: Math.round(hdShare * 10_000) / 10_000 }),
  };
}
