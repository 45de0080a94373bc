import { describe, expect, it } from 'vitest';
import { battleBroadcastSchema, fromBroadcast, toBroadcast } from '../src/pk/battle-broadcast-messages.js';
import { IDLE_BATTLE } from '../src/pk/battle-reducer.js';
import { type BattleState, DEFAULT_BATTLE_TIMINGS } from '../src/pk/battle-types.js';
import { type PkMessageBody, parsePkMessage, pkMessageSchema } from '../src/pk/pk-messages.js';

const alice = { userId: 'alice', roomId: 'shop' };
const bob = { userId: 'bob', roomId: 'shop' };
const message = (body: unknown) => ({ kind: 'liveroom.pk', v: 1, from: alice, to: bob, body });

describe('PK messages', () => {
  it.each<PkMessageBody>([
    { type: 'invite', battleId: 'b1', sentAt: 1_000, timings: DEFAULT_BATTLE_TIMINGS },
    { type: 'accept', battleId: 'b1' },
    { type: 'decline', battleId: 'b1' },
    { type: 'cancel', battleId: 'b1' },
    { type: 'start', battleId: 'b1', countdownAt: 1, activeAt: 2, endsAt: 3 },
    { type: 'score', battleId: 'b1', seq: 1, scores: { alice: 3 } },
    { type: 'end', battleId: 'b1', at: 5 },
    { type: 'leave', battleId: 'b1', at: 5 },
  ])('parses a $type body unchanged', (body) => {
    expect(parsePkMessage(message(body))).toEqual(message(body));
  });

  it('drops fields the protocol does not know, in the envelope and the body', () => {
    const parsed = parsePkMessage({ ...message({ type: 'accept', battleId: 'b1', extra: 1 }), note: 'x' });
    expect(parsed).toEqual(message({ type: 'accept', battleId: 'b1' }));
  });

  it.each<[string, unknown, string]>([
    ['an unknown type', { type: 'surrender', battleId: 'b1' }, 'body.type'],
    ['a start without its times', { type: 'start', battleId: 'b1' }, 'body.countdownAt'],
    ['an end at no time', { type: 'end', battleId: 'b1' }, 'body.at'],
    ['a fractional score sequence', { type: 'score', battleId: 'b1', seq: 1.5, scores: {} }, 'body.seq'],
    ['a negative score', { type: 'score', battleId: 'b1', seq: 1, scores: { alice: -1 } }, 'body.scores'],
    [
      'a score sequence past the safe integers',
      { type: 'score', battleId: 'b1', seq: 2 ** 53, scores: {} },
      'body.seq',
    ],
    [
      'a fractional duration',
      { type: 'invite', battleId: 'b1', sentAt: 1, timings: { ...DEFAULT_BATTLE_TIMINGS, durationMs: 1.5 } },
      'body.timings.durationMs',
    ],
  ])('refuses %s with an issue naming the field, at %s', (_name, body, path) => {
    expect(parsePkMessage(message(body))).toBeUndefined();
    const result = pkMessageSchema.safeParse(message(body));
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});

describe('battle broadcasts', () => {
  const engaged = {
    ended: ['old'],
    battleId: 'b1',
    self: alice,
    opponent: bob,
    isInviter: true,
    timings: DEFAULT_BATTLE_TIMINGS,
    invitedAt: 1_000,
  };
  const running = { ...engaged, activeAt: 4_000, endsAt: 304_000, scores: { alice: 2, bob: 1 }, scoreSeq: 3 };

  it.each<BattleState>([
    IDLE_BATTLE,
    { ...engaged, phase: 'invited' },
    { ...running, phase: 'active' },
    { ...running, phase: 'settling', reason: 'time_up', settleAt: 306_000 },
    { ...running, phase: 'result', outcome: 'win', reason: 'ended_early', until: 314_000 },
  ])('carries a $phase battle to viewers, without the memory of ended battles', (state) => {
    const received = fromBroadcast(JSON.stringify(toBroadcast(state, 7)));
    expect(received).toEqual({ seq: 7, battle: { ...state, ended: [] } });
  });

  it('refuses a battle that lacks the fields of its phase, and drops unknown fields', () => {
    const active = toBroadcast({ ...running, phase: 'active' }, 1);
    const { scores: _scores, ...withoutScores } = active.battle as typeof active.battle & { scores: unknown };
    expect(fromBroadcast(JSON.stringify({ ...active, battle: withoutScores }))).toBeUndefined();
    expect(battleBroadcastSchema.safeParse({ ...active, battle: { phase: 'paused' } }).success).toBe(false);
    expect(fromBroadcast(JSON.stringify({ ...active, seq: 2 ** 53 }))).toBeUndefined();
    const extra = fromBroadcast(JSON.stringify({ ...active, battle: { ...active.battle, secret: 1 } }));
    expect(extra?.battle).not.toHaveProperty('secret');
  });
});
