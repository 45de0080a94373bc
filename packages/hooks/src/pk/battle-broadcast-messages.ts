/**
 * What a host broadcasts to its room's viewers so they can follow a battle:
 * the host's battle state (with the inviter's authority timestamps) and a
 * sequence number; and what a viewer sends to ask the hosts for their state.
 * Validated with `zod/mini` on the receiving side.
 */
import { wholeNumber } from '@liveroom/core';
import * as z from 'zod/mini';
import { exactly, parseTagged, taggedSchema } from '../schema-kinds.js';
import type { BattleState } from './battle-types.js';
import {
  battleIdSchema,
  battleTimingsSchema,
  decodeJson,
  PK_PROTOCOL_VERSION,
  pkHostSchema,
  scoresSchema,
  timeSchema,
} from './pk-messages.js';

const engaged = {
  battleId: battleIdSchema,
  self: pkHostSchema,
  opponent: pkHostSchema,
  isInviter: z.boolean(),
  timings: battleTimingsSchema,
  invitedAt: timeSchema,
};
const running = {
  ...engaged,
  activeAt: timeSchema,
  endsAt: timeSchema,
  scores: scoresSchema,
  scoreSeq: wholeNumber(0),
};
const engagedSchema = z.object(engaged);
const runningSchema = z.object(running);

/** The fields of a broadcast battle, by its `phase` (as in {@link BattleState}). */
export const battleSchemas = {
  idle: z.object({}),
  inviting: engagedSchema,
  invited: engagedSchema,
  accepted: engagedSchema,
  countdown: runningSchema,
  active: runningSchema,
  settling: z.object({ ...running, reason: z.enum(['time_up', 'ended_early']), settleAt: timeSchema }),
  result: z.object({
    ...running,
    outcome: z.enum(['win', 'loss', 'draw', 'opponent_left']),
    reason: z.enum(['time_up', 'ended_early', 'opponent_left']),
    until: timeSchema,
  }),
} satisfies Record<BattleState['phase'], z.ZodMiniObject>;

/** A battle state without the host's memory of ended battles, as a host broadcasts it. */
export type BroadcastBattle = {
  [P in BattleState['phase']]: Omit<Extract<BattleState, { phase: P }>, 'ended'>;
}[BattleState['phase']];

/** A broadcast, as sent and received. */
export interface BattleBroadcast {
  /** Names the message. */
  kind: 'liveroom.pk-state';
  /** The protocol version, {@link PK_PROTOCOL_VERSION}. */
  v: typeof PK_PROTOCOL_VERSION;
  /** Increases with every broadcast of one host; viewers drop older ones. */
  seq: number;
  /** The host's battle state, without its memory of ended battles. */
  battle: BroadcastBattle;
}

/** The broadcast message: a battle state without the host's memory of ended battles. */
export const battleBroadcastSchema = z.object({
  kind: exactly('liveroom.pk-state'),
  v: exactly(PK_PROTOCOL_VERSION),
  seq: wholeNumber(1),
  battle: taggedSchema('phase', battleSchemas),
}) as unknown as z.ZodMiniType<BattleBroadcast>;

/** The broadcast form of `state`: everything but the memory of ended battles. */
export function toBroadcast(state: BattleState, seq: number): BattleBroadcast {
  const { ended: _ended, ...battle } = state;
  return { kind: 'liveroom.pk-state', v: PK_PROTOCOL_VERSION, seq, battle };
}

/** The battle state a broadcast carries, or `undefined` when `text` is not a valid broadcast. */
export function fromBroadcast(text: string): { seq: number; battle: BattleState } | undefined {
  const broadcast = decodeJson(text, (data) => battleBroadcastSchema.safeParse(data).data);
  if (!broadcast) return undefined;
  const battle = parseTagged('phase', battleSchemas, broadcast.battle);
  return { seq: broadcast.seq, battle: { ...(battle as BroadcastBattle), ended: [] } as BattleState };
}

/**
 * A viewer's request for the hosts' battle state, answered with a
 * {@link BattleBroadcast} to that viewer only. Added within version 1: a host
 * on an older SDK drops it as an unknown kind, and its viewer then waits for
 * the next broadcast, as before.
 */
export const battleStateRequestSchema = z.object({
  kind: exactly('liveroom.pk-state-request'),
  v: exactly(PK_PROTOCOL_VERSION),
});

/** A state request, as sent and received. */
export type BattleStateRequest = z.infer<typeof battleStateRequestSchema>;

/** The state request as a viewer sends it. */
export const STATE_REQUEST = JSON.stringify({
  kind: 'liveroom.pk-state-request',
  v: PK_PROTOCOL_VERSION,
} satisfies BattleStateRequest);

/** Whether `text` is a valid state request. */
export function isStateRequest(text: string): boolean {
  return decodeJson(text, (data) => battleStateRequestSchema.safeParse(data).success) === true;
}
