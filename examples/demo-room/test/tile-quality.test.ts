/**
 * The overlay's per-tile maths: folding a stats snapshot in, the sparkline
 * window, and the stall ratio over watch time.
 */
import type { RemoteVideoStats } from '@liveroom/core';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_TILE_QUALITY,
  HISTORY_POINTS,
  type TileQuality,
  withStats,
  withWatchTime,
} from '../src/quality/tile-quality.js';

const stats = (fields: Partial<RemoteVideoStats> = {}): RemoteVideoStats => ({
  participantId: 'host-a',
  source: 'webrtc-stats',
  ...fields,
});

describe('withStats', () => {
  it('takes size, frame rate and bitrate from the snapshot', () => {
    const tile = withStats(
      EMPTY_TILE_QUALITY,
      stats({ frameWidth: 1280, frameHeight: 720, framesPerSecond: 20, bitrateKbps: 900 }),
      false,
    );
    expect(tile).toMatchObject({ width: 1280, height: 720, fps: 20, bitrateKbps: 900 });
    expect(tile.fpsHistory).toEqual([20]);
    expect(tile.heightHistory).toEqual([720]);
  });

  it('reads a missing frame rate as 0 fps (Chromium leaves it out while frames are stalled)', () => {
    const tile = withStats(EMPTY_TILE_QUALITY, stats({ frameWidth: 640, frameHeight: 360 }), false);
    expect(tile.fps).toBe(0);
    expect(tile.fpsHistory).toEqual([0]);
  });

  it('keeps the last known size when a snapshot has none, but charts the gap as height 0', () => {
    const before = withStats(EMPTY_TILE_QUALITY, stats({ frameWidth: 640, frameHeight: 360 }), false);
    const after = withStats(before, stats({ framesPerSecond: 0 }), false);
    expect([after.width, after.height]).toEqual([640, 360]);
    expect(after.heightHistory).toEqual([360, 0]);
  });

  it('clears a bitrate the snapshot no longer has, rather than showing a stale one', () => {
    const before = withStats(EMPTY_TILE_QUALITY, stats({ bitrateKbps: 500 }), false);
    expect(withStats(before, stats(), false).bitrateKbps).toBeUndefined();
  });

  it('keeps one minute of history, newest last', () => {
    let tile = EMPTY_TILE_QUALITY;
    for (let i = 1; i <= HISTORY_POINTS + 5; i++) tile = withStats(tile, stats({ framesPerSecond: i }), false);
    expect(tile.fpsHistory).toHaveLength(HISTORY_POINTS);
    expect(tile.fpsHistory[0]).toBe(6);
    expect(tile.fpsHistory.at(-1)).toBe(HISTORY_POINTS + 5);
    expect(tile.heightHistory).toHaveLength(HISTORY_POINTS);
  });

  it('counts stalls from the W3C freeze counters while the collector has said nothing', () => {
    const tile = withStats(EMPTY_TILE_QUALITY, stats({ freezeCount: 2, totalFreezesDurationMs: 1800 }), false);
    expect(tile).toMatchObject({ stallCount: 2, stalledMs: 1800, source: 'provider-stats' });
  });

  it('reads a freeze count without a duration as no stalled time yet', () => {
    expect(withStats(EMPTY_TILE_QUALITY, stats({ freezeCount: 1 }), false).stalledMs).toBe(0);
  });

  it('leaves stall figures alone once they come from collector events', () => {
    const fromEvents: TileQuality = { ...EMPTY_TILE_QUALITY, stallCount: 3, stalledMs: 4500, source: 'rvfc' };
    const tile = withStats(fromEvents, stats({ freezeCount: 9, totalFreezesDurationMs: 99_000 }), true);
    expect(tile).toMatchObject({ stallCount: 3, stalledMs: 4500, source: 'rvfc' });
  });

  it('leaves stall figures alone when the provider reports no freeze counter (Agora)', () => {
    const known: TileQuality = { ...EMPTY_TILE_QUALITY, stallCount: 1, stalledMs: 700, source: 'frame-counters' };
    expect(withStats(known, stats({ source: 'agora', framesPerSecond: 15 }), false)).toMatchObject({
      stallCount: 1,
      stalledMs: 700,
      source: 'frame-counters',
    });
  });

  it('never changes the tile it was given (React compares snapshots by reference)', () => {
    const before = withStats(EMPTY_TILE_QUALITY, stats({ framesPerSecond: 10 }), false);
    const copy = structuredClone(before);
    withStats(before, stats({ framesPerSecond: 20, freezeCount: 1 }), false);
    expect(before).toEqual(copy);
    expect(EMPTY_TILE_QUALITY.fpsHistory).toEqual([]);
  });
});

describe('withWatchTime', () => {
  const tile: TileQuality = { ...EMPTY_TILE_QUALITY, stallCount: 2, stalledMs: 3000 };

  it('is stalled time over watch time (Mux rebuffer percentage, as a ratio)', () => {
    expect(withWatchTime(tile, 60_000, 0).stallRatio).toBeCloseTo(0.05, 10);
  });

  it('counts the stall going on now', () => {
    const next = withWatchTime(tile, 60_000, 3000);
    expect(next.stallRatio).toBeCloseTo(0.1, 10);
    expect(next.ongoingStallMs).toBe(3000);
  });

  it('has no ratio before the first frame (no watch time yet)', () => {
    expect(withWatchTime(tile, 0, 0).stallRatio).toBeUndefined();
  });

  it('never goes above 1, even when clocks disagree', () => {
    expect(withWatchTime(tile, 1000, 5000).stallRatio).toBe(1);
  });

  it('is 0 for a clean stream', () => {
    expect(withWatchTime(EMPTY_TILE_QUALITY, 30_000, 0).stallRatio).toBe(0);
  });
});
