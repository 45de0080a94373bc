import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { LiveroomError } from './errors.js';
import { parseInput, toValidationIssues, valueWhere, wholeNumber, withDefaults } from './validation.js';

const schema = z.object({
  name: z.string().check(z.minLength(2), z.maxLength(4)),
  count: z.number().check(z.gte(1), z.lte(3)),
  kind: z.enum(['a', 'b']),
  nested: z.optional(z.strictObject({ flag: z.boolean() })),
});

function issuesOf(value: unknown) {
  try {
    parseInput(schema, value, 'test options');
  } catch (error) {
    expect(error).toBeInstanceOf(LiveroomError);
    return (error as LiveroomError).issues;
  }
  throw new Error('expected a validation error');
}

describe('parseInput', () => {
  it('returns the parsed value when valid', () => {
    expect(parseInput(schema, { name: 'ab', count: 2, kind: 'a' }, 'x')).toEqual({ name: 'ab', count: 2, kind: 'a' });
  });

  it.each([
    [{ name: 'a', count: 2, kind: 'a' }, 'name', 'must be at least 2 characters long'],
    [{ name: 'abcde', count: 2, kind: 'a' }, 'name', 'must be at most 4 characters long'],
    [{ name: 'ab', count: 0, kind: 'a' }, 'count', 'must be at least 1'],
    [{ name: 'ab', count: 9, kind: 'a' }, 'count', 'must be at most 3'],
    [{ name: 'ab', count: '2', kind: 'a' }, 'count', 'must be number'],
    [{ name: 'ab', count: 2, kind: 'c' }, 'kind', 'must be one of "a", "b"'],
    [{ name: 'ab', count: 2, kind: 'a', nested: { flag: true, extra: 1 } }, 'nested', 'has unknown key "extra"'],
  ])('describes %j at %s', (value, path, message) => {
    expect(issuesOf(value)).toEqual([{ path, message }]);
  });

  it('says "above" and "below" for exclusive bounds', () => {
    const bounded = z.object({ ratio: z.number().check(z.gt(0), z.lt(1)) });
    expect(toValidationIssues(bounded.safeParse({ ratio: 0 }).error?.issues ?? [])).toEqual([
      { path: 'ratio', message: 'must be above 0' },
    ]);
    expect(toValidationIssues(bounded.safeParse({ ratio: 1 }).error?.issues ?? [])).toEqual([
      { path: 'ratio', message: 'must be below 1' },
    ]);
  });

  it('lists every offending field in the message, with the argument name and a fix', () => {
    try {
      parseInput(schema, { name: '', count: 0, kind: 'z' }, 'join() options');
    } catch (error) {
      const e = error as LiveroomError;
      expect(e.code).toBe('INVALID_CONFIG');
      expect(e.message).toMatch(/^Invalid join\(\) options:/);
      expect(e.message).toContain('- name:');
      expect(e.message).toContain('- count:');
      expect(e.message).toContain('- kind:');
      expect(e.message).toContain('Fix these fields');
      return;
    }
    throw new Error('expected a validation error');
  });

  it('keeps a custom message from the schema', () => {
    const custom = z.string().check(z.minLength(1, 'roomId must not be empty'));
    expect(() => parseInput(custom, '', 'roomId')).toThrow('roomId must not be empty');
  });
});

describe('wholeNumber', () => {
  it('rejects fractions and values out of range, naming the field', () => {
    const schema = wholeNumber(1, 10, 'tickMs');
    expect(schema.safeParse(5).success).toBe(true);
    expect(() => parseInput(schema, 2.5, 'options')).toThrow(/tickMs must be a whole number/);
    expect(() => parseInput(schema, 0, 'options')).toThrow(/tickMs must be at least 1/);
    expect(() => parseInput(schema, 11, 'options')).toThrow(/tickMs must be at most 10/);
    expect(() => parseInput(schema, '5', 'options')).toThrow(/must be number/);
  });

  it('without a name or maximum, leaves the field to the issue path and accepts any safe whole number from min', () => {
    const schema = z.object({ seq: wholeNumber(1) });
    const seqIssues = (value: unknown) => toValidationIssues(schema.safeParse(value).error?.issues ?? []);
    expect(schema.safeParse({ seq: 2 ** 40 }).success).toBe(true);
    expect(schema.safeParse({ seq: Number.MAX_SAFE_INTEGER }).success).toBe(true);
    // As z.int() had it: past 2^53 whole numbers are no longer exact (n + 1 === n), so a sequence stops counting.
    expect(seqIssues({ seq: 2 ** 53 })).toEqual([{ path: 'seq', message: 'must be at most 9007199254740991' }]);
    expect(seqIssues({ seq: 1.5 })).toEqual([{ path: 'seq', message: 'must be a whole number' }]);
    expect(seqIssues({ seq: 0 })).toEqual([{ path: 'seq', message: 'must be at least 1' }]);
  });
});

describe('withDefaults', () => {
  it('fills in fields left out or passed as undefined, and keeps the others', () => {
    const merged = withDefaults(
      { gzip: true, maxBatchEvents: 50 },
      { gzip: false, maxBatchEvents: undefined, url: '/x' },
    );
    expect(merged).toEqual({ gzip: false, maxBatchEvents: 50, url: '/x' });
  });
});

describe('valueWhere', () => {
  it('passes what its test accepts through unchanged, and refuses the rest with its message', () => {
    const even = valueWhere<number>((value) => typeof value === 'number' && value % 2 === 0, 'must be an even number');
    const schema = z.object({ count: even });
    expect(parseInput(schema, { count: 4 }, 'options').count).toBe(4);
    expect(toValidationIssues(schema.safeParse({ count: 3 }).error?.issues ?? [])).toEqual([
      { path: 'count', message: 'must be an even number' },
    ]);
  });
});
