import { describe, expect, it } from 'vitest';
import { DwellAccount } from './dwell-account.js';

describe('DwellAccount', () => {
  it('splits a stay into starting, playing, stalled and paused time; watch = playing + stalled', () => {
    const account = new DwellAccount(0, true);
    account.setPlayback(800, 'playing');
    account.setPlayback(5_000, 'stalled');
    account.setPlayback(6_000, 'playing');
    account.setPlayback(8_000, 'paused');
    expect(account.totals(10_000)).toEqual({
      dwellMs: 10_000,
      foregroundMs: 10_000,
      backgroundMs: 0,
      playingMs: 6_200,
      stalledMs: 1_000,
      pausedMs: 2_000,
      watchMs: 7_200,
    });
  });

  it('counts hidden time as background only (detection is suspended there, decision 9)', () => {
    const account = new DwellAccount(0, true);
    account.setPlayback(0, 'playing');
    account.setVisible(2_000, false);
    account.setVisible(7_000, true);
    expect(account.totals(8_000)).toMatchObject({
      foregroundMs: 3_000,
      backgroundMs: 5_000,
      playingMs: 3_000,
      watchMs: 3_000,
      dwellMs: 8_000,
    });
  });

  it('never moves time already reported to another state', () => {
    const account = new DwellAccount(0, true);
    account.setPlayback(0, 'playing');
    const sampled = account.totals(1_000);
    account.setPlayback(500, 'stalled');
    const later = account.totals(2_000);
    expect(later.playingMs).toBe(sampled.playingMs);
    expect(later.stalledMs).toBe(1_000);
  });
});
