import { describe, expectTypeOf, it } from 'vitest';
import type * as z from 'zod/mini';
import type { JoinOptions, joinOptionsSchema, RoomOptions, roomOptionsSchema } from './config.js';

// The option interfaces are written out for their docs; these tests fail as
// soon as a schema accepts something its interface does not say, or the reverse.
describe('option interfaces', () => {
  it('RoomOptions is what roomOptionsSchema accepts', () => {
    expectTypeOf<RoomOptions>().toEqualTypeOf<z.input<typeof roomOptionsSchema>>();
  });

  it('JoinOptions is what joinOptionsSchema accepts', () => {
    expectTypeOf<JoinOptions>().toEqualTypeOf<z.input<typeof joinOptionsSchema>>();
  });
});
