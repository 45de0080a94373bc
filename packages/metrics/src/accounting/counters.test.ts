import { describe, expect, it } from 'vitest';
import { qualityCountersSchema } from '../schema/index.js';
import { rawCounters, subtractCounters, toQualityCounters } from './counters.js';
import { DwellAccount } from './dwell-account.js';
import { ResolutionAccount } from './resolution-account.js';

const tally = { stallCount: 1, stallMs: 400.4, stallsOver500Count: 0, pauseCount: 0 };

describe('quality counters', () => {
  it('makes deltas that add up to the totals, whatever the rounding', () => {
    const dwell = new DwellAccount(0, true);
    const resolution = new ResolutionAccount(0);
    dwell.setPlayback(0.4, 'playing');
    resolution.update(0.4, { width: 1280, height: 720 }, true);
    const first = rawCounters(dwell.totals(1_000.6), resolution.totals(1_000.6), tally);
    const second = rawCounters(dwell.totals(2_000.2), resolution.totals(2_000.2), { ...tally, stallCount: 2 });
    const delta = subtractCounters(second, first);
    const repaired = subtractCounters(second, delta);
    expect(repaired).toEqual(first);
    expect(delta.stallCount).toBe(1);
    expect(Number.isInteger(delta.playingMs)).toBe(true);
  });

  it('produces valid event counters with a mean height and HD share only when there is video time', () => {
    const noVideo = rawCounters(new DwellAccount(0, true).totals(10), new ResolutionAccount(0).totals(10), tally);
    expect(toQualityCounters(noVideo)).not.toHaveProperty('meanHeight');
    const resolution = new ResolutionAccount(0);
    resolution.update(0, { width: 1280, height: 720 }, true);
    const counters = toQualityCounters(rawCounters(new DwellAccount(0, true).totals(10), resolution.totals(10), tally));
    expect(counters).toMatchObject({ meanHeight: 720, hdShare: 1 });
    expect(qualityCountersSchema.safeParse(counters).success).toBe(true);
  });
});
