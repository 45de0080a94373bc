/**
 * The zod schema of each telemetry event body. The fields are documented on
 * the body types in `body-types.ts`, which `types.test-d.ts` keeps equal to
 * these schemas.
 */
import * as z from 'zod/mini';
import { coarseStringSchema } from './coarse-values.js';
import { countSchema, measurementSourceSchema, measureSchema, qualityCountersSchema, shareSchema } from './counters.js';
import { roleSchema } from './envelope.js';

const participantId = z.optional(z.string().check(z.minLength(1), z.maxLength(128)));

/** The {@link ExitReason} values. */
export const exitReasonSchema = z.enum(['leave', 'pagehide', 'error', 'kicked', 'room_closed']);

/** The {@link QualityLimitationReason} values (W3C `qualityLimitationReason`). */
export const qualityLimitationReasonSchema = z.enum(['none', 'cpu', 'bandwidth', 'other']);

/** Page visibility (Page Visibility API). */
export const visibilitySchema = z.enum(['visible', 'hidden']);

/** `session_start`: {@link SessionStartBody}. */
export const sessionStartBodySchema = z.object({
  visibility: visibilitySchema,
  sampleRate: shareSchema,
  heartbeatMs: countSchema,
  lateStart: z.boolean(),
});

/** `first_frame`: {@link FirstFrameBody}. */
export const firstFrameBodySchema = z.object({
  startupMs: countSchema,
  source: measurementSourceSchema,
  participantId,
  width: z.optional(countSchema),
  height: z.optional(countSchema),
});

/** `quality_sample`: {@link QualitySampleBody}. */
export const qualitySampleBodySchema = z.object({
  intervalMs: countSchema,
  source: measurementSourceSchema,
  delta: qualityCountersSchema,
  total: qualityCountersSchema,
  fps: z.optional(measureSchema),
  bitrateKbps: z.optional(measureSchema),
  packetLossRatio: z.optional(shareSchema),
  dropRatio: z.optional(shareSchema),
  qualityLimitationReason: z.optional(qualityLimitationReasonSchema),
});

/** `stall_start`: {@link StallStartBody}. */
export const stallStartBodySchema = z.object({
  source: measurementSourceSchema,
  participantId,
  thresholdMs: countSchema,
});

/** `stall_end`: {@link StallEndBody}. */
export const stallEndBodySchema = z.object({
  source: measurementSourceSchema,
  participantId,
  durationMs: countSchema,
  withdrawn: z.optional(z.literal(true)),
});

/** `resolution_change`: {@link ResolutionChangeBody}. */
export const resolutionChangeBodySchema = z.object({
  participantId,
  fromWidth: z.optional(countSchema),
  fromHeight: z.optional(countSchema),
  toWidth: countSchema,
  toHeight: countSchema,
  direction: z.enum(['up', 'down', 'initial', 'same']),
});

/** `role_change`: {@link RoleChangeBody}. */
export const roleChangeBodySchema = z.object({ from: roleSchema, to: roleSchema });

/** `pk_start`: {@link PkStartBody}. */
export const pkStartBodySchema = z.object({
  battleId: coarseStringSchema,
  opponentRoomId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  durationMs: z.optional(countSchema),
});

/** `pk_end`: {@link PkEndBody}. */
export const pkEndBodySchema = z.object({
  battleId: coarseStringSchema,
  result: z.enum(['win', 'loss', 'draw', 'aborted']),
  scores: z.object({ local: measureSchema, opponent: measureSchema }),
  reason: z.optional(z.enum(['time_up', 'ended_early', 'opponent_left', 'left'])),
});

/** `layout_change`: {@link LayoutChangeBody}. */
export const layoutChangeBodySchema = z.object({
  from: z.optional(coarseStringSchema),
  to: coarseStringSchema,
  tileCount: countSchema,
});

/** `error`: {@link ErrorBody}. */
export const errorBodySchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(64)),
  message: z.string().check(z.maxLength(256)),
  origin: z.enum(['room', 'sink', 'collector']),
  fatal: z.boolean(),
});

/** `session_end`: {@link SessionEndBody}. */
export const sessionEndBodySchema = z.object({
  reason: exitReasonSchema,
  dwellMs: countSchema,
  total: qualityCountersSchema,
  source: measurementSourceSchema,
  videoStarted: z.boolean(),
  exitBeforeVideoStart: z.boolean(),
  startupMs: z.optional(countSchema),
  msSinceLastStall: z.optional(countSchema),
  stalledAtExit: z.boolean(),
});
