/**
 * What the overlay shows for one remote video, and how each figure is
 * updated. Stalls, startup time and the detection source come from the
 * quality collector's events when `@liveroom/metrics` records the session
 * (render-side detection, DESIGN.md "Quality definitions"); until it does,
 * from the provider's W3C freeze counters (`freezeCount`,
 * `totalFreezesDuration`, webrtc-stats), which only move once frames resume.
 */
import type { NetworkQualityLevel, RemoteVideoStats } from '@liveroom/core';

/** Where the stall and startup figures came from (the metrics schema's names). */
export type QualitySource = 'rvfc' | 'provider-stats' | 'frame-counters';

/** The overlay's figures for one remote video. */
export interface TileQuality {
  width: number | undefined;
  height: number | undefined;
  fps: number | undefined;
  bitrateKbps: number | undefined;
  stallCount: number;
  /** Stalled time of the stalls that ended, ms. */
  stalledMs: number;
  /** How long the current stall has lasted, ms (0 when playing). */
  ongoingStallMs: number;
  /** Stalled time / watch time since the first frame (Mux's rebuffer percentage, as a ratio). */
  stallRatio: number | undefined;
  stalled: boolean;
  /** Join to first rendered frame, ms. */
  startupMs: number | undefined;
  source: QualitySource | undefined;
  /**
   * The publisher's sending quality on Agora's 0–6 scale (0 unknown, 1 best, 6 down): its
   * `uplink` in the room's `network-quality` event, how its stream reaches this viewer.
   */
  uplink: NetworkQualityLevel | undefined;
  /** Frame rate, one point per stats tick, newest last (for the sparkline). */
  fpsHistory: readonly number[];
  /** Rendered height, one point per stats tick, newest last. */
  heightHistory: readonly number[];
}

/** Sparkline length: one minute at the default one-second tick. */
export const HISTORY_POINTS = 60;

/** A tile before anything is known. */
export const EMPTY_TILE_QUALITY: TileQuality = {
  width: undefined,
  height: undefined,
  fps: undefined,
  bitrateKbps: undefined,
  stallCount: 0,
  stalledMs: 0,
  ongoingStallMs: 0,
  stallRatio: undefined,
  stalled: false,
  startupMs: undefined,
  source: undefined,
  uplink: undefined,
  fpsHistory: [],
  heightHistory: [],
};

const push = (history: readonly number[], value: number) => [...history.slice(1 - HISTORY_POINTS), value];

/** Folds one stats snapshot in; stall figures from the counters only while no collector events arrived. */
export function withStats(tile: TileQuality, stats: RemoteVideoStats, fromEvents: boolean): TileQuality {
  const fps = stats.framesPerSecond ?? 0;
  const next: TileQuality = {
    ...tile,
    width: stats.frameWidth ?? tile.width,
    height: stats.frameHeight ?? tile.height,
    // While frames are stalled, Chromium leaves framesPerSecond out: that is 0 fps on screen.
    fps,
    bitrateKbps: stats.bitrateKbps,
    fpsHistory: push(tile.fpsHistory, fps),
    heightHistory: push(tile.heightHistory, stats.frameHeight ?? 0),
  };
  if (fromEvents || stats.freezeCount === undefined) return next;
  return {
    ...next,
    stallCount: stats.freezeCount,
    stalledMs: stats.totalFreezesDurationMs ?? 0,
    source: 'provider-stats',
  };
}

/** Sets the ongoing stall and recomputes the stall ratio over the watch time since the first frame. */
export function withWatchTime(tile: TileQuality, watchMs: number, ongoingStallMs: number): TileQuality {
  const stalled = tile.stalledMs + ongoingStallMs;
  return { ...tile, ongoingStallMs, stallRatio: watchMs > 0 ? Math.min(1, stalled / watchMs) : undefined };
}
