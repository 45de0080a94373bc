/**
 * The typed body of each telemetry event type. Definitions and sources of the
 * figures: DESIGN.md "Quality definitions" and docs/metrics.md.
 */
import * as z from 'zod/mini';
import { coarseStringSchema } from './context.js';
import { countSchema, measurementSourceSchema, measureSchema, qualityCountersSchema, shareSchema } from './counters.js';
import { roleSchema } from './envelope.js';

const participantId = z.optional(z.string().check(z.minLength(1), z.maxLength(128)));

/** How a session ended (decision 10). */
export const exitReasonSchema = z.enum(['leave', 'pagehide', 'error', 'kicked', 'room_closed']);

/** Why the publisher's encoder holds back (W3C `qualityLimitationReason`). */
export const qualityLimitationReasonSchema = z.enum(['none', 'cpu', 'bandwidth', 'other']);

/** Page visibility (Page Visibility API). */
export const visibilitySchema = z.enum(['visible', 'hidden']);

/** `session_start`: the join call (or the collector's creation, when it came later). */
export const sessionStartBodySchema = z.object({
  visibility: visibilitySchema,
  /** The share of sessions kept (decision 11), so reports can weight them. */
  sampleRate: shareSchema,
  heartbeatMs: countSchema,
  /** True when the collector was created after `join()`: startup is then measured from its creation. */
  lateStart: z.boolean(),
});

/** `first_frame`: startup time = join call → first remote video frame rendered. */
export const firstFrameBodySchema = z.object({
  startupMs: countSchema,
  source: measurementSourceSchema,
  participantId,
  width: z.optional(countSchema),
  height: z.optional(countSchema),
});

/** `quality_sample`: the heartbeat, with deltas since the last one and cumulative totals. */
export const qualitySampleBodySchema = z.object({
  /** Time covered by `delta`. */
  intervalMs: countSchema,
  source: measurementSourceSchema,
  delta: qualityCountersSchema,
  total: qualityCountersSchema,
  /** Rendered frames per second over the interval. */
  fps: z.optional(measureSchema),
  bitrateKbps: z.optional(measureSchema),
  /** Δ packetsLost / (Δ packetsLost + Δ packetsReceived). */
  packetLossRatio: z.optional(shareSchema),
  /** Δ framesDropped / Δ framesReceived. */
  dropRatio: z.optional(shareSchema),
  qualityLimitationReason: z.optional(qualityLimitationReasonSchema),
});

/** `stall_start`: a render gap just crossed the freeze threshold. */
export const stallStartBodySchema = z.object({
  source: measurementSourceSchema,
  participantId,
  /** The freeze threshold the gap crossed, in ms. */
  thresholdMs: countSchema,
});

/** `stall_end`: frames resumed after a stall. */
export const stallEndBodySchema = z.object({
  source: measurementSourceSchema,
  participantId,
  durationMs: countSchema,
});

/** `resolution_change`: the rendered size changed; direction compares short sides. */
export const resolutionChangeBodySchema = z.object({
  participantId,
  fromWidth: z.optional(countSchema),
  fromHeight: z.optional(countSchema),
  toWidth: countSchema,
  toHeight: countSchema,
  direction: z.enum(['up', 'down', 'initial', 'same']),
});

/** `role_change`: the local user switched role. */
export const roleChangeBodySchema = z.object({ from: roleSchema, to: roleSchema });

/** `pk_start`: a PK battle began (emitted by `@liveroom/hooks`). */
export const pkStartBodySchema = z.object({
  battleId: coarseStringSchema,
  opponentRoomId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  /** Planned length, in ms. */
  durationMs: z.optional(countSchema),
});

/** `pk_end`: a PK battle ended, with its result for the local side and both scores. */
export const pkEndBodySchema = z.object({
  battleId: coarseStringSchema,
  result: z.enum(['win', 'loss', 'draw', 'aborted']),
  scores: z.object({ local: measureSchema, opponent: measureSchema }),
  /** Why it ended (added in a minor release, decision 13): time ran out, a host ended it, or a side left. */
  reason: z.optional(z.enum(['time_up', 'ended_early', 'opponent_left', 'left'])),
});

/** `layout_change`: the stage layout changed (emitted by `@liveroom/hooks`). */
export const layoutChangeBodySchema = z.object({
  from: z.optional(coarseStringSchema),
  to: coarseStringSchema,
  tileCount: countSchema,
});

/** `error`: something failed (a room error, or a sink that could not deliver). */
export const errorBodySchema = z.object({
  /** A `LiveroomError` code or a sink failure code. */
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  message: z.string().check(z.maxLength(256)),
  origin: z.enum(['room', 'sink', 'collector']),
  fatal: z.boolean(),
});

/** `session_end`: totals for the whole stay plus the exit context. */
export const sessionEndBodySchema = z.object({
  reason: exitReasonSchema,
  /** Join call → exit. */
  dwellMs: countSchema,
  total: qualityCountersSchema,
  source: measurementSourceSchema,
  videoStarted: z.boolean(),
  /** Left before the first frame after trying for ≥ 1 s (Mux's EBVS). */
  exitBeforeVideoStart: z.boolean(),
  startupMs: z.optional(countSchema),
  /** Time since the last stall ended (or began, if still stalled); absent when there was none. */
  msSinceLastStall: z.optional(countSchema),
  stalledAtExit: z.boolean(),
});
