import { parseInput, valueWhere } from '@liveroom/core';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isFunction, objectWith } from './option-schemas.js';

describe('option schemas', () => {
  it("isFunction with core's valueWhere accepts a callback, and says why not otherwise", () => {
    const schema = z.object({ onEvent: valueWhere<() => void>(isFunction, 'must be a function') });
    const listener = () => {};
    expect(parseInput(schema, { onEvent: listener }, 'options').onEvent).toBe(listener);
    expect(() => parseInput(schema, { onEvent: 1 }, 'options')).toThrow(/onEvent: must be a function/);
  });

  it('objectWith refuses keys the shape does not have, as z.strictObject does, naming each', () => {
    const schema = objectWith({ tickMs: z.optional(z.number()) });
    expect(parseInput(schema, { tickMs: 5 }, 'options')).toEqual({ tickMs: 5 });
    expect(() => parseInput(schema, { tickMs: 5, tikMs: 1, b: 2 }, 'options')).toThrow(
      /has unknown key "tikMs"\n.*has unknown key "b"/,
    );
    expect(() => parseInput(schema, { tickMs: 'x' }, 'options')).toThrow(/tickMs: must be number/);
  });

  it('objectWith checks the values of other keys, as z.catchall does, under their own key', () => {
    const schema = z.object({ headers: objectWith({}, (value) => typeof value === 'string', 'must be a string') });
    expect(parseInput(schema, { headers: { 'x-a': 'b' } }, 'options')).toEqual({ headers: { 'x-a': 'b' } });
    expect(() => parseInput(schema, { headers: { 'x-a': 'b', 'x-c': 1 } }, 'options')).toThrow(
      /headers\.x-c: must be a string/,
    );
    expect(() => parseInput(schema, { headers: 'x' }, 'options')).toThrow(/headers: must be object/);
  });

  it('objectWith takes keys named like Object.prototype members for what they are: other keys', () => {
    const strict = objectWith({ tickMs: z.optional(z.number()) });
    expect(() => parseInput(strict, { toString: 1, constructor: 2 }, 'options')).toThrow(
      /has unknown key "toString"\n.*has unknown key "constructor"/,
    );
    const headers = objectWith({}, (value) => typeof value === 'string', 'must be a string');
    expect(() => parseInput(headers, { valueOf: 1 }, 'headers')).toThrow(/valueOf: must be a string/);
  });

  it('objectWith issues leave the checks after it, and those of the object around it, to report theirs too', () => {
    const inner = objectWith({}, (value) => typeof value === 'string', 'must be a string').check(
      z.refine((value) => Object.keys(value).length <= 1, 'at most one key'),
    );
    const schema = objectWith({ headers: inner });
    const issues = schema.safeParse({ headers: { a: 1, b: 'x' }, extra: 1 }).error?.issues ?? [];
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual(['', 'headers', 'headers.a']);
  });
});
