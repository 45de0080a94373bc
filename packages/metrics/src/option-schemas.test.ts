import { parseInput } from '@liveroom/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isFunction, valueWhere, withDefaults } from './option-schemas.js';

describe('option schemas', () => {
  it('valueWhere accepts what its test accepts, and says why not otherwise', () => {
    const schema = z.object({ onEvent: valueWhere<() => void>(isFunction, 'must be a function') });
    const listener = () => {};
    expect(parseInput(schema, { onEvent: listener }, 'options').onEvent).toBe(listener);
    expect(() => parseInput(schema, { onEvent: 1 }, 'options')).toThrow(/onEvent: must be a function/);
  });

  it('withDefaults fills in fields left out or passed as undefined, and keeps the others', () => {
    const merged = withDefaults(
      { gzip: true, maxBatchEvents: 50 },
      { gzip: false, maxBatchEvents: undefined, url: '/x' },
    );
    expect(merged).toEqual({ gzip: false, maxBatchEvents: 50, url: '/x' });
  });
});
