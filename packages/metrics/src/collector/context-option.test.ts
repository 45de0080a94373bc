import { describe, expect, it } from 'vitest';
import { telemetryContextSchema } from '../schema/context.js';
import { contextOptionSchema } from './context-option.js';

const custom = (entries: [string, unknown][]) => ({ custom: Object.fromEntries(entries) });

describe('contextOptionSchema (the collector check of context, without z.record and z.union)', () => {
  // Each case: the verdict the telemetry schema gives, which the option check must give too.
  const cases: [string, unknown][] = [
    ['empty', {}],
    ['coarse fields', { trafficSource: 'paid', page: 'live/room', deviceClass: 'mobile', region: 'eu-west' }],
    ['an unknown traffic source', { trafficSource: 'friends' }],
    ['an email as page', { page: 'jane@example.com' }],
    ['a phone number as region', { region: '4915112345678' }],
    ['a 65-character page', { page: 'p'.repeat(65) }],
    [
      'custom tokens, numbers and booleans',
      custom([
        ['campaign', 'spring_25'],
        ['cohort', 3],
        ['vip', false],
      ]),
    ],
    ['8 custom keys', custom([...Array(8)].map((_, i) => [`k${i}`, i]))],
    ['9 custom keys', custom([...Array(9)].map((_, i) => [`k${i}`, i]))],
    ['a custom key that is not an identifier', custom([['9lives', 1]])],
    ['a 33-character custom key', custom([['k'.repeat(33), 1]])],
    ['free text as a custom value', custom([['note', 'hello world']])],
    ['an infinite custom number', custom([['score', Number.POSITIVE_INFINITY]])],
    ['an object as a custom value', custom([['nested', { a: 1 }]])],
    [
      'an email under a custom key named like an Object.prototype member',
      custom([['constructor', 'jane@example.com']]),
    ],
    ['an object under a custom key named like an Object.prototype member', custom([['valueOf', { a: 1 }]])],
    ['custom as an array', { custom: ['a'] }],
    ['custom as a string', { custom: 'a' }],
  ];

  it.each(cases)('agrees with the telemetry schema on %s', (_name, context) => {
    expect(contextOptionSchema.safeParse(context).success).toBe(telemetryContextSchema.safeParse(context).success);
  });

  it('names the offending custom key and what it must be', () => {
    const result = contextOptionSchema.safeParse(custom([['note', 'hello world']]));
    expect(result.error?.issues[0]?.path).toEqual(['custom', 'note']);
    expect(result.error?.issues[0]?.message).toMatch(/finite number, a boolean or a coarse category/);
  });

  it('rejects keys the context does not have (the collector option is strict)', () => {
    expect(contextOptionSchema.safeParse({ userEmail: 'x' }).success).toBe(false);
    expect(contextOptionSchema.safeParse({ toString: 'x' }).success).toBe(false);
  });

  it('reports every problem at once: a bad custom value hides neither a bad custom key nor an unknown context key', () => {
    const result = contextOptionSchema.safeParse({ userEmail: 'x', custom: { '9lives': 1, note: 'hello world' } });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['', 'custom', 'custom.note']);
  });
});
