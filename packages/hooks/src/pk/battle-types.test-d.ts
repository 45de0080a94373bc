import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { BroadcastBattle, battleSchemas } from './battle-broadcast-messages.js';
import type { BattleTimings, PkHost } from './battle-types.js';
import type { battleTimingsSchema, PkMessageBody, pkBodySchemas, pkHostSchema } from './pk-messages.js';

/** What a table of tagged schemas accepts: each tag under `K`, with the fields its schema gives. */
type Tagged<K extends string, T extends Record<string, z.ZodMiniType>> = {
  [Tag in keyof T & string]: { [_ in K]: Tag } & z.output<T[Tag]>;
}[keyof T & string];

// The battle types are written out for their docs; the wire schemas validate
// the same shapes. These tests fail as soon as the two drift apart.
describe('battle types and wire schemas', () => {
  it('BattleTimings is what battleTimingsSchema gives', () => {
    expectTypeOf<BattleTimings>().toEqualTypeOf<z.output<typeof battleTimingsSchema>>();
  });

  it('PkHost is what pkHostSchema gives', () => {
    expectTypeOf<PkHost>().toEqualTypeOf<z.output<typeof pkHostSchema>>();
  });

  it('the broadcast schemas by phase give a battle state without its memory, and back', () => {
    expectTypeOf<Tagged<'phase', typeof battleSchemas>>().toExtend<BroadcastBattle>();
    // `idle` carries no fields: zod types its empty object as `Record<string, never>`.
    expectTypeOf<Exclude<BroadcastBattle, { phase: 'idle' }>>().toExtend<Tagged<'phase', typeof battleSchemas>>();
  });

  it('the body schemas by type give PkMessageBody, and back', () => {
    expectTypeOf<Tagged<'type', typeof pkBodySchemas>>().toExtend<PkMessageBody>();
    expectTypeOf<PkMessageBody>().toExtend<Tagged<'type', typeof pkBodySchemas>>();
  });
});
