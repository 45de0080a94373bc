/**
 * Which telemetry a battle transition produces: `pk_start` when scoring
 * opens, `pk_end` when a started battle ends (by result or because the local
 * side left). A battle that never opened scoring emits neither, so every
 * `pk_end` has a `pk_start`. Pure, so the store only forwards what this returns.
 */
import type { PkEndBody, PkStartBody } from '../telemetry.js';
import { scoreOf } from './battle-outcome.js';
import type { BattleState, RunningBattle } from './battle-types.js';

/** One telemetry event to emit. */
export type BattleTelemetry = { type: 'pk_start'; body: PkStartBody } | { type: 'pk_end'; body: PkEndBody };

/** The telemetry for moving from `previous` to `next` (none for most transitions). */
export function battleTelemetry(previous: BattleState, next: BattleState): BattleTelemetry[] {
  if (previous.phase !== 'active' && next.phase === 'active') {
    return [
      {
        type: 'pk_start',
        body: {
          battleId: next.battleId,
          durationMs: next.endsAt - next.activeAt,
          // Cross-room battles name the opponent's room.
          ...(next.opponent.roomId !== next.self.roomId ? { opponentRoomId: next.opponent.roomId } : {}),
        },
      },
    ];
  }
  // Only a battle that opened scoring ends with `pk_end`.
  if (previous.phase !== 'active' && previous.phase !== 'settling') return [];
  if (next.phase === 'result')
    return [end(next, next.outcome === 'opponent_left' ? 'aborted' : next.outcome, next.reason)];
  return next.phase === 'idle' ? [end(previous, 'aborted', 'left')] : [];
}

/** `pk_end` for `battle`, with its final scores. */
function end(battle: RunningBattle, result: PkEndBody['result'], reason: PkEndBody['reason']): BattleTelemetry {
  const scores = { local: scoreOf(battle, battle.self), opponent: scoreOf(battle, battle.opponent) };
  return { type: 'pk_end', body: { battleId: battle.battleId, result, reason, scores } };
}
