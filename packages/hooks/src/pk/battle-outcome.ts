/**
 * Who won, and how to read the battle clock. Pure functions over
 * {@link BattleState}, shared by the reducer, the store and the UI.
 */
import type { BattleOutcome, BattleState, PkHost, RunningBattle } from './battle-types.js';

/** The local side's outcome from the scores: `win`, `loss` or `draw`. */
export function decideOutcome(state: RunningBattle): Exclude<BattleOutcome, 'opponent_left'> {
  const local = scoreOf(state, state.self);
  const opponent = scoreOf(state, state.opponent);
  if (local === opponent) return 'draw';
  return local > opponent ? 'win' : 'loss';
}

/** A host's current score (0 before the first update). */
export function scoreOf(state: RunningBattle, host: PkHost): number {
  return state.scores[host.userId] ?? 0;
}

/**
 * Server time on this client: its clock plus the room's
 * `serverTimeOffsetMs` (server clock minus local clock).
 */
export function serverNow(localNow: number, serverTimeOffsetMs: number): number {
  return localNow + serverTimeOffsetMs;
}

/**
 * The server time at which the current phase times out or moves on by
 * itself, or `undefined` when nothing is scheduled (idle).
 */
export function nextDeadline(state: BattleState): number | undefined {
  switch (state.phase) {
    case 'idle':
      return undefined;
    case 'inviting':
    case 'invited':
    case 'accepted':
      return state.invitedAt + state.timings.inviteTimeoutMs;
    case 'countdown':
      return state.activeAt;
    case 'active':
      return state.endsAt;
    case 'settling':
      return state.settleAt;
    case 'result':
      return state.until;
  }
}

/**
 * Milliseconds left in the current timed phase at server time `now`: the
 * answer window while inviting, the countdown, the scoring time while active,
 * 0 otherwise. Because every deadline is an authority timestamp, viewers with
 * different clocks see the same figure once their offsets are applied.
 *
 * @example
 * ```ts
 * const left = remainingMs(store.getSnapshot().battle, serverNow(Date.now(), room.serverTimeOffsetMs));
 * ```
 */
export function remainingMs(state: BattleState, now: number): number {
  // Settling and the result have deadlines too, but no clock a viewer should see.
  const due = state.phase === 'settling' || state.phase === 'result' ? undefined : nextDeadline(state);
  return due === undefined ? 0 : Math.max(0, due - now);
}
