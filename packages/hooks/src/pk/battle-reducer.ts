/**
 * The PK state machine as a pure, deterministic reducer:
 *
 * ```
 * idle → inviting | invited → accepted → countdown → active → settling → result → idle
 * ```
 *
 * with decline, cancel, invite timeout, early end by either host, and the
 * opponent leaving mid-battle. Time only moves through `tick` events carrying
 * server time, so the same events give the same states on every client.
 * An event that does not apply leaves the state untouched and says why.
 */
import { decideOutcome, nextDeadline } from './battle-outcome.js';
import type {
  BattleEvent,
  BattleInvite,
  BattlePhase,
  BattleRejection,
  BattleScores,
  BattleState,
  BattleTransition,
  IdleBattle,
  RunningBattle,
} from './battle-types.js';
import { isScoreMap } from './pk-messages.js';

/** How many ended battle ids are remembered to recognise late or duplicated messages. */
const ENDED_MEMORY = 16;

/** The state before any battle. */
export const IDLE_BATTLE: IdleBattle = { phase: 'idle', ended: [] };

type Engaged = Exclude<BattleState, IdleBattle>;
type EventOf<T extends BattleEvent['type']> = Extract<BattleEvent, { type: T }>;
/** Events about the current battle: they name it and apply in some of its phases. */
type BattleScopedEvent = Exclude<BattleEvent, BattleInvite | { type: 'tick' }>;

const ok = (state: BattleState): BattleTransition => ({ ok: true, state });
const no = (state: BattleState, reason: BattleRejection): BattleTransition => ({ ok: false, state, reason });
const backToIdle = (state: Engaged) => ok(idleAfter(state));

/** One rule per battle-scoped event: the phases it applies in (else `wrong_phase`), and what it does there. */
type Rule<T extends BattleScopedEvent['type']> = [
  phases: readonly BattlePhase[],
  apply: (state: Engaged, event: EventOf<T>) => BattleTransition,
];

const RULES: { [T in BattleScopedEvent['type']]: Rule<T> } = {
  accept: [['inviting', 'invited'], (s) => ok({ ...s, phase: 'accepted' })],
  decline: [['inviting', 'invited'], backToIdle],
  cancel: [['inviting', 'invited', 'accepted'], backToIdle],
  start: [['accepted'], start],
  score: [['countdown', 'active', 'settling'], (s, event) => score(s as RunningBattle, event)],
  end: [['countdown', 'active'], (s, event) => endEarly(s as RunningBattle, event)],
  opponent_left: [
    ['inviting', 'invited', 'accepted', 'countdown', 'active', 'settling'],
    (s, event) => opponentLeft(s, event.at),
  ],
  dismiss: [['result'], backToIdle],
  abandon: [['inviting', 'invited', 'accepted', 'countdown', 'active', 'settling', 'result'], backToIdle],
};

/**
 * Applies one event and says whether it was applied. Never throws: invalid
 * events come back as `{ ok: false, reason }` with the state unchanged.
 *
 * @example
 * ```ts
 * const t = battleTransition(state, { type: 'score', battleId, seq: 3, scores: { alice: 120 } });
 * if (!t.ok) console.debug('ignored score:', t.reason); // e.g. 'stale_score'
 * ```
 */
export function battleTransition(state: BattleState, event: BattleEvent): BattleTransition {
  if (event.type === 'tick') return tick(state, event.now);
  if (event.type === 'invite_sent' || event.type === 'invite_received') {
    return invite(state, event, event.type === 'invite_sent');
  }
  if (state.phase === 'idle' || state.battleId !== event.battleId) {
    return no(state, state.ended.includes(event.battleId) ? 'already_ended' : 'unknown_battle');
  }
  // The table pairs each event type with its own rule; TypeScript cannot follow that pairing through a union.
  const [phases, apply] = RULES[event.type] as Rule<typeof event.type>;
  return phases.includes(state.phase) ? apply(state, event as never) : no(state, 'wrong_phase');
}

/** {@link battleTransition} as a plain `(state, event) => state` reducer (for `useReducer` or a store). */
export function battleReducer(state: BattleState, event: BattleEvent): BattleState {
  return battleTransition(state, event).state;
}

function idleAfter(state: Engaged): IdleBattle {
  return { phase: 'idle', ended: [state.battleId, ...state.ended].slice(0, ENDED_MEMORY) };
}

function invite(state: BattleState, event: BattleInvite, sent: boolean): BattleTransition {
  if (event.inviter.userId === event.invitee.userId) return no(state, 'self_invite');
  if (state.ended.includes(event.battleId)) return no(state, 'already_ended');
  if (state.phase !== 'idle') return no(state, state.battleId === event.battleId ? 'wrong_phase' : 'busy');
  return ok({
    phase: sent ? 'inviting' : 'invited',
    ended: state.ended,
    battleId: event.battleId,
    self: sent ? event.inviter : event.invitee,
    opponent: sent ? event.invitee : event.inviter,
    isInviter: sent,
    timings: event.timings,
    invitedAt: event.sentAt,
  });
}

function start(state: Engaged, event: EventOf<'start'>): BattleTransition {
  if (!(event.countdownAt <= event.activeAt && event.activeAt <= event.endsAt)) return no(state, 'invalid_times');
  return ok({
    ...state,
    phase: 'countdown',
    activeAt: event.activeAt,
    endsAt: event.endsAt,
    scores: { [state.self.userId]: 0, [state.opponent.userId]: 0 },
    scoreSeq: 0,
  } as BattleState);
}

function score(state: RunningBattle, event: EventOf<'score'>): BattleTransition {
  if (event.seq <= state.scoreSeq) return no(state, 'stale_score');
  if (!Object.keys(event.scores).every((id) => inBattle(state, id))) return no(state, 'unknown_host');
  if (!isScoreMap(event.scores)) return no(state, 'invalid_score');
  const scores: BattleScores = { ...state.scores, ...event.scores };
  return ok({ ...state, scores, scoreSeq: event.seq });
}

/** Whether `userId` is one of the battle's two hosts. */
function inBattle(state: Engaged, userId: string): boolean {
  return userId === state.self.userId || userId === state.opponent.userId;
}

/** Closes scoring at `at` (never later than planned), keeping `activeAt ≤ endsAt`. */
function closedAt<S extends RunningBattle>(state: S, at: number): S {
  const endsAt = Math.min(state.endsAt, at);
  return { ...state, endsAt, activeAt: Math.min(state.activeAt, endsAt) };
}

function endEarly(state: RunningBattle, event: EventOf<'end'>): BattleTransition {
  if (!inBattle(state, event.by)) return no(state, 'unknown_host');
  const closed = closedAt(state, event.at);
  return ok({
    ...closed,
    phase: 'settling',
    reason: 'ended_early',
    settleAt: closed.endsAt + state.timings.settleMs,
  });
}

/**
 * Before the start the invite simply lapses. During the countdown or while
 * scoring, the battle ends as `opponent_left`. While settling, scoring has
 * already closed, so the battle is decided on its scores right away.
 */
function opponentLeft(state: Engaged, at: number): BattleTransition {
  switch (state.phase) {
    case 'countdown':
    case 'active': {
      const closed = closedAt(state, at);
      return ok({
        ...closed,
        phase: 'result',
        outcome: 'opponent_left',
        reason: 'opponent_left',
        until: at + state.timings.resultMs,
      });
    }
    case 'settling':
      return ok(settle(state, at));
    default:
      return ok(idleAfter(state));
  }
}

function settle(state: Extract<BattleState, { phase: 'settling' }>, at: number): BattleState {
  const { settleAt: _settled, ...rest } = state;
  return {
    ...rest,
    phase: 'result',
    outcome: decideOutcome(state),
    until: at + state.timings.resultMs,
  };
}

function tick(state: BattleState, now: number): BattleTransition {
  const due = nextDeadline(state);
  if (state.phase === 'idle' || due === undefined || now < due) return no(state, 'not_due');
  switch (state.phase) {
    case 'countdown':
      return ok({ ...state, phase: 'active' });
    case 'active':
      return ok({ ...state, phase: 'settling', reason: 'time_up', settleAt: state.endsAt + state.timings.settleMs });
    case 'settling':
      return ok(settle(state, state.settleAt));
    default:
      return ok(idleAfter(state));
  }
}
