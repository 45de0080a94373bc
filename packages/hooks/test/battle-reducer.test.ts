import { describe, expect, it, test } from 'vitest';
import { nextDeadline, remainingMs, serverNow } from '../src/pk/battle-outcome.js';
import { battleTransition, IDLE_BATTLE } from '../src/pk/battle-reducer.js';
import type { BattleEvent, BattleState } from '../src/pk/battle-types.js';
import { activeForAlice, alice, BATTLE, bob, inviteOf, run, startOf, T0, timings } from './fixtures/battle.js';

const start = startOf();
const inviting = run([{ type: 'invite_sent', ...inviteOf() }]);
const invited = run([{ type: 'invite_received', ...inviteOf() }]);
const accepted = run([{ type: 'accept', battleId: BATTLE }], inviting);
const countdown = run([start], accepted);
const active = activeForAlice();

describe('battleTransition: the happy path', () => {
  test.each<[string, BattleState, BattleEvent, BattleState['phase']]>([
    ['idle → inviting', IDLE_BATTLE, { type: 'invite_sent', ...inviteOf() }, 'inviting'],
    ['idle → invited', IDLE_BATTLE, { type: 'invite_received', ...inviteOf() }, 'invited'],
    ['inviting → accepted', inviting, { type: 'accept', battleId: BATTLE }, 'accepted'],
    ['invited → accepted', invited, { type: 'accept', battleId: BATTLE }, 'accepted'],
    ['accepted → countdown', accepted, start, 'countdown'],
    ['countdown → active at activeAt', countdown, { type: 'tick', now: start.activeAt }, 'active'],
    ['active → settling at endsAt', active, { type: 'tick', now: start.endsAt }, 'settling'],
  ])('%s', (_name, from, event, phase) => {
    const t = battleTransition(from, event);
    expect(t.ok).toBe(true);
    expect(t.state.phase).toBe(phase);
  });

  it('settles on the scores and returns to idle after the result', () => {
    const scored = run([{ type: 'score', battleId: BATTLE, seq: 1, scores: { alice: 30, bob: 10 } }], active);
    const settling = run([{ type: 'tick', now: start.endsAt }], scored);
    const result = run([{ type: 'tick', now: start.endsAt + timings.settleMs }], settling);
    expect(result).toMatchObject({ phase: 'result', outcome: 'win', reason: 'time_up' });
    const done = run([{ type: 'tick', now: start.endsAt + timings.settleMs + timings.resultMs }], result);
    expect(done).toEqual({ phase: 'idle', ended: [BATTLE] });
  });

  it('gives bob the mirror outcome of the same scores', () => {
    const bobView = run([
      { type: 'invite_received', ...inviteOf() },
      { type: 'accept', battleId: BATTLE },
      start,
      { type: 'score', battleId: BATTLE, seq: 1, scores: { alice: 30, bob: 10 } },
      { type: 'end', battleId: BATTLE, by: 'bob', at: start.activeAt + 5_000 },
      { type: 'tick', now: start.activeAt + 5_000 + timings.settleMs },
    ]);
    expect(bobView).toMatchObject({ phase: 'result', outcome: 'loss', reason: 'ended_early' });
  });
});

describe('battleTransition: endings before the result', () => {
  test.each<[string, BattleState, BattleEvent]>([
    ['the invitee declines', invited, { type: 'decline', battleId: BATTLE }],
    ['the inviter hears a decline', inviting, { type: 'decline', battleId: BATTLE }],
    ['the inviter cancels', inviting, { type: 'cancel', battleId: BATTLE }],
    ['the inviter cancels after the accept', accepted, { type: 'cancel', battleId: BATTLE }],
    ['the invite times out', inviting, { type: 'tick', now: T0 + timings.inviteTimeoutMs }],
    ['the accepted battle never starts', accepted, { type: 'tick', now: T0 + timings.inviteTimeoutMs }],
    ['the opponent leaves before the start', invited, { type: 'opponent_left', battleId: BATTLE, at: T0 }],
    ['the local side leaves the room', active, { type: 'abandon', battleId: BATTLE }],
  ])('%s → idle, remembering the battle', (_name, from, event) => {
    expect(battleTransition(from, event)).toEqual({ ok: true, state: { phase: 'idle', ended: [BATTLE] } });
  });

  it('ends with opponent_left when the opponent disconnects mid-battle, closing the clock', () => {
    const at = start.activeAt + 10_000;
    const t = battleTransition(active, { type: 'opponent_left', battleId: BATTLE, at });
    expect(t.state).toMatchObject({
      phase: 'result',
      outcome: 'opponent_left',
      endsAt: at,
      until: at + timings.resultMs,
    });
  });

  it('decides on the scores when the opponent leaves while settling', () => {
    const settling = run(
      [
        { type: 'score', battleId: BATTLE, seq: 1, scores: { bob: 5 } },
        { type: 'tick', now: start.endsAt },
      ],
      active,
    );
    const t = battleTransition(settling, { type: 'opponent_left', battleId: BATTLE, at: start.endsAt + 100 });
    expect(t.state).toMatchObject({ phase: 'result', outcome: 'loss', reason: 'time_up' });
  });

  it('ends early during the countdown without opening scoring', () => {
    const at = start.countdownAt + 500;
    const t = battleTransition(countdown, { type: 'end', battleId: BATTLE, by: 'bob', at });
    expect(t.state).toMatchObject({ phase: 'settling', activeAt: at, endsAt: at, settleAt: at + timings.settleMs });
  });
});

describe('battleTransition: refusals leave the state untouched', () => {
  const ended = run([{ type: 'decline', battleId: BATTLE }], inviting);
  test.each<[string, BattleState, BattleEvent, string]>([
    ['an invite to oneself', IDLE_BATTLE, { type: 'invite_sent', ...inviteOf(), invitee: alice }, 'self_invite'],
    ['a second invite while busy', inviting, { type: 'invite_received', ...inviteOf('pk-2') }, 'busy'],
    ['a duplicated invite', invited, { type: 'invite_received', ...inviteOf() }, 'wrong_phase'],
    ['a late duplicate of an ended invite', ended, { type: 'invite_received', ...inviteOf() }, 'already_ended'],
    [
      'a score for an unknown battle',
      active,
      { type: 'score', battleId: 'pk-x', seq: 9, scores: {} },
      'unknown_battle',
    ],
    ['a score for an ended battle', ended, { type: 'score', battleId: BATTLE, seq: 1, scores: {} }, 'already_ended'],
    [
      'a score from outside the battle',
      active,
      { type: 'score', battleId: BATTLE, seq: 1, scores: { eve: 1 } },
      'unknown_host',
    ],
    ['a negative score', active, { type: 'score', battleId: BATTLE, seq: 1, scores: { bob: -1 } }, 'invalid_score'],
    ['a score before the start', accepted, { type: 'score', battleId: BATTLE, seq: 1, scores: {} }, 'wrong_phase'],
    ['a start before the accept', inviting, start, 'wrong_phase'],
    ['a start with times out of order', accepted, { ...start, endsAt: start.activeAt - 1 }, 'invalid_times'],
    ['an early end by a stranger', active, { type: 'end', battleId: BATTLE, by: 'eve', at: 0 }, 'unknown_host'],
    ['a tick before anything is due', active, { type: 'tick', now: start.endsAt - 1 }, 'not_due'],
    ['a tick while idle', IDLE_BATTLE, { type: 'tick', now: 0 }, 'not_due'],
    ['a dismiss before the result', active, { type: 'dismiss', battleId: BATTLE }, 'wrong_phase'],
  ])('%s', (_name, from, event, reason) => {
    expect(battleTransition(from, event)).toEqual({ ok: false, state: from, reason });
  });

  it('applies scores in sequence order, ignoring duplicates and stale updates', () => {
    const scores = (seq: number, bobScore: number): BattleEvent => ({
      type: 'score',
      battleId: BATTLE,
      seq,
      scores: { bob: bobScore },
    });
    const s = run([scores(2, 20), scores(1, 10), scores(2, 99), scores(3, 30)], active);
    expect(s).toMatchObject({ scores: { alice: 0, bob: 30 }, scoreSeq: 3 });
  });
});

describe('the battle clock', () => {
  it('counts down from the authority timestamps, whatever the viewer clock', () => {
    // Bob's clock runs 7 s ahead of the server, Carol's 3 s behind: both read the same remaining time.
    const at = start.activeAt + 20_000;
    const bob = remainingMs(active, serverNow(at + 7_000, -7_000));
    const carol = remainingMs(active, serverNow(at - 3_000, 3_000));
    expect(bob).toBe(40_000);
    expect(carol).toBe(40_000);
  });

  test.each<[string, BattleState, number | undefined]>([
    ['idle', IDLE_BATTLE, undefined],
    ['inviting', inviting, T0 + timings.inviteTimeoutMs],
    ['countdown', countdown, start.activeAt],
    ['active', active, start.endsAt],
  ])('next deadline while %s', (_name, state, due) => {
    expect(nextDeadline(state)).toBe(due);
  });

  it('never reports negative time', () => {
    expect(remainingMs(active, start.endsAt + 1_000)).toBe(0);
    expect(remainingMs(IDLE_BATTLE, 0)).toBe(0);
  });
});

describe('roles', () => {
  it('knows which side sent the invite', () => {
    expect(inviting).toMatchObject({ isInviter: true, self: alice, opponent: bob });
    expect(invited).toMatchObject({ isInviter: false, self: bob, opponent: alice });
  });
});
