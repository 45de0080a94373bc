/**
 * One remote publisher's video as this viewer sees it: frame times from
 * `requestVideoFrameCallback`, the publisher's mute and publish state, and
 * the resulting playback state, stalls and pauses.
 *
 * The cause decides (DESIGN.md decision 8): a gap while the publisher was
 * muted or unpublished at any moment of it is a pause; any other gap that
 * meets the freeze rule is a stall, whatever its length (a 10 s outage is a
 * long stall, although the frame-times-only W3C rule would call it a pause).
 */
import type { StallTally } from '../accounting/counters.js';
import type { PlaybackState } from '../accounting/dwell-account.js';
import { type FrameSize, type ResolutionSwitch, shortSide } from '../accounting/resolution-account.js';
import type { MeasurementSource } from '../schema/index.js';
import { LONG_STALL_MS, StallDetector } from '../stall/stall-detector.js';
import type { RenderedFrame } from './environment.js';

/** What a {@link WatchedVideo} tells the collector. */
export interface WatchedVideoObserver {
  firstFrame(video: WatchedVideo, atMs: number): void;
  stallStarted(video: WatchedVideo, thresholdMs: number): void;
  stallEnded(video: WatchedVideo, durationMs: number): void;
  resized(video: WatchedVideo, change: ResolutionSwitch): void;
  /** The playback state changed at `atMs`. */
  stateChanged(atMs: number): void;
}

/** Frames whose callbacks were skipped are filled in up to this many (a busy main thread, not a freeze). */
const MAX_FILLED_FRAMES = 300;

/** One remote video and its stall and pause accounting. */
export class WatchedVideo {
  readonly participantId: string;
  /** Where this video's figures come from; `rvfc` once frames arrive. */
  source: MeasurementSource = 'frame-counters';
  /** Stalls and pauses of this video so far. */
  readonly tally: StallTally = { stallCount: 0, stallMs: 0, stallsOver500Count: 0, pauseCount: 0 };
  readonly #detector = new StallDetector();
  readonly #observer: WatchedVideoObserver;
  #state: PlaybackState = 'starting';
  #publisherActive = true;
  #activeAgainAtMs = Number.NEGATIVE_INFINITY;
  #stall: { startMs: number } | undefined;
  #lastStallEndMs: number | undefined;
  #presentedFrames: number | undefined;
  #size: FrameSize | undefined;
  #suspended = false;
  #frames = 0;

  constructor(participantId: string, observer: WatchedVideoObserver) {
    this.participantId = participantId;
    this.#observer = observer;
  }

  get state(): PlaybackState {
    return this.#state;
  }

  get size(): FrameSize | undefined {
    return this.#size;
  }

  /** True while a stall is under way. */
  get stalled(): boolean {
    return this.#stall !== undefined;
  }

  /** When the last stall ended, or when the current one began. */
  get lastStallMs(): number | undefined {
    return this.#stall?.startMs ?? this.#lastStallEndMs;
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
    const gap = this.#detector.addFrame(frame.timeMs);
    if (this.#stall) {
      this.#endStall(frame.timeMs);
    } else if (gap) {
      if (this.#activeSince(gap.startMs) && gap.meetsFreezeRule) {
        this.#observer.stallStarted(this, gap.thresholdMs);
        this.#stall = { startMs: gap.startMs };
        this.#endStall(frame.timeMs);
      } else {
        this.tally.pauseCount += 1;
      }
    }
    this.#setState(this.#publisherActive ? 'playing' : 'paused', frame.timeMs);
  }

  /** Reports the rendered size; emits a switch when it changed. */
  resize(size: FrameSize | undefined): void {
    if (!size || size.width <= 0 || size.height <= 0) return;
    const from = this.#size;
    if (from && from.width === size.width && from.height === size.height) return;
    const to = { width: size.width, height: size.height }; // a copy: the browser environment reuses its frame
    this.#size = to;
    const change = from ? shortSide(to) - shortSide(from) : undefined;
    const direction = change === undefined ? 'initial' : change > 0 ? 'up' : change < 0 ? 'down' : 'same';
    this.#observer.resized(this, { from, to, direction });
  }

  /** Live check at a collection tick: a gap that already meets the freeze rule is a stall (or a pause, when muted). */
  check(nowMs: number): void {
    if (this.#suspended || this.#state === 'starting' || this.#stall || !this.#publisherActive) return;
    // Frames are awaited only since the publisher was last active again (decision 8).
    const lastFrameMs = this.#detector.lastFrameMs;
    const startMs = Math.max(lastFrameMs ?? nowMs, this.#activeAgainAtMs);
    const threshold = this.#detector.thresholdMs;
    if (threshold === undefined || nowMs - startMs < threshold) return;
    // The gap began while the publisher was muted: that part was a pause, which the
    // next frame can no longer count once this stall has taken the gap over.
    if (lastFrameMs !== undefined && lastFrameMs < this.#activeAgainAtMs) this.tally.pauseCount += 1;
    this.#stall = { startMs };
    this.#observer.stallStarted(this, threshold);
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
    this.#lastStallEndMs = atMs;
    this.#observer.stallStarted(this, 0);
    this.#observer.stallEnded(this, durationMs);
    this.#tallyStall(durationMs);
  }

  /** Stats-based state change (no frame callbacks). */
  setStatsState(atMs: number, state: PlaybackState): void {
    if (this.#state === 'starting') {
      if (state !== 'playing') return;
      this.#observer.firstFrame(this, atMs);
    }
    this.#setState(!this.#publisherActive && state !== 'starting' ? 'paused' : state, atMs);
  }

  #activeSince(startMs: number): boolean {
    return this.#publisherActive && this.#activeAgainAtMs <= startMs;
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
    const durationMs = Math.max(0, atMs - stall.startMs);
    this.#lastStallEndMs = atMs;
    this.#observer.stallEnded(this, durationMs);
    this.#tallyStall(durationMs);
  }

  #tallyStall(durationMs: number): void {
    this.tally.stallCount += 1;
    this.tally.stallMs += durationMs;
    if (durationMs >= LONG_STALL_MS) this.tally.stallsOver500Count += 1;
  }

  #setState(state: PlaybackState, atMs: number): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#observer.stateChanged(atMs);
  }
}
