import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { BattleBroadcast } from './battle-broadcast-messages.js';
import type { BattleState, BattleTimings, PkHost } from './battle-types.js';
import type { battleTimingsSchema, pkHostSchema } from './pk-messages.js';

/** `Omit` over each member of a union. */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

// The battle types are written out for their docs; the wire schemas validate
// the same shapes. These tests fail as soon as the two drift apart.
describe('battle types and wire schemas', () => {
  it('BattleTimings is what battleTimingsSchema gives', () => {
    expectTypeOf<BattleTimings>().toEqualTypeOf<z.output<typeof battleTimingsSchema>>();
  });

  it('PkHost is what pkHostSchema gives', () => {
    expectTypeOf<PkHost>().toEqualTypeOf<z.output<typeof pkHostSchema>>();
  });

  it('a broadcast carries a battle state without its memory, and back', () => {
    expectTypeOf<OmitEach<BattleState, 'ended'>>().toExtend<BattleBroadcast['battle']>();
    expectTypeOf<BattleBroadcast['battle']>().toExtend<OmitEach<BattleState, 'ended'>>();
  });
});
