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

  it('counts up within one ms with a carry, and past the last random value moves on to the next ms', () => {
    const top = 1 - 2 ** -53;
    const randoms = [0.5, top, top, top];
    const next = createEventIdFactory(
      () => 5_000,
      () => randoms.shift() ?? 0,
    );
    const first = next();
    expect(first.slice(10)).toBe('G0000000ZZZZZZZZ');
    expect(next().slice(10)).toBe('G000000100000000');
    const last = createEventIdFactory(
      () => 5_000,
      () => randoms.shift() ?? 0,
    );
    const [a, b] = [last(), last()];
    expect(a).toBe(`${first.slice(0, 10)}${'Z'.repeat(16)}`);
    expect(b.slice(10)).toBe('0'.repeat(16));
    expect(a < b).toBe(true);
  });
});
