/**
 * The vocabulary of a PK (co-host) battle: who takes part, how long each
 * phase lasts, the state of the machine and the events that move it.
 *
 * Every timestamp is in **server time** as the inviting host saw it (its
 * local clock plus its room's `serverTimeOffsetMs`), so all viewers agree on
 * the battle clock whatever their own clock says (DESIGN.md decision 6).
 */

/** One side of a battle: a host and the room it broadcasts from. */
export interface PkHost {
  /** The host's user id (its `room.userId`). */
  userId: string;
  /** The room the host broadcasts from; the two hosts' rooms differ in a cross-room battle. */
  roomId: string;
}

/**
 * How long each timed phase lasts, in ms. The inviter chooses; the invite
 * carries them, so both sides run on the same timings. Each is a whole
 * number of ms from 0 to 24 h (`durationMs` at least 1): `createBattleStore`
 * refuses other values with `INVALID_CONFIG`, and an invite carrying them is
 * dropped. Defaults: {@link DEFAULT_BATTLE_TIMINGS}.
 */
export interface BattleTimings {
  /** How long an invite waits for an answer, and an accepted invite for its start (default 15 s). */
  inviteTimeoutMs: number;
  /** The 3-2-1 countdown before scoring opens (default 3 s). */
  countdownMs: number;
  /** How long scoring stays open (default 5 min). */
  durationMs: number;
  /** Grace after scoring closes for late score updates, before the result is final (default 2 s). */
  settleMs: number;
  /** How long the result stays on screen before the stage returns to idle (default 8 s). */
  resultMs: number;
}

/** Sensible timings for a live-commerce PK: 5-minute rounds, 3-second countdown. */
export const DEFAULT_BATTLE_TIMINGS: BattleTimings = {
  inviteTimeoutMs: 15_000,
  countdownMs: 3_000,
  durationMs: 300_000,
  settleMs: 2_000,
  resultMs: 8_000,
};

/** Scores by host user id. */
export type BattleScores = Readonly<Record<string, number>>;

/** Why a battle reached its result. */
export type BattleEndReason = 'time_up' | 'ended_early' | 'opponent_left';

/** The result from the local host's (or viewer's room's) side. */
export type BattleOutcome = 'win' | 'loss' | 'draw' | 'opponent_left';

/**
 * Fields of every engaged state (`inviting` to `result`): who plays whom,
 * and on which timings. Set by the invite and unchanged until the battle ends.
 */
export interface EngagedBattleFields {
  /** Names the battle in every message, broadcast and `pk_*` event (`pk-…` unless `newBattleId` says otherwise). */
  battleId: string;
  /** The local side: the host of this room (for a viewer's mirror, the host followed). */
  self: PkHost;
  /** The other host, in another room when `opponent.roomId` differs from `self.roomId`. */
  opponent: PkHost;
  /** True when the local side sent the invite, so its clock is the authority. */
  isInviter: boolean;
  /** The inviter's timings; both sides run the battle on them. */
  timings: BattleTimings;
  /** Server time (epoch ms) the invite was sent at; an unanswered invite lapses at `invitedAt + timings.inviteTimeoutMs`. */
  invitedAt: number;
}

/** What every state keeps about earlier battles. */
export interface BattleMemory {
  /**
   * Ids of the last 16 ended battles, newest first, so that late or
   * duplicated messages about them are refused (`already_ended`). Internal
   * bookkeeping, not for display; always empty in a viewer's mirror.
   */
  ended: readonly string[];
}

/** Fields of a running battle, from the countdown on: its clock and its scores. */
export interface RunningBattleFields {
  /** Server time (epoch ms) scoring opens, at the end of the countdown. */
  activeAt: number;
  /** Server time (epoch ms) scoring closes: `activeAt + timings.durationMs`, or earlier when a host ends the battle or the opponent leaves. */
  endsAt: number;
  /** Latest score snapshot, by host user id (both hosts start at 0); read one side with {@link scoreOf}. */
  scores: BattleScores;
  /** Sequence number of `scores` (0 before any update); older or equal updates are ignored. */
  scoreSeq: number;
}

/**
 * No battle. Begins before the first battle and after each one ends
 * (declined, cancelled, lapsed, the opponent gone before the start, result
 * shown or dismissed, or the local host left the room); ends when an invite
 * is sent or received.
 */
export interface IdleBattle extends BattleMemory {
  /** Discriminant of {@link BattleState}. */
  phase: 'idle';
}
/**
 * The local host invited someone and waits for an answer. Ends when the
 * invitee accepts (`accepted`), or declines, the inviter cancels, or the
 * invite lapses at `invitedAt + timings.inviteTimeoutMs` (back to `idle`).
 */
export interface InvitingBattle extends BattleMemory, EngagedBattleFields {
  /** Discriminant of {@link BattleState}. */
  phase: 'inviting';
}
/**
 * Someone invited the local host (show accept / decline). Ends when the local
 * host answers, the inviter cancels, or the invite lapses at
 * `invitedAt + timings.inviteTimeoutMs`.
 */
export interface InvitedBattle extends BattleMemory, EngagedBattleFields {
  /** Discriminant of {@link BattleState}. */
  phase: 'invited';
}
/**
 * Both agreed; waiting for the inviter's start signal, which the inviter
 * sends as soon as it learns of the acceptance, so this phase is brief. Ends
 * with the start (`countdown`), a cancel, or the invite deadline.
 */
export interface AcceptedBattle extends BattleMemory, EngagedBattleFields {
  /** Discriminant of {@link BattleState}. */
  phase: 'accepted';
}
/**
 * Counting down (the 3-2-1 before scoring). Begins with the inviter's start
 * signal and ends at `activeAt` (`active`), or early when a host ends the
 * battle (`settling`) or the opponent leaves (`result`).
 */
export interface CountdownBattle extends BattleMemory, EngagedBattleFields, RunningBattleFields {
  /** Discriminant of {@link BattleState}. */
  phase: 'countdown';
}
/**
 * Scoring is open. Begins at `activeAt`; ends at `endsAt` (`settling`,
 * `time_up`), when a host ends the battle (`settling`, `ended_early`), or when
 * the opponent leaves (`result`, `opponent_left`).
 */
export interface ActiveBattle extends BattleMemory, EngagedBattleFields, RunningBattleFields {
  /** Discriminant of {@link BattleState}. */
  phase: 'active';
}
/**
 * Scoring has closed, but score updates sent before the close may still
 * arrive and count. Ends at `settleAt` with the result (at once when the
 * opponent leaves meanwhile).
 */
export interface SettlingBattle extends BattleMemory, EngagedBattleFields, RunningBattleFields {
  /** Discriminant of {@link BattleState}. */
  phase: 'settling';
  /** Why scoring closed: `time_up` at the planned `endsAt`, `ended_early` when a host called `end()`. */
  reason: Exclude<BattleEndReason, 'opponent_left'>;
  /** Server time (epoch ms) the result becomes final: `endsAt + timings.settleMs`. */
  settleAt: number;
}
/**
 * The battle is over and its result is on screen. Ends at `until`, or
 * earlier with `dismiss()` (back to `idle`).
 */
export interface ResultBattle extends BattleMemory, EngagedBattleFields, RunningBattleFields {
  /** Discriminant of {@link BattleState}. */
  phase: 'result';
  /** The local side's result: `win`, `loss` or `draw` on the final scores, or `opponent_left` when the opponent left before scoring closed. */
  outcome: BattleOutcome;
  /** How scoring closed: `time_up`, `ended_early`, or `opponent_left` (the opponent left during the countdown or while scoring). */
  reason: BattleEndReason;
  /** Server time (epoch ms) the result stops showing and the state returns to `idle`: the result's start plus `timings.resultMs`. */
  until: number;
}

/** The PK state machine's state. */
export type BattleState =
  | IdleBattle
  | InvitingBattle
  | InvitedBattle
  | AcceptedBattle
  | CountdownBattle
  | ActiveBattle
  | SettlingBattle
  | ResultBattle;

/** Every phase, in order. */
export type BattlePhase = BattleState['phase'];

/** A battle from the countdown on (`countdown`, `active`, `settling`, `result`): it has a clock and scores. */
export type RunningBattle = Extract<BattleState, RunningBattleFields>;

/** Fields of an invite, sent or received. */
export interface BattleInvite {
  /** The new battle's id, chosen by the inviter. */
  battleId: string;
  /** The host who sent the invite; its clock is the battle's authority. */
  inviter: PkHost;
  /** The host invited. */
  invitee: PkHost;
  /** Server time (epoch ms) the inviter sent it. */
  sentAt: number;
  /** The inviter's timings, which both sides then use. */
  timings: BattleTimings;
}

/**
 * Everything that can happen to a battle. Events name the battle they are
 * about, so duplicates and stragglers from another battle are recognised.
 */
export type BattleEvent =
  | ({ type: 'invite_sent' } & BattleInvite)
  | ({ type: 'invite_received' } & BattleInvite)
  /** Either side: the invitee accepted. */
  | { type: 'accept'; battleId: string }
  /** Either side: the invitee declined. */
  | { type: 'decline'; battleId: string }
  /** Either side: the inviter withdrew the invite before the start. */
  | { type: 'cancel'; battleId: string }
  /** The inviter's start signal, with its authority timestamps. */
  | { type: 'start'; battleId: string; countdownAt: number; activeAt: number; endsAt: number }
  /** A cumulative score snapshot with a per-battle sequence number. */
  | { type: 'score'; battleId: string; seq: number; scores: BattleScores }
  /** A host ended the battle early, at server time `at`. */
  | { type: 'end'; battleId: string; by: string; at: number }
  /** The opponent left the battle, the room, or lost its connection, at server time `at`. */
  | { type: 'opponent_left'; battleId: string; at: number }
  /** The local side dismissed the result. */
  | { type: 'dismiss'; battleId: string }
  /** The local side walked away (left the room): the battle is dropped at once. */
  | { type: 'abandon'; battleId: string }
  /** Server time passed `now`: fires timeouts, opens and closes scoring. */
  | { type: 'tick'; now: number };

/** Why an event was not applied. The state is unchanged in every case. */
export type BattleRejection =
  /** The event does not apply in the current phase. */
  | 'wrong_phase'
  /** The event names another battle than the current one. */
  | 'unknown_battle'
  /** About a battle that already ended (a duplicate or late message). */
  | 'already_ended'
  /** A score update with a sequence number at or below the last one applied. */
  | 'stale_score'
  /** A score or an early end by someone who is not in this battle. */
  | 'unknown_host'
  /** A score that is negative or not a finite number. */
  | 'invalid_score'
  /** An invite whose two hosts are the same user. */
  | 'self_invite'
  /** An invite while another battle is in progress. */
  | 'busy'
  /** Start timestamps out of order (`countdownAt ≤ activeAt ≤ endsAt` is required). */
  | 'invalid_times'
  /** A tick at which nothing was due. */
  | 'not_due';

/** The outcome of one event: the next state, or the reason it was ignored. */
export type BattleTransition =
  | { ok: true; state: BattleState }
  | { ok: false; state: BattleState; reason: BattleRejection };
