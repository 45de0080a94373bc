import { describe, expect, it } from 'vitest';
import { qualityLevel, worstLevel } from './network-quality.js';

describe('qualityLevel', () => {
  it.each([
    // round-trip time: ITU-T G.114's one-way bounds, doubled
    [{ rttMs: 1 }, 1],
    [{ rttMs: 100 }, 1],
    [{ rttMs: 101 }, 2],
    [{ rttMs: 300 }, 2],
    [{ rttMs: 500 }, 3],
    [{ rttMs: 800 }, 4],
    [{ rttMs: 801 }, 5],
    // loss: G.1010 (video < 1 %, voice < 3 %), GCC backs off above 10 %
    [{ lossRatio: 0 }, 1],
    [{ lossRatio: 0.01 }, 2],
    [{ lossRatio: 0.029 }, 2],
    [{ lossRatio: 0.05 }, 3],
    [{ lossRatio: 0.1 }, 4],
    [{ lossRatio: 0.2 }, 5],
    [{ lossRatio: 1 }, 5],
    // jitter: Y.1541's 50 ms
    [{ jitterMs: 20 }, 1],
    [{ jitterMs: 50 }, 2],
    [{ jitterMs: 100 }, 3],
    [{ jitterMs: 150 }, 4],
    [{ jitterMs: 201 }, 5],
  ])('maps %o to level %i', (quality, level) => {
    expect(qualityLevel(quality)).toBe(level);
  });

  it('takes the worst of the known figures', () => {
    expect(qualityLevel({ rttMs: 2, lossRatio: 0.12, jitterMs: 5 })).toBe(4);
    expect(qualityLevel({ rttMs: 400, lossRatio: 0, jitterMs: undefined })).toBe(3);
  });

  it('is 0 (unknown) when nothing is known', () => {
    expect(qualityLevel({})).toBe(0);
    expect(qualityLevel({ rttMs: undefined, lossRatio: undefined })).toBe(0);
  });
});

describe('worstLevel', () => {
  it('ranks disconnected above very bad, and any level above unknown', () => {
    expect(worstLevel([1, 6, 5])).toBe(6);
    expect(worstLevel([0, 2, 1])).toBe(2);
    expect(worstLevel([])).toBe(0);
  });
});
