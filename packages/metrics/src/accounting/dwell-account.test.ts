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

  it('holds the time of a stall seen live until its verdict: stalled when confirmed, playing when withdrawn', () => {
    const account = new DwellAccount(0, true);
    account.setPlayback(0, 'playing');
    account.setPlayback(1_000, 'stalled', true);
    // A heartbeat while the stall is open reports its time in no playback state.
    expect(account.totals(1_300)).toMatchObject({
      foregroundMs: 1_300,
      playingMs: 1_000,
      stalledMs: 0,
      watchMs: 1_000,
    });
    expect(account.settleStall(1_200, true)).toBe(300);
    account.setPlayback(1_200, 'playing');
    account.setPlayback(2_000, 'stalled', true);
    expect(account.settleStall(2_500, false)).toBe(500);
    account.setPlayback(2_500, 'playing');
    expect(account.totals(3_000)).toMatchObject({ playingMs: 2_500, stalledMs: 500, watchMs: 3_000 });
  });
});
