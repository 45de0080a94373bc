/**
 * One remote publisher's video as this viewer sees it: frame times from
 * `requestVideoFrameCallback`, the publisher's mute and publish state, and
 * the resulting playback state, stalls and pauses.
 *
 * The cause decides (DESIGN.md decision 8): a gap while the publisher was
 * muted or unpublished at any moment of it is a pause; any other gap that
 * meets the freeze rule is a stall, whatever its length (a 10 s outage is a
 * long stall, although the frame-times-only W3C rule would call it a pause).
 *
 * The rule, not the tick, decides: a tick sees a stall live when frames have
 * been missing past the threshold, but on a busy main thread the callback of
 * a frame already on screen can run after the tick. When that frame's time
 * shows the wait fell short, the stall is withdrawn: its `stall_end` closes
 * the `stall_start` with the wait, shorter than the start's threshold,
 * carries `withdrawn: true`, and nothing is counted: its time was playing.
 */
import { msBetween, type StallTally } from '../accounting/counters.js';
import type { PlaybackState } from '../accounting/dwell-account.js';
import {
  type FrameSize,
  type ResolutionSwitch,
  resolutionSwitch,
  shortSide,
} from '../accounting/resolution-account.js';
import type { MeasurementSource } from '../schema/index.js';
import { LONG_STALL_MS, StallDetector } from '../stall/stall-detector.js';
import type { RenderedFrame } from './environment.js';
import { StatsStallTracker } from './stats-stall-tracker.js';

/** What a {@link WatchedVideo} tells the collector. */
export interface WatchedVideoObserver {
  firstFrame(video: WatchedVideo, atMs: number): void;
  stallStarted(video: WatchedVideo, thresholdMs: number): void;
  /**
   * A stall ended at `atMs` after `durationMs` (whole ms, the value
   * counted). A `withdrawn` one ends with its wait, below its start's
   * threshold, and is not counted; its `stall_end` says so, so that
   * downstream counts agree, and its time was playing time. `seenLive`: a
   * tick saw the stall under way (the video was in the stalled state), so
   * its time awaited this verdict; only such stalls can be withdrawn.
   */
  stallEnded(video: WatchedVideo, atMs: number, durationMs: number, withdrawn: boolean, seenLive: boolean): void;
  resized(video: WatchedVideo, change: ResolutionSwitch): void;
  /** The playback state changed at `atMs`. */
  stateChanged(atMs: number): void;
}

/** Frames whose callbacks were skipped are filled in up to this many (a busy main thread, not a freeze). */
const MAX_FILLED_FRAMES = 300;

/**
 * How far past the threshold a wait must be before a tick calls it a stall
 * live. A tick can run before the callback of a frame the screen already
 * shows (observed in Chromium: late by up to ~100 ms on 2 starved cores), so
 * a wait just past the threshold is left to its frame to judge. Only when
 * `stall_start` is sent depends on it, never what is counted.
 */
export const LIVE_STALL_MARGIN_MS = 100;

/** One remote video and its stall and pause accounting. */
export class WatchedVideo {
  readonly participantId: string;
  /** Where this video's figures come from; `rvfc` once frames arrive. */
  source: MeasurementSource = 'frame-counters';
  /** Where this video's stalls and pauses are counted: the session's tally, shared by its videos. */
  readonly tally: StallTally;
  /** Stall detection from stats, while no frame callbacks watch this video. */
  readonly stats = new StatsStallTracker();
  readonly #detector = new StallDetector();
  readonly #observer: WatchedVideoObserver;
  #state: PlaybackState = 'starting';
  #publisherActive = true;
  #activeAgainAtMs = Number.NEGATIVE_INFINITY;
  #stall: { startMs: number; seenLive: boolean } | undefined;
  #presentedFrames: number | undefined;
  #size: FrameSize | undefined;
  #suspended = false;
  #frames = 0;

  constructor(participantId: string, observer: WatchedVideoObserver, tally: StallTally) {
    this.participantId = participantId;
    this.#observer = observer;
    this.tally = tally;
  }

  get state(): PlaybackState {
    return this.#state;
  }

  get size(): FrameSize | undefined {
    return this.#size;
  }

  /**
   * The stall under way, if any: when it began (the last frame before its
   * gap), and whether a tick saw it live (its verdict then awaits the next frame).
   */
  get stall(): { readonly startMs: number; readonly seenLive: boolean } | undefined {
    return this.#stall;
  }

  /** Frames rendered since the last call. */
  takeFrameCount(): number {
    const frames = this.#frames;
    this.#frames = 0;
    return frames;
  }

  /** A frame was rendered (from `requestVideoFrameCallback`). */
  onFrame(frame: RenderedFrame): void {
    if (this.#suspended) return;
    this.source = 'rvfc';
    this.#frames += 1;
    this.resize(frame.size);
    if (this.#state === 'starting') this.#observer.firstFrame(this, frame.timeMs);
    this.#fillSkippedFrames(frame);
    const wasStalled = this.#stall !== undefined;
    if (wasStalled) this.#endLiveStall(frame.timeMs);
    const gap = this.#detector.addFrame(frame.timeMs);
    if (!wasStalled && gap) {
      // A stall only when the publisher was sending through the whole gap (decision 8).
      if (this.#publisherActive && this.#activeAgainAtMs <= gap.startMs && gap.meetsFreezeRule) {
        this.#observer.stallStarted(this, gap.thresholdMs);
        this.#stall = { startMs: gap.startMs, seenLive: false };
        this.#endStall(frame.timeMs);
      } else {
        this.tally.pauseCount += 1;
      }
    }
    this.#setState(this.#publisherActive ? 'playing' : 'paused', frame.timeMs);
  }

  /** Reports the rendered size; emits a switch when it changed. */
  resize(size: FrameSize | undefined): void {
    if (!size || shortSide(size) <= 0) return;
    // Its `to` is a copy: the browser environment reuses its frame object.
    const change = resolutionSwitch(this.#size, size);
    if (!change) return;
    this.#size = change.to;
    this.#observer.resized(this, change);
  }

  /** Live check at a collection tick: a gap that already meets the freeze rule is a stall (or a pause, when muted). */
  check(nowMs: number): void {
    if (this.#suspended || this.#state === 'starting' || this.#stall || !this.#publisherActive) return;
    const startMs = this.#waitStartMs(nowMs);
    const thresholdMs = this.#detector.thresholdMs;
    if (thresholdMs === undefined || nowMs - startMs < thresholdMs + LIVE_STALL_MARGIN_MS) return;
    // The gap began while the publisher was muted: that part was a pause, which the
    // next frame can no longer count once this stall has taken the gap over.
    const lastFrameMs = this.#detector.lastFrameMs;
    if (lastFrameMs !== undefined && lastFrameMs < this.#activeAgainAtMs) this.tally.pauseCount += 1;
    this.#stall = { startMs, seenLive: true };
    this.#observer.stallStarted(this, thresholdMs);
    this.#setState('stalled', startMs);
  }

  /** The publisher muted or unpublished (`false`), or unmuted or published again (`true`). */
  setPublisherActive(atMs: number, active: boolean): void {
    if (active === this.#publisherActive) return;
    this.#publisherActive = active;
    if (active) {
      this.#activeAgainAtMs = atMs;
      if (this.#state === 'paused') this.#setState('playing', atMs);
      return;
    }
    if (this.#stall) this.#endStall(atMs);
    if (this.#state !== 'starting') this.#setState('paused', atMs);
  }

  /** Detection stops (page hidden, element detached): an open stall ends here, and the next frame starts afresh. */
  suspend(atMs: number): void {
    if (this.#stall) this.#endStall(atMs);
    this.#detector.restart();
    this.#presentedFrames = undefined;
    this.#suspended = true;
  }

  /** Detection resumes (page visible again, element attached). */
  resume(): void {
    this.#suspended = false;
  }

  /**
   * Stats-based detection (no frame callbacks): a stall of `durationMs`
   * ended, as the provider's counters or frame counters tell it. Stats see a
   * stall only afterwards, so `stall_start` (threshold 0) comes with `stall_end`.
   */
  countStall(atMs: number, durationMs: number): void {
    this.#observer.stallStarted(this, 0);
    this.#reportStall(atMs, durationMs, false);
  }

  /** Stats-based state change (no frame callbacks). */
  setStatsState(atMs: number, state: PlaybackState): void {
    if (this.#state === 'starting') {
      if (state !== 'playing') return;
      this.#observer.firstFrame(this, atMs);
    }
    this.#setState(!this.#publisherActive && state !== 'starting' ? 'paused' : state, atMs);
  }

  /** Since when frames are awaited at `atMs`: the last frame, or the publisher's return if later (decision 8). */
  #waitStartMs(atMs: number): number {
    return Math.max(this.#detector.lastFrameMs ?? atMs, this.#activeAgainAtMs);
  }

  /**
   * The frame at `atMs` ends a stall seen live; the detector has not taken it
   * in yet. The stall stands when the wait this frame ends, rounded as events
   * report it, reaches the threshold (rounded too: without frames filled in
   * meanwhile, the one its `stall_start` reported), and ends with its whole
   * duration. Otherwise it is withdrawn: closed with the wait, not counted.
   */
  #endLiveStall(atMs: number): void {
    const waitedMs = msBetween(this.#waitStartMs(atMs), atMs);
    const thresholdMs = this.#detector.thresholdMs;
    if (thresholdMs === undefined || waitedMs >= Math.round(thresholdMs)) {
      this.#endStall(atMs);
      return;
    }
    this.#stall = undefined;
    this.#observer.stallEnded(this, atMs, waitedMs, true, true);
  }

  #fillSkippedFrames(frame: RenderedFrame): void {
    const presented = frame.presentedFrames;
    const previous = this.#presentedFrames;
    this.#presentedFrames = presented;
    const last = this.#detector.lastFrameMs;
    if (presented === undefined || previous === undefined || last === undefined) return;
    const count = presented - previous;
    if (count <= 1 || count > MAX_FILLED_FRAMES) return;
    for (let i = 1; i < count; i += 1) this.#detector.addFrame(last + ((frame.timeMs - last) * i) / count);
  }

  #endStall(atMs: number): void {
    const stall = this.#stall;
    if (!stall) return;
    this.#stall = undefined;
    this.#reportStall(atMs, atMs - stall.startMs, stall.seenLive);
  }

  /**
   * Sends `stall_end` and counts the stall, both with its duration rounded
   * to whole ms once: the ≥ 500 ms count and the stall time then agree with
   * the events (a 499.7 ms stall is reported as 500 ms, and counted so).
   */
  #reportStall(atMs: number, durationMs: number, seenLive: boolean): void {
    const roundedMs = msBetween(0, durationMs);
    this.#observer.stallEnded(this, atMs, roundedMs, false, seenLive);
    this.tally.stallCount += 1;
    this.tally.stallMs += roundedMs;
    if (roundedMs >= LONG_STALL_MS) this.tally.stallsOver500Count += 1;
  }

  #setState(state: PlaybackState, atMs: number): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#observer.stateChanged(atMs);
  }
}
