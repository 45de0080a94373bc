import { describe, expect, it } from 'vitest';
import { ResolutionAccount, summarizeResolution, tierOf } from './resolution-account.js';

describe('tierOf', () => {
  it.each([
    [640, 360, 'le360'],
    [854, 480, 'p480'],
    [960, 540, 'p480'],
    [1280, 720, 'p720'],
    [720, 1280, 'p720'],
    [1920, 1080, 'ge1080'],
    [1080, 1920, 'ge1080'],
    [3840, 2160, 'ge1080'],
  ] as const)('puts %i×%i in %s (by short side)', (width, height, tier) => {
    expect(tierOf({ width, height })).toBe(tier);
  });
});

describe('ResolutionAccount', () => {
  it('weights height by time and reports HD share', () => {
    const account = new ResolutionAccount(0);
    account.update(0, { width: 640, height: 360 }, true);
    account.update(3_000, { width: 1280, height: 720 }, true);
    const totals = account.totals(4_000);
    expect(totals.tierMs).toEqual({ le360: 3_000, p480: 0, p720: 1_000, ge1080: 0 });
    const { meanHeight, hdShare } = summarizeResolution(totals);
    expect(meanHeight).toBeCloseTo((360 * 3 + 720) / 4);
    expect(hdShare).toBeCloseTo(0.25);
  });

  it('counts switches up and down by short side, not orientation', () => {
    const account = new ResolutionAccount(0);
    expect(account.update(0, { width: 1280, height: 720 }, true)?.direction).toBe('initial');
    expect(account.update(1, { width: 640, height: 360 }, true)?.direction).toBe('down');
    expect(account.update(2, { width: 1920, height: 1080 }, true)?.direction).toBe('up');
    expect(account.update(3, { width: 1080, height: 1920 }, true)?.direction).toBe('same');
    expect(account.update(4, { width: 1080, height: 1920 }, true)).toBeUndefined();
    expect(account.totals(5)).toMatchObject({ switchesUp: 1, switchesDown: 1 });
  });

  it('does not count time that is not playing in the foreground', () => {
    const account = new ResolutionAccount(0);
    account.update(0, { width: 1280, height: 720 }, false);
    account.update(5_000, undefined, true);
    expect(account.totals(6_000).tierMs.p720).toBe(1_000);
    expect(summarizeResolution(new ResolutionAccount(0).totals(10))).toEqual({
      meanHeight: undefined,
      hdShare: undefined,
    });
  });
});
