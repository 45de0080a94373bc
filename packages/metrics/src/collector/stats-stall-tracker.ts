/**
 * Stall detection from stats, for videos the collector cannot watch frame by
 * frame (no element attached through the SDK, or no
 * `requestVideoFrameCallback`). Best source first:
 *
 * 1. `provider-stats`: W3C `freezeCount`/`totalFreezesDuration` (the same
 *    freeze rule, counted by the browser), or Agora's `totalFreezeTime`.
 * 2. `frame-counters`: a collection tick in which no frame was decoded while
 *    the publisher was sending is stalled time (a coarse, tick-sized measure).
 *
 * `getStats()` freeze counters move only once frames resume, so while frames
 * are missing a W3C source is judged stalled by its absent or zero
 * `framesPerSecond` (see TOOLCHAIN.md, "Making stalls on purpose").
 */
import type { RemoteVideoStats } from '@liveroom/core';
import type { MeasurementSource } from '../schema/index.js';

/** What one stats update says about a video. */
export interface StatsVerdict {
  source: MeasurementSource;
  /** Frames are being rendered (or decoded) now. */
  rendering: boolean;
  /** A stall is under way. */
  stalled: boolean;
  /** Durations of the stalls that ended in this update. */
  endedStallsMs: number[];
}

const delta = (now: number | undefined, before: number | undefined) =>
  now === undefined || before === undefined ? undefined : Math.max(0, now - before);

/** Follows one remote video's stats from update to update. */
export class StatsStallTracker {
  #previous: RemoteVideoStats | undefined;
  #runMs = 0;

  /** Reads the next snapshot, `intervalMs` after the previous one. While the publisher is inactive nothing counts (a pause). */
  update(stats: RemoteVideoStats, intervalMs: number, publisherActive: boolean): StatsVerdict {
    const previous = this.#previous;
    this.#previous = stats;
    const decoded = delta(
      stats.framesDecoded ?? stats.framesReceived,
      previous?.framesDecoded ?? previous?.framesReceived,
    );
    const fps = stats.renderFramesPerSecond ?? stats.framesPerSecond;
    const rendering = decoded === undefined ? (fps ?? 0) > 0 : decoded > 0;
    if (!publisherActive) {
      this.#runMs = 0;
      return { source: this.#sourceOf(stats), rendering, stalled: false, endedStallsMs: [] };
    }
    if (stats.freezeCount !== undefined && previous?.freezeCount !== undefined) {
      const count = stats.freezeCount - previous.freezeCount;
      const ms = delta(stats.totalFreezesDurationMs, previous.totalFreezesDurationMs) ?? 0;
      const endedStallsMs = count > 0 ? Array.from({ length: count }, () => ms / count) : [];
      return { source: 'provider-stats', rendering, stalled: !fps, endedStallsMs };
    }
    const agora = delta(stats.totalFreezeTimeMs, previous?.totalFreezeTimeMs);
    const stalledMs = agora ?? (decoded === 0 ? intervalMs : 0);
    if (previous === undefined) return { source: this.#sourceOf(stats), rendering, stalled: false, endedStallsMs: [] };
    return { source: this.#sourceOf(stats), rendering, ...this.#run(stalledMs) };
  }

  #run(stalledMs: number): Pick<StatsVerdict, 'stalled' | 'endedStallsMs'> {
    if (stalledMs > 0) {
      this.#runMs += stalledMs;
      return { stalled: true, endedStallsMs: [] };
    }
    const ended = this.#runMs;
    this.#runMs = 0;
    return { stalled: false, endedStallsMs: ended > 0 ? [ended] : [] };
  }

  #sourceOf(stats: RemoteVideoStats): MeasurementSource {
    return stats.freezeCount !== undefined || stats.totalFreezeTimeMs !== undefined
      ? 'provider-stats'
      : 'frame-counters';
  }
}
