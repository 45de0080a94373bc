import { describe, expect, test } from 'vitest';
import { battleReducer } from '../src/pk/battle-reducer.js';
import { battleTelemetry } from '../src/pk/battle-telemetry.js';
import type { BattleEvent, BattleState } from '../src/pk/battle-types.js';
import { BATTLE, inviteOf, run, startOf, timings } from './fixtures/battle.js';

const start = startOf();
const countdown = run([{ type: 'invite_received', ...inviteOf() }, { type: 'accept', battleId: BATTLE }, start]);
const active = run([{ type: 'tick', now: start.activeAt }], countdown);
const scored = run([{ type: 'score', battleId: BATTLE, seq: 1, scores: { alice: 3, bob: 8 } }], active);
const settling = run([{ type: 'tick', now: start.endsAt }], scored);

describe('battleTelemetry', () => {
  test.each<[string, BattleState, BattleEvent, unknown[]]>([
    [
      'pk_start when scoring opens, with the opponent room of a cross-room battle',
      countdown,
      { type: 'tick', now: start.activeAt },
      [{ type: 'pk_start', body: { battleId: BATTLE, durationMs: timings.durationMs, opponentRoomId: 'room-a' } }],
    ],
    [
      'pk_end with the local side first when the result is in',
      settling,
      { type: 'tick', now: start.endsAt + timings.settleMs },
      [
        {
          type: 'pk_end',
          body: { battleId: BATTLE, result: 'win', reason: 'time_up', scores: { local: 8, opponent: 3 } },
        },
      ],
    ],
    [
      'pk_end aborted when the opponent leaves mid-battle',
      scored,
      { type: 'opponent_left', battleId: BATTLE, at: start.activeAt + 1 },
      [
        {
          type: 'pk_end',
          body: { battleId: BATTLE, result: 'aborted', reason: 'opponent_left', scores: { local: 8, opponent: 3 } },
        },
      ],
    ],
    [
      'pk_end aborted when the local side leaves mid-battle',
      active,
      { type: 'abandon', battleId: BATTLE },
      [
        {
          type: 'pk_end',
          body: { battleId: BATTLE, result: 'aborted', reason: 'left', scores: { local: 0, opponent: 0 } },
        },
      ],
    ],
    [
      'nothing when a battle ends before scoring opened',
      countdown,
      { type: 'opponent_left', battleId: BATTLE, at: 0 },
      [],
    ],
    ['nothing for a score update', active, { type: 'score', battleId: BATTLE, seq: 1, scores: { bob: 1 } }, []],
  ])('%s', (_name, from, event, expected) => {
    expect(battleTelemetry(from, battleReducer(from, event))).toEqual(expected);
  });
});
