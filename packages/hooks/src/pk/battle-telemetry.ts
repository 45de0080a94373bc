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
    const cross = next.opponent.roomId !== next.self.roomId;
    return [
      {
        type: 'pk_start',
        body: {
          battleId: next.battleId,
          durationMs: next.endsAt - next.activeAt,
          ...(cross ? { opponentRoomId: next.opponent.roomId } : {}),
        },
      },
    ];
  }
  // Only a battle that opened scoring ends with `pk_end`.
  if (previous.phase !== 'active' && previous.phase !== 'settling') return [];
  if (next.phase === 'result') {
    const result: PkEndBody['result'] = next.outcome === 'opponent_left' ? 'aborted' : next.outcome;
    return [{ type: 'pk_end', body: { battleId: next.battleId, result, reason: next.reason, scores: scoresOf(next) } }];
  }
  if (next.phase === 'idle') {
    return [
      {
        type: 'pk_end',
        body: { battleId: previous.battleId, result: 'aborted', reason: 'left', scores: scoresOf(previous) },
      },
    ];
  }
  return [];
}

function scoresOf(state: RunningBattle): PkEndBody['scores'] {
  return { local: scoreOf(state, state.self), opponent: scoreOf(state, state.opponent) };
}
