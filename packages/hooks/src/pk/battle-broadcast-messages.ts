/**
 * What a host broadcasts to its room's viewers so they can follow a battle:
 * the host's battle state (with the inviter's authority timestamps) and a
 * sequence number. Validated with `zod/mini` on the viewer's side.
 */
import * as z from 'zod/mini';
import type { BattleState } from './battle-types.js';
import { battleTimingsSchema, PK_PROTOCOL_VERSION, pkHostSchema } from './pk-messages.js';

const time = z.number().check(z.refine(Number.isFinite, 'must be finite'));
const engaged = {
  battleId: z.string().check(z.minLength(1), z.maxLength(64)),
  self: pkHostSchema,
  opponent: pkHostSchema,
  isInviter: z.boolean(),
  timings: battleTimingsSchema,
  invitedAt: time,
};
const running = {
  ...engaged,
  activeAt: time,
  endsAt: time,
  scores: z.record(z.string(), z.number().check(z.gte(0))),
  scoreSeq: z.number().check(z.int(), z.gte(0)),
};
const endReason = z.enum(['time_up', 'ended_early', 'opponent_left']);

/** A battle state as broadcast (without the host's memory of ended battles). */
const broadcastStateSchema = z.discriminatedUnion('phase', [
  z.object({ phase: z.literal('idle') }),
  z.object({ phase: z.enum(['inviting', 'invited', 'accepted']), ...engaged }),
  z.object({ phase: z.enum(['countdown', 'active']), ...running }),
  z.object({ phase: z.literal('settling'), ...running, reason: z.enum(['time_up', 'ended_early']), settleAt: time }),
  z.object({
    phase: z.literal('result'),
    ...running,
    outcome: z.enum(['win', 'loss', 'draw', 'opponent_left']),
    reason: endReason,
    until: time,
  }),
]);

/** The broadcast message. */
export const battleBroadcastSchema = z.object({
  kind: z.literal('liveroom.pk-state'),
  v: z.literal(PK_PROTOCOL_VERSION),
  /** Increases with every broadcast of one host; viewers drop older ones. */
  seq: z.number().check(z.int(), z.gte(1)),
  battle: broadcastStateSchema,
});

/** A broadcast, as sent and received. */
export type BattleBroadcast = z.infer<typeof battleBroadcastSchema>;

/** The broadcast form of `state`: everything but the memory of ended battles. */
export function toBroadcast(state: BattleState, seq: number): BattleBroadcast {
  const { ended: _ended, ...battle } = state;
  return { kind: 'liveroom.pk-state', v: PK_PROTOCOL_VERSION, seq, battle } as BattleBroadcast;
}

/** The battle state a broadcast carries, or `undefined` when `text` is not a valid broadcast. */
export function fromBroadcast(text: string): { seq: number; battle: BattleState } | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const result = battleBroadcastSchema.safeParse(data);
  if (!result.success) return undefined;
  return { seq: result.data.seq, battle: { ...result.data.battle, ended: [] } as BattleState };
}
