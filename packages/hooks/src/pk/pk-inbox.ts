/**
 * Turns an incoming {@link PkMessage} into the {@link BattleEvent} it means
 * for the local state machine. Only the current opponent may move a battle
 * that is under way, and only the inviter may start it (its clock is the
 * authority).
 */
import type { BattleEvent, BattleRejection, BattleState } from './battle-types.js';
import type { PkMessage } from './pk-messages.js';

/** The event a message stands for, or why it is refused before reaching the reducer. */
export function eventForMessage(state: BattleState, message: PkMessage): BattleEvent | BattleRejection {
  const { body, from, to } = message;
  if (body.type === 'invite') {
    return {
      type: 'invite_received',
      battleId: body.battleId,
      inviter: from,
      invitee: to,
      sentAt: body.sentAt,
      timings: body.timings,
    };
  }
  if (state.phase !== 'idle' && state.battleId === body.battleId && from.userId !== state.opponent.userId) {
    return 'unknown_host';
  }
  switch (body.type) {
    case 'start':
      if (state.phase !== 'idle' && state.battleId === body.battleId && state.isInviter) return 'unknown_host';
      return body;
    case 'end':
      return { type: 'end', battleId: body.battleId, by: from.userId, at: body.at };
    case 'leave':
      return { type: 'opponent_left', battleId: body.battleId, at: body.at };
    default:
      return body;
  }
}
