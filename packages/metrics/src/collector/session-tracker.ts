/**
 * The measurements of one viewer session: its remote videos, dwell and
 * resolution accounts, heartbeats and exit context. The collector feeds it
 * room events, frames, stats and ticks; it emits the session's events.
 *
 * With several remote videos (a PK split screen), the viewer is stalled when
 * any video is, playing when any plays, paused when all are. Resolution
 * follows the primary video: the first attached remote video still present.
 */
import type { ProviderStats, RemoteTrack } from '@liveroom/core';
import {
  msBetween,
  type RawCounters,
  rawCounters,
  round,
  type StallTally,
  subtractCounters,
  toQualityCounters,
} from '../accounting/counters.js';
import { DwellAccount, type PlaybackState } from '../accounting/dwell-account.js';
import { ResolutionAccount, type ResolutionSwitch } from '../accounting/resolution-account.js';
import type { ExitReason, MeasurementSource } from '../schema/index.js';
import type { CollectorEnvironment } from './environment.js';
import { sampleStats } from './sample-stats.js';
import type { ViewerSession } from './viewer-session.js';
import { WatchedVideo, type WatchedVideoObserver } from './watched-video.js';

/** A viewer who leaves before the first frame after trying this long exited before video start (Mux EBVS). */
export const EBVS_MIN_ATTEMPT_MS = 1_000;

/** The fields every per-video event carries. */
const videoFields = (video: WatchedVideo) => ({ source: video.source, participantId: video.participantId });

/** What a tracker needs to start. */
export interface SessionTrackerInit {
  session: ViewerSession;
  env: CollectorEnvironment;
  /** When `join()` was called (or the collector created, for a late start). */
  joinAtMs: number;
  lateStart: boolean;
  sampleRate: number;
  heartbeatMs: number;
}

/** One session's measurements. */
export class SessionTracker implements WatchedVideoObserver {
  readonly session: ViewerSession;
  readonly #env: CollectorEnvironment;
  readonly #joinAtMs: number;
  readonly #heartbeatMs: number;
  readonly #dwell: DwellAccount;
  readonly #resolution: ResolutionAccount;
  readonly #videos = new Map<string, WatchedVideo>();
  /** Every element playing a video; `stop` ends the frame callbacks of the one watched per video. */
  readonly #elements = new Map<HTMLMediaElement, { participantId: string; stop: (() => void) | undefined }>();
  readonly #inactive = new Set<string>();
  /** Stalls and pauses of every video of the session, retired ones included. */
  readonly #tally: StallTally = { stallCount: 0, stallMs: 0, stallsOver500Count: 0, pauseCount: 0 };
  /** When the last counted stall ended. */
  #lastStallEndMs: number | undefined;
  /** The best source any video of the session used, retired ones included. */
  #bestSource: MeasurementSource = 'frame-counters';
  /** The last video to go was stalled (the room detaches videos on leave before it says `left`). */
  #stalledWhenLastVideoLeft = false;
  #firstFrameAtMs: number | undefined;
  #latestStats: ProviderStats | undefined;
  #latestStatsAtMs: number | undefined;
  /** Some video may need stats-based detection: poll every tick (see {@link SessionTracker.wantsStats}). */
  #statsEveryTick = true;
  #lastSample: { atMs: number; raw: RawCounters; stats: ProviderStats | undefined };

  constructor(init: SessionTrackerInit) {
    this.session = init.session;
    this.#env = init.env;
    this.#joinAtMs = init.joinAtMs;
    this.#heartbeatMs = init.heartbeatMs;
    const visible = init.env.visibility() === 'visible';
    this.#dwell = new DwellAccount(init.joinAtMs, visible);
    this.#resolution = new ResolutionAccount(init.joinAtMs);
    this.#lastSample = { atMs: init.joinAtMs, raw: this.#raw(init.joinAtMs), stats: undefined };
    this.session.emit(
      'session_start',
      {
        visibility: visible ? 'visible' : 'hidden',
        sampleRate: init.sampleRate,
        heartbeatMs: init.heartbeatMs,
        lateStart: init.lateStart,
      },
      init.joinAtMs,
    );
  }

  /** A remote video started playing in `element`: watch its frames. */
  attach(track: RemoteTrack, element: HTMLMediaElement): void {
    if (this.#elements.has(element)) return;
    const video = this.#video(track.participantId);
    const stop = this.#playing(track.participantId)
      ? undefined
      : this.#env.watchFrames(element, (frame) => video.onFrame(frame));
    this.#elements.set(element, { participantId: track.participantId, stop });
    this.#statsEveryTick = true;
    if (stop) {
      video.source = 'rvfc';
      video.resume();
    }
  }

  /** A video element stopped playing its track. */
  detach(element: HTMLMediaElement): void {
    const entry = this.#elements.get(element);
    if (!entry) return;
    entry.stop?.();
    this.#elements.delete(element);
    this.#statsEveryTick = true;
    const video = this.#videos.get(entry.participantId);
    if (!video || this.#playing(entry.participantId)) return;
    // Its last element went: the video retires, its source and stall state remembered for the session's end.
    const now = this.#env.now();
    this.#stalledWhenLastVideoLeft = video.stall !== undefined && this.#videos.size === 1;
    this.#source();
    video.suspend(now);
    this.#videos.delete(video.participantId);
    this.stateChanged(now);
  }

  /** The remote publisher muted/unpublished (`false`) or unmuted/published (`true`) its video. */
  setPublisherActive(participantId: string, active: boolean): void {
    if (active) {
      this.#inactive.delete(participantId);
      // A stream not watched yet may show up in stats before (or without) an element.
      if (!this.#videos.has(participantId)) this.#statsEveryTick = true;
    } else this.#inactive.add(participantId);
    this.#videos.get(participantId)?.setPublisherActive(this.#env.now(), active);
  }

  /** The page became visible or hidden: detection is suspended while hidden (decision 9). */
  setVisible(visible: boolean): void {
    const now = this.#env.now();
    for (const video of this.#videos.values()) {
      if (visible) video.resume();
      else video.suspend(now);
    }
    this.#dwell.setVisible(now, visible);
    this.stateChanged(now);
  }

  /** Collection tick: live stall checks, and a heartbeat when one is due. */
  tick(): void {
    const now = this.#env.now();
    if (this.#dwell.visible) for (const video of this.#videos.values()) video.check(now);
    if (now - this.#lastSample.atMs >= this.#heartbeatMs) this.sample(now);
  }

  /**
   * Whether the tick should poll `getStats()`, given when the next tick comes.
   * Stats drive detection only for videos without frame callbacks: while one
   * may exist (or no snapshot has told yet), every tick polls. With every
   * video on `requestVideoFrameCallback`, stats only feed the heartbeat's
   * figures, so only the tick before a heartbeat polls: the snapshot is then
   * as fresh as a poll at every tick would leave it, for a tenth of the
   * main-thread cost of `getStats()` at the default 1 s tick and 10 s heartbeat.
   */
  wantsStats(nextTickMs: number): boolean {
    return this.#statsEveryTick || nextTickMs - this.#lastSample.atMs >= this.#heartbeatMs;
  }

  /** A stats snapshot: stats-based detection for videos without frame callbacks, and figures for heartbeats. */
  onStats(stats: ProviderStats): void {
    const now = this.#env.now();
    const intervalMs = this.#latestStatsAtMs === undefined ? 0 : now - this.#latestStatsAtMs;
    this.#latestStats = stats;
    this.#latestStatsAtMs = now;
    if (!this.#dwell.visible) return;
    this.#statsEveryTick = false;
    for (const stats of this.#latestStats.remoteVideo) {
      const video = this.#video(stats.participantId);
      if (video.source === 'rvfc') continue;
      this.#statsEveryTick = true;
      const verdict = video.stats.update(stats, intervalMs, !this.#inactive.has(stats.participantId));
      video.source = verdict.source;
      if (stats.frameWidth && stats.frameHeight) video.resize({ width: stats.frameWidth, height: stats.frameHeight });
      for (const durationMs of verdict.endedStallsMs) video.countStall(now, durationMs);
      if (verdict.stalled || verdict.rendering) video.setStatsState(now, verdict.stalled ? 'stalled' : 'playing');
    }
  }

  /** Emits a `quality_sample` covering the time since the last one. */
  sample(now: number): void {
    const raw = this.#raw(now);
    const intervalMs = Math.max(0, now - this.#lastSample.atMs);
    let primaryFrames: number | undefined;
    for (const video of this.#videos.values()) {
      const frames = video.takeFrameCount();
      if (primaryFrames === undefined && video.source === 'rvfc') primaryFrames = frames;
    }
    const { statsFps, ...figures } = sampleStats(this.#latestStats, this.#lastSample.stats);
    const fps = primaryFrames !== undefined && intervalMs > 0 ? (primaryFrames * 1000) / intervalMs : statsFps;
    this.session.emit('quality_sample', {
      intervalMs: Math.round(intervalMs),
      source: this.#source(),
      delta: toQualityCounters(subtractCounters(raw, this.#lastSample.raw)),
      total: toQualityCounters(raw),
      ...(fps === undefined ? {} : { fps: round(fps, 1) }),
      ...figures,
    });
    this.#lastSample = { atMs: now, raw, stats: this.#latestStats };
  }

  /** Ends the session with its totals and exit context. */
  end(reason: ExitReason): void {
    const now = this.#env.now();
    const videos = [...this.#videos.values()];
    const openStallStarts = videos.flatMap((v) => v.stall?.startMs ?? []);
    const stalledAtExit = openStallStarts.length > 0 || (videos.length === 0 && this.#stalledWhenLastVideoLeft);
    const lastStallMs = Math.max(this.#lastStallEndMs ?? Number.NEGATIVE_INFINITY, ...openStallStarts);
    for (const { stop } of this.#elements.values()) stop?.();
    this.#elements.clear();
    for (const video of videos) video.suspend(now);
    const dwellMs = msBetween(this.#joinAtMs, now);
    const started = this.#firstFrameAtMs !== undefined;
    this.session.emit('session_end', {
      reason,
      dwellMs,
      total: toQualityCounters(this.#raw(now)),
      source: this.#source(),
      videoStarted: started,
      exitBeforeVideoStart: !started && dwellMs >= EBVS_MIN_ATTEMPT_MS,
      ...(this.#firstFrameAtMs === undefined ? {} : { startupMs: msBetween(this.#joinAtMs, this.#firstFrameAtMs) }),
      ...(Number.isFinite(lastStallMs) ? { msSinceLastStall: msBetween(lastStallMs, now) } : {}),
      stalledAtExit,
    });
  }

  firstFrame(video: WatchedVideo, atMs: number): void {
    if (this.#firstFrameAtMs !== undefined) return;
    this.#firstFrameAtMs = atMs;
    this.session.emit('first_frame', {
      startupMs: msBetween(this.#joinAtMs, atMs),
      ...videoFields(video),
      ...video.size, // width and height only: a copy resolutionSwitch() made
    });
  }

  stallStarted(video: WatchedVideo, thresholdMs: number): void {
    this.session.emit('stall_start', { ...videoFields(video), thresholdMs: Math.round(thresholdMs) });
  }

  stallEnded(video: WatchedVideo, atMs: number, durationMs: number, withdrawn: boolean, seenLive: boolean): void {
    if (!withdrawn) this.#lastStallEndMs = atMs;
    // Time is held only while every stalled video is in a stall seen live, so only such a
    // verdict settles it; a withdrawal leaves it held while another video's live stall may
    // still be confirmed. A stall counted from its frame or from stats held nothing.
    const othersLive = [...this.#videos.values()].some((v) => v !== video && v.stall?.seenLive);
    if (seenLive && !(withdrawn && othersLive)) {
      const heldMs = this.#dwell.settleStall(atMs, withdrawn);
      if (withdrawn) this.#resolution.credit(heldMs);
    }
    this.session.emit('stall_end', {
      ...videoFields(video),
      durationMs, // whole ms already: the value counted
      ...(withdrawn ? { withdrawn: true } : {}),
    });
  }

  resized(video: WatchedVideo, change: ResolutionSwitch): void {
    if (change.direction !== 'initial') {
      this.session.emit('resolution_change', {
        participantId: video.participantId,
        ...(change.from ? { fromWidth: change.from.width, fromHeight: change.from.height } : {}),
        toWidth: change.to.width,
        toHeight: change.to.height,
        direction: change.direction,
      });
    }
    this.#syncResolution(this.#env.now());
  }

  stateChanged(atMs: number): void {
    const state = this.#aggregateState();
    // Stalled only through stalls seen live, which their frames may still withdraw.
    const unconfirmed =
      state === 'stalled' && [...this.#videos.values()].every((v) => v.state !== 'stalled' || v.stall);
    this.#dwell.setPlayback(atMs, state, unconfirmed);
    this.#syncResolution(atMs);
  }

  #video(participantId: string): WatchedVideo {
    let video = this.#videos.get(participantId);
    if (!video) {
      video = new WatchedVideo(participantId, this, this.#tally);
      if (this.#inactive.has(participantId)) video.setPublisherActive(this.#env.now(), false);
      this.#videos.set(participantId, video);
    }
    return video;
  }

  /** Some element plays this participant's video. */
  #playing(participantId: string): boolean {
    return [...this.#elements.values()].some((e) => e.participantId === participantId);
  }

  #aggregateState(): PlaybackState {
    const states = [...this.#videos.values()].map((v) => v.state);
    if (states.includes('stalled')) return 'stalled';
    if (states.includes('playing')) return 'playing';
    if (states.includes('paused')) return 'paused';
    return this.#firstFrameAtMs === undefined ? 'starting' : 'paused';
  }

  #syncResolution(atMs: number): void {
    const primary = [...this.#videos.values()].find((v) => v.size !== undefined);
    const counting = this.#dwell.visible && this.#dwell.playback === 'playing';
    this.#resolution.update(atMs, primary?.size, counting);
  }

  #source(): MeasurementSource {
    for (const video of this.#videos.values()) {
      // The sources' names sort in rank order: frame-counters < provider-stats < rvfc.
      if (video.source > this.#bestSource) this.#bestSource = video.source;
    }
    return this.#bestSource;
  }

  #raw(now: number): RawCounters {
    return rawCounters(this.#dwell.totals(now), this.#resolution.totals(now), this.#tally);
  }
}
