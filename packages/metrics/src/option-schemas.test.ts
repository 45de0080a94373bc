import { parseInput } from '@liveroom/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isFunction, valueWhere } from './option-schemas.js';

describe('option schemas', () => {
  it('valueWhere accepts what its test accepts, and says why not otherwise', () => {
    const schema = z.object({ onEvent: valueWhere<() => void>(isFunction, 'must be a function') });
    const listener = () => {};
    expect(parseInput(schema, { onEvent: listener }, 'options').onEvent).toBe(listener);
    expect(() => parseInput(schema, { onEvent: 1 }, 'options')).toThrow(/onEvent: must be a function/);
  });
});
