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
    return { ...body, type: 'invite_received', inviter: from, invitee: to };
  }
  // About the current battle: only the opponent may move it, and only the inviter may start it.
  const current = state.phase !== 'idle' && state.battleId === body.battleId;
  if (current && (from.userId !== state.opponent.userId || (body.type === 'start' && state.isInviter))) {
    return 'unknown_host';
  }
  switch (body.type) {
    case 'end':
      return { ...body, type: 'end', by: from.userId };
    case 'leave':
      return { ...body, type: 'opponent_left' };
    default:
      return body;
  }
}
