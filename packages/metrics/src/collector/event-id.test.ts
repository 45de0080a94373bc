import { describe, expect, it } from 'vitest';
import { eventIdSchema } from '../schema/index.js';
import { createEventIdFactory } from './event-id.js';

describe('createEventIdFactory', () => {
  it('makes valid ULIDs that sort in emission order, within one ms and across a clock step back', () => {
    let now = 1_764_000_000_000;
    let seed = 0.5;
    const next = createEventIdFactory(
      () => now,
      () => {
        seed = (seed * 9301 + 0.49297) % 1;
        return seed;
      },
    );
    const ids = [next(), next(), next()];
    now -= 5_000;
    ids.push(next());
    now += 10_000;
    ids.push(next());
    for (const id of ids) expect(eventIdSchema.safeParse(id).success).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts the time first', () => {
    const a = createEventIdFactory(
      () => 1_000,
      () => 0.99,
    )();
    const b = createEventIdFactory(
      () => 1_001,
      () => 0,
    )();
    expect(a < b).toBe(true);
  });
});
