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
  userId: string;
  roomId: string;
}

/** How long each timed phase lasts, in ms. The inviter chooses; the invite carries them. */
export interface BattleTimings {
  /** How long an invite waits for an answer (and an accepted invite for its start). */
  inviteTimeoutMs: number;
  /** The 3-2-1 countdown before scoring opens. */
  countdownMs: number;
  /** How long scoring stays open. */
  durationMs: number;
  /** Grace after the end for late score updates before the result is final. */
  settleMs: number;
  /** How long the result stays on screen before the stage returns to idle. */
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

/** What both sides of an agreed battle know. */
interface BattleCore {
  battleId: string;
  /** The local side (the host of this room). */
  self: PkHost;
  opponent: PkHost;
  /** True when the local side sent the invite, so its clock is the authority. */
  isInviter: boolean;
  timings: BattleTimings;
  /** Server time the invite was sent at. */
  invitedAt: number;
}

/** Battles ended recently, so that late or duplicated messages about them are ignored. */
interface BattleMemory {
  ended: readonly string[];
}

/** Running battle fields, from the countdown on. */
interface BattleClockFields {
  /** Server time scoring opens (end of the countdown). */
  activeAt: number;
  /** Server time scoring closes (earlier when a host ends the battle). */
  endsAt: number;
  /** Latest score snapshot, by host user id. */
  scores: BattleScores;
  /** Sequence number of `scores` (0 before any update); older or equal updates are ignored. */
  scoreSeq: number;
}

/** No battle. */
export interface IdleBattle extends BattleMemory {
  phase: 'idle';
}
/** The local host invited someone and waits for an answer. */
export interface InvitingBattle extends BattleMemory, BattleCore {
  phase: 'inviting';
}
/** Someone invited the local host. */
export interface InvitedBattle extends BattleMemory, BattleCore {
  phase: 'invited';
}
/** Both agreed; waiting for the inviter's start signal. */
export interface AcceptedBattle extends BattleMemory, BattleCore {
  phase: 'accepted';
}
/** Counting down to `activeAt`. */
export interface CountdownBattle extends BattleMemory, BattleCore, BattleClockFields {
  phase: 'countdown';
}
/** Scoring is open until `endsAt`. */
export interface ActiveBattle extends BattleMemory, BattleCore, BattleClockFields {
  phase: 'active';
}
/** Scoring closed; late updates still count until `settleAt`. */
export interface SettlingBattle extends BattleMemory, BattleCore, BattleClockFields {
  phase: 'settling';
  reason: Exclude<BattleEndReason, 'opponent_left'>;
  settleAt: number;
}
/** The battle is over; shown until `until`. */
export interface ResultBattle extends BattleMemory, BattleCore, BattleClockFields {
  phase: 'result';
  outcome: BattleOutcome;
  reason: BattleEndReason;
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

/** Fields of an invite, sent or received. */
export interface BattleInvite {
  battleId: string;
  inviter: PkHost;
  invitee: PkHost;
  /** Server time the inviter sent it. */
  sentAt: number;
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
