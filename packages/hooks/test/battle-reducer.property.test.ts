import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { battleReducer, battleTransition, IDLE_BATTLE } from '../src/pk/battle-reducer.js';
import type { BattleEvent, BattleState } from '../src/pk/battle-types.js';
import { activeForAlice, alice, BATTLE, bob, T0, timings } from './fixtures/battle.js';

const battleIds = fc.constantFrom('pk-1', 'pk-2', 'pk-3');
const time = fc.integer({ min: T0 - 5_000, max: T0 + 120_000 });
const hostPair = fc.constantFrom([alice, bob] as const, [bob, alice] as const, [alice, alice] as const);
const scoreMap = fc.dictionary(fc.constantFrom('alice', 'bob', 'eve'), fc.integer({ min: -5, max: 1_000 }), {
  maxKeys: 3,
});

/** Any event, valid or not, for a few battles: duplicates and reorderings come from repetition. */
const anyEvent: fc.Arbitrary<BattleEvent> = fc.oneof(
  fc.record({ battleId: battleIds, pair: hostPair, sentAt: time, sent: fc.boolean() }).map(
    ({ battleId, pair, sentAt, sent }): BattleEvent => ({
      type: sent ? 'invite_sent' : 'invite_received',
      battleId,
      inviter: pair[0],
      invitee: pair[1],
      sentAt,
      timings,
    }),
  ),
  fc
    .record({ type: fc.constantFrom('accept', 'decline', 'cancel', 'dismiss', 'abandon'), battleId: battleIds })
    .map((e) => e as BattleEvent),
  fc.record({ battleId: battleIds, countdownAt: time, countdownMs: fc.integer({ min: -10, max: 5_000 }) }).map(
    ({ battleId, countdownAt, countdownMs }): BattleEvent => ({
      type: 'start',
      battleId,
      countdownAt,
      activeAt: countdownAt + countdownMs,
      endsAt: countdownAt + countdownMs + timings.durationMs,
    }),
  ),
  fc
    .record({ battleId: battleIds, seq: fc.integer({ min: 0, max: 20 }), scores: scoreMap })
    .map((e): BattleEvent => ({ type: 'score', ...e })),
  fc
    .record({ battleId: battleIds, by: fc.constantFrom('alice', 'bob', 'eve'), at: time })
    .map((e): BattleEvent => ({ type: 'end', ...e })),
  fc.record({ battleId: battleIds, at: time }).map((e): BattleEvent => ({ type: 'opponent_left', ...e })),
  time.map((now): BattleEvent => ({ type: 'tick', now })),
);

/**
 * A battle that would run to its end, with noise: random events inserted
 * anywhere, some events duplicated, and neighbours swapped (reordering).
 */
const scenario: fc.Arbitrary<BattleEvent[]> = fc
  .record({
    battleId: battleIds,
    sent: fc.boolean(),
    countdownAt: fc.integer({ min: T0, max: T0 + 5_000 }),
    scores: fc.array(fc.record({ alice: fc.nat(500), bob: fc.nat(500) }), { maxLength: 6 }),
    ending: fc.constantFrom('time', 'end', 'left'),
    noise: fc.array(fc.tuple(fc.nat(), anyEvent), { maxLength: 15 }),
    duplicates: fc.array(fc.nat(), { maxLength: 5 }),
    swaps: fc.array(fc.nat(), { maxLength: 5 }),
  })
  .map(({ battleId, sent, countdownAt, scores, ending, noise, duplicates, swaps }) => {
    const activeAt = countdownAt + timings.countdownMs;
    const endsAt = activeAt + timings.durationMs;
    const events: BattleEvent[] = [
      { type: sent ? 'invite_sent' : 'invite_received', battleId, inviter: alice, invitee: bob, sentAt: T0, timings },
      { type: 'accept', battleId },
      { type: 'start', battleId, countdownAt, activeAt, endsAt },
      { type: 'tick', now: activeAt },
      ...scores.map((s, i): BattleEvent => ({ type: 'score', battleId, seq: i + 1, scores: s })),
      ending === 'end'
        ? { type: 'end', battleId, by: 'bob', at: activeAt + 1_000 }
        : ending === 'left'
          ? { type: 'opponent_left', battleId, at: activeAt + 1_000 }
          : { type: 'tick', now: endsAt },
      { type: 'tick', now: endsAt + timings.settleMs },
      { type: 'tick', now: endsAt + timings.settleMs + timings.resultMs },
    ];
    for (const d of duplicates) events.splice(d % events.length, 0, events[d % events.length]!);
    for (const w of swaps) {
      const i = w % (events.length - 1);
      [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
    }
    for (const [at, event] of noise) events.splice(at % (events.length + 1), 0, event);
    return events;
  });

const eventSequences = fc.oneof(scenario, fc.array(anyEvent, { maxLength: 60 }));

/** Throws when `state` breaks an invariant of the machine. */
function assertValid(state: BattleState): void {
  expect(new Set(state.ended).size).toBe(state.ended.length);
  expect(state.ended.length).toBeLessThanOrEqual(16);
  if (state.phase === 'idle') {
    expect(Object.keys(state).sort()).toEqual(['ended', 'phase']);
    return;
  }
  expect(state.self.userId).not.toBe(state.opponent.userId);
  expect(state.ended).not.toContain(state.battleId);
  if (!('scores' in state)) return;
  expect(state.activeAt).toBeLessThanOrEqual(state.endsAt);
  expect(Number.isInteger(state.scoreSeq) && state.scoreSeq >= 0).toBe(true);
  for (const [host, score] of Object.entries(state.scores)) {
    expect([state.self.userId, state.opponent.userId]).toContain(host);
    expect(Number.isFinite(score) && score >= 0).toBe(true);
  }
  if (state.phase === 'settling') expect(state.settleAt).toBeGreaterThanOrEqual(state.endsAt);
  if (state.phase === 'result') expect(state.outcome === 'opponent_left').toBe(state.reason === 'opponent_left');
}

/** Ticks far into the future until nothing is due; returns the phases passed through. */
function drain(state: BattleState): BattleState[] {
  const seen = [state];
  for (let i = 0; i < 10; i++) {
    const t = battleTransition(seen.at(-1)!, { type: 'tick', now: Number.MAX_SAFE_INTEGER });
    if (!t.ok) break;
    seen.push(t.state);
  }
  return seen;
}

describe('the PK machine under random events', () => {
  it('never reaches an invalid state, and refusals never change the state', () => {
    fc.assert(
      fc.property(eventSequences, (events) => {
        let state: BattleState = IDLE_BATTLE;
        for (const event of events) {
          const t = battleTransition(state, event);
          if (!t.ok) expect(t.state).toBe(state);
          state = t.state;
          assertValid(state);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('leaves the result only for idle, and always reaches idle once time runs on', () => {
    fc.assert(
      fc.property(eventSequences, (events) => {
        let state: BattleState = IDLE_BATTLE;
        for (const event of events) {
          const t = battleTransition(state, event);
          if (state.phase === 'result' && t.state !== state) expect(t.state.phase).toBe('idle');
          state = t.state;
        }
        const path = drain(state);
        expect(path.at(-1)!.phase).toBe('idle');
        const result = path.findIndex((s) => s.phase === 'result');
        if (result >= 0) expect(path[result + 1]?.phase).toBe('idle');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the score sequence monotonic within a battle', () => {
    fc.assert(
      fc.property(eventSequences, (events) => {
        let state: BattleState = IDLE_BATTLE;
        for (const event of events) {
          const next = battleReducer(state, event);
          if ('scores' in state && 'scores' in next && state.battleId === next.battleId) {
            expect(next.scoreSeq).toBeGreaterThanOrEqual(state.scoreSeq);
          }
          state = next;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('ends on the highest-sequence score snapshot, in any order and with duplicates', () => {
    const snapshot = fc.record({ alice: fc.nat(500), bob: fc.nat(500) });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 12 }),
        fc.array(snapshot, { minLength: 12, maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (seqs, snapshots, order) => {
          const updates = seqs.map(
            (seq, i): BattleEvent => ({ type: 'score', battleId: BATTLE, seq, scores: snapshots[i]! }),
          );
          const shuffled = [...updates, ...updates.slice(0, 3)]
            .map((u) => ({ u, k: order.next().value as number }))
            .sort((a, b) => a.k - b.k)
            .map(({ u }) => u);
          const final = shuffled.reduce(battleReducer, activeForAlice());
          const best = seqs.indexOf(Math.max(...seqs));
          expect(final).toMatchObject({ scores: snapshots[best], scoreSeq: seqs[best] });
        },
      ),
      { numRuns: 300 },
    );
  });
});
