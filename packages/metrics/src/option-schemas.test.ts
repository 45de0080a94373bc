import { parseInput, valueWhere } from '@liveroom/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isFunction } from './option-schemas.js';

describe('option schemas', () => {
  it("isFunction with core's valueWhere accepts a callback, and says why not otherwise", () => {
    const schema = z.object({ onEvent: valueWhere<() => void>(isFunction, 'must be a function') });
    const listener = () => {};
    expect(parseInput(schema, { onEvent: listener }, 'options').onEvent).toBe(listener);
    expect(() => parseInput(schema, { onEvent: 1 }, 'options')).toThrow(/onEvent: must be a function/);
  });
});
