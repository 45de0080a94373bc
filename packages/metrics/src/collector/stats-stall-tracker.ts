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

/** How much a counter grew, when both readings are known (never negative: counters may reset). */
export const delta = (now: number | undefined, before: number | undefined): number | undefined =>
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
    const verdict: StatsVerdict = {
      source:
        stats.freezeCount !== undefined || stats.totalFreezeTimeMs !== undefined ? 'provider-stats' : 'frame-counters',
      rendering: decoded === undefined ? (fps ?? 0) > 0 : decoded > 0,
      stalled: false,
      endedStallsMs: [],
    };
    if (!publisherActive) this.#runMs = 0;
    else if (stats.freezeCount !== undefined && previous?.freezeCount !== undefined) {
      const count = stats.freezeCount - previous.freezeCount;
      const ms = delta(stats.totalFreezesDurationMs, previous.totalFreezesDurationMs) ?? 0;
      verdict.stalled = !fps;
      if (count > 0) verdict.endedStallsMs = Array(count).fill(ms / count);
    } else if (previous) {
      // Agora's freeze time, else a tick without a decoded frame; a run of them is one stall.
      const stalledMs = delta(stats.totalFreezeTimeMs, previous.totalFreezeTimeMs) ?? (decoded === 0 ? intervalMs : 0);
      verdict.stalled = stalledMs > 0;
      this.#runMs += stalledMs;
      if (!verdict.stalled) {
        if (this.#runMs > 0) verdict.endedStallsMs = [this.#runMs];
        this.#runMs = 0;
      }
    }
    return verdict;
  }
}
