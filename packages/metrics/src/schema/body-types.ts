/**
 * The body of each telemetry event type, written out for their docs (units,
 * sources) and kept equal to the zod schemas in `bodies.ts` by
 * `types.test-d.ts`. Types only: they cost the browser bundle nothing, so
 * the main entry exports them without its schemas. Definitions and sources
 * of the figures: docs/metrics.md.
 */
import type { Role } from '@liveroom/core';
import type { MeasurementSource, QualityCounters } from './counters.js';

/** How a session ended (decision 10): `leave()`, page hide or unload, a fatal error, a kick, or the room closing. */
export type ExitReason = 'leave' | 'pagehide' | 'error' | 'kicked' | 'room_closed';

/** Why the publisher's encoder holds quality back: W3C webrtc-stats `RTCOutboundRtpStreamStats.qualityLimitationReason`. */
export type QualityLimitationReason = 'none' | 'cpu' | 'bandwidth' | 'other';

/** Body of `session_start`: the join call (or the collector's creation, when it came later). */
export type SessionStartBody = {
  /** Page visibility at the start (Page Visibility API). */
  visibility: 'visible' | 'hidden';
  /** The share of sessions kept, 0–1 (decision 11): weight each kept session by 1 / `sampleRate` in reports. */
  sampleRate: number;
  /** The `quality_sample` period, in ms. */
  heartbeatMs: number;
  /** True when the collector was created after `join()`: startup is then measured from its creation. */
  lateStart: boolean;
};

/** Body of `first_frame`: the viewer saw video. */
export type FirstFrameBody = {
  /** Startup time: join call → first remote video frame rendered, in ms (Mux's video startup time; report p50/p95). */
  startupMs: number;
  /** How the frame was seen. */
  source: MeasurementSource;
  /** The publisher whose video it was. */
  participantId?: string | undefined;
  /** Width of the first frame, in px. */
  width?: number | undefined;
  /** Height of the first frame, in px. */
  height?: number | undefined;
};

/**
 * Body of `quality_sample`: the heartbeat (every `heartbeatMs`, default 10 s),
 * with counters since the last one and since the session began. Stats
 * figures are summed or taken over every remote video; each is absent when
 * the provider did not report it.
 */
export type QualitySampleBody = {
  /** Time covered by `delta`, in ms. */
  intervalMs: number;
  /** How stalls were measured (the best source any video used). */
  source: MeasurementSource;
  /** Counters for this interval only. */
  delta: QualityCounters;
  /** Counters since the session began: `delta`s add up to it, so a lost heartbeat is repaired from the next one. */
  total: QualityCounters;
  /** Rendered frames per second over the interval, from frame callbacks; else the provider's rate (Agora `renderFrameRate`, W3C `framesPerSecond`). */
  fps?: number | undefined;
  /** Received video bitrate, in kbit/s, summed over remote videos (Agora's `receiveBitrate`, or W3C `bytesReceived` deltas). */
  bitrateKbps?: number | undefined;
  /** Δ `packetsLost` / (Δ `packetsLost` + Δ `packetsReceived`) over the interval, 0–1 (W3C inbound RTP stats). */
  packetLossRatio?: number | undefined;
  /** Δ `framesDropped` / Δ `framesReceived` over the interval, 0–1 (W3C inbound RTP stats). */
  dropRatio?: number | undefined;
  /** Why the local user's own encoder held quality back, when this user publishes. */
  qualityLimitationReason?: QualityLimitationReason | undefined;
};

/** Body of `stall_start`: a render gap passed the freeze threshold; one `stall_end` closes it, counted or `withdrawn`. */
export type StallStartBody = {
  /** How the stall was seen. */
  source: MeasurementSource;
  /** The publisher whose video stalled. */
  participantId?: string | undefined;
  /** The freeze threshold the gap crossed, max(3 × mean frame duration, mean + 150 ms), in ms (W3C `freezeCount` rule). */
  thresholdMs: number;
};

/**
 * Body of `stall_end`: frames resumed after a stall, or a stall seen live
 * was withdrawn. Every `stall_start` is closed by one `stall_end`; the
 * session's counters equal the `stall_end` events without `withdrawn`.
 */
export type StallEndBody = {
  /** How the stall was seen. */
  source: MeasurementSource;
  /** The publisher whose video stalled. */
  participantId?: string | undefined;
  /** The stall's length: last frame before the gap → first frame after it, in ms; for a withdrawn one, the wait, below its start's threshold. */
  durationMs: number;
  /**
   * `true` when the stall was withdrawn: a collection tick saw the wait pass
   * the freeze threshold and sent `stall_start`, but the frame that ended the
   * wait (its callback late on a busy main thread) shows the gap fell short
   * of the freeze rule. It is not a stall and is in no counter, so count
   * stalls, stall time and "left within N s of a stall" without it. Absent on
   * counted stalls (added in a minor release, decision 13).
   */
  withdrawn?: true | undefined;
};

/** Body of `resolution_change`: the rendered size changed. */
export type ResolutionChangeBody = {
  /** The publisher whose video changed size. */
  participantId?: string | undefined;
  /** Width before, in px; absent for the first known size. */
  fromWidth?: number | undefined;
  /** Height before, in px; absent for the first known size. */
  fromHeight?: number | undefined;
  /** Width now rendered, in px. */
  toWidth: number;
  /** Height now rendered, in px. */
  toHeight: number;
  /** By short side (decision 9): `initial` for the first size, `same` when only the orientation changed. */
  direction: 'up' | 'down' | 'initial' | 'same';
};

/** Body of `role_change`: the local user switched role (e.g. an audience member came on stage for 连麦). */
export type RoleChangeBody = {
  /** The role before. */
  from: Role;
  /** The role now. */
  to: Role;
};

/** Body of `pk_start`: a PK battle opened scoring (emitted by `@liveroom/hooks`). */
export type PkStartBody = {
  /** The battle, shared by both sides' events. */
  battleId: string;
  /** The opponent's room, for a cross-room battle; absent when both hosts share a room. */
  opponentRoomId?: string | undefined;
  /** Planned length of the scoring phase, in ms. */
  durationMs?: number | undefined;
};

/** Body of `pk_end`: a battle that sent `pk_start` ended (emitted by `@liveroom/hooks`). */
export type PkEndBody = {
  /** The battle, as in its `pk_start`. */
  battleId: string;
  /** The result for the local side; `aborted` when a side left before the result. */
  result: 'win' | 'loss' | 'draw' | 'aborted';
  /** Final scores, the local side first. */
  scores: {
    /** The local side's score. */
    local: number;
    /** The opponent's score. */
    opponent: number;
  };
  /** Why it ended (added in a minor release, decision 13): time ran out, a host ended it, or a side left. */
  reason?: 'time_up' | 'ended_early' | 'opponent_left' | 'left' | undefined;
};

/** Body of `layout_change`: the stage switched mode or its tile count changed (emitted by `@liveroom/hooks`). */
export type LayoutChangeBody = {
  /** The mode before; absent for the first layout. */
  from?: string | undefined;
  /** The mode now, e.g. `grid`, `pk`, `host-plus-guests`. */
  to: string;
  /** Video tiles on stage now. */
  tileCount: number;
};

/** Body of `error`: something failed (a room error, or a sink that could not deliver). */
export type ErrorBody = {
  /** A `LiveroomError` code or a sink failure code (≤ 64 characters). */
  code: string;
  /** What happened, ≤ 256 characters. */
  message: string;
  /** Where it happened. */
  origin: 'room' | 'sink' | 'collector';
  /** True when it ended the session. */
  fatal: boolean;
};

/** Body of `session_end`: totals for the whole stay plus the exit context. */
export type SessionEndBody = {
  /** How the session ended. */
  reason: ExitReason;
  /** Dwell time: join call → exit, in ms, foreground and background. */
  dwellMs: number;
  /** Counters for the whole session. */
  total: QualityCounters;
  /** How stalls were measured (the best source any video used). */
  source: MeasurementSource;
  /** True when a first frame was rendered. */
  videoStarted: boolean;
  /** Left before the first frame after trying for ≥ 1 s (Mux's exits before video start, EBVS). */
  exitBeforeVideoStart: boolean;
  /** Startup time, as in `first_frame`, in ms; absent when video never started. */
  startupMs?: number | undefined;
  /** Time since the last stall ended (or began, if still stalled), in ms; absent when there was none. */
  msSinceLastStall?: number | undefined;
  /** True when the viewer left during a stall. */
  stalledAtExit: boolean;
};

/** The body of each event type, by `type`. */
export type TelemetryBodies = {
  /** The join call (or the collector's creation). */
  session_start: SessionStartBody;
  /** The first remote video frame rendered. */
  first_frame: FirstFrameBody;
  /** The heartbeat. */
  quality_sample: QualitySampleBody;
  /** A stall began. */
  stall_start: StallStartBody;
  /** A stall ended. */
  stall_end: StallEndBody;
  /** The rendered size changed. */
  resolution_change: ResolutionChangeBody;
  /** The local user switched role. */
  role_change: RoleChangeBody;
  /** A PK battle opened scoring. */
  pk_start: PkStartBody;
  /** A PK battle ended. */
  pk_end: PkEndBody;
  /** The stage layout changed. */
  layout_change: LayoutChangeBody;
  /** Something failed. */
  error: ErrorBody;
  /** The session ended. */
  session_end: SessionEndBody;
};
