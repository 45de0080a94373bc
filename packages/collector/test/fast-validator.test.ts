import { exampleEvent, safeParseTelemetryEvent, TELEMETRY_EVENT_TYPES } from '@liveroom/metrics/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulateAudience } from '../../../scripts/simulate-audience/audience.ts';
import { fastEventCheck } from '../src/ingest/fast-validator.js';

type Json = Record<string, unknown>;

/** Runs both validators on separate copies: the verdicts must match, and so must what each keeps. */
function expectAgreement(value: unknown): boolean {
  const fastCopy = structuredClone(value) as Json;
  const zod = safeParseTelemetryEvent(structuredClone(value));
  const fast = fastEventCheck()(fastCopy);
  expect(fast, JSON.stringify(zod.success ? value : zod.issues)).toBe(zod.success);
  if (fast && zod.success) expect(fastCopy).toEqual(zod.data);
  return fast;
}

const fixtures: Json[] = [
  ...TELEMETRY_EVENT_TYPES.map((type) => exampleEvent(type) as Json),
  // The simulator fills optional fields (attrs, PK scores, meanHeight…) that the examples leave out.
  ...(simulateAudience({ sessions: 12, seed: 7 }).events as unknown as Json[]),
];

/** Every place in an event a value can sit: `[parent, key]` pairs, nested objects included. */
function slots(root: Json): [Json, string][] {
  const found: [Json, string][] = [];
  const walk = (node: Json) => {
    for (const [key, child] of Object.entries(node)) {
      found.push([node, key]);
      if (typeof child === 'object' && child !== null && !Array.isArray(child)) walk(child as Json);
    }
  };
  walk(root);
  return found;
}

const oddValue = fc.oneof(
  fc.jsonValue(),
  // Astral characters: zod counts code points, so must the compiled check.
  fc.string({ unit: 'binary', maxLength: 140 }),
  fc.string({ unit: fc.constantFrom('a', '1', '-', '@', ' '), minLength: 60, maxLength: 70 }),
  fc.double(),
  fc.constantFrom(-1, -0, 0.5, 2 ** 53, 2 ** 53 - 1, 1e308, Number.POSITIVE_INFINITY, Number.NaN, '', null, []),
  fc.dictionary(fc.string({ maxLength: 40 }), fc.oneof(fc.string({ maxLength: 70 }), fc.integer(), fc.boolean()), {
    maxKeys: 20,
  }),
);

/** A fixture with one value replaced, one key removed, or one unknown key added, at any depth. */
const mutated = fc
  .record({
    fixture: fc.nat(fixtures.length - 1),
    slot: fc.nat(),
    action: fc.constantFrom('replace', 'delete', 'add'),
    key: fc.string({ maxLength: 12 }),
    value: oddValue,
  })
  .map(({ fixture, slot, action, key, value }) => {
    const event = structuredClone(fixtures[fixture]!);
    const all = slots(event);
    const [parent, at] = all[slot % all.length]!;
    if (action === 'replace') parent[at] = value;
    else if (action === 'delete') delete parent[at];
    else parent[key === at ? `${key}_` : key] = value;
    return event;
  });

describe('the compiled event check', () => {
  it('accepts every fixture event and keeps what zod keeps', () => {
    for (const event of fixtures) expect(expectAgreement(event)).toBe(true);
  });

  it('agrees with zod on fuzzed events, verdict and stripped value alike', () => {
    fc.assert(
      fc.property(mutated, (event) => {
        expectAgreement(event);
      }),
      { numRuns: 2_000 },
    );
  }, 120_000);

  it('strips unknown keys at every depth, as zod does', () => {
    const event = structuredClone(exampleEvent('quality_sample')) as Json & { body: Json & { delta: Json } };
    event.extra = 1;
    event.body.extra = 'x';
    event.body.delta.extra = true;
    expect(expectAgreement(event)).toBe(true);
    expect(JSON.stringify(event)).toContain('extra');
    const copy = structuredClone(event);
    fastEventCheck()(copy);
    expect(JSON.stringify(copy)).not.toContain('extra');
  });

  it('hands the checks JSON Schema cannot state to zod: record key counts and finiteness', () => {
    const attrs = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, i]));
    expect(expectAgreement({ ...exampleEvent('stall_start'), attrs })).toBe(false);
    const custom = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, 'v']));
    expect(expectAgreement({ ...exampleEvent('stall_start'), context: { custom } })).toBe(false);
    const sample = exampleEvent('quality_sample');
    expect(expectAgreement({ ...sample, body: { ...sample.body, fps: JSON.parse('1e999') } })).toBe(false);
  });

  it('counts string lengths in code points, as zod does', () => {
    // 128 emoji are 128 code points (the most an id may hold) but 256 UTF-16 units.
    expect(expectAgreement({ ...exampleEvent('session_start'), sessionId: '😀'.repeat(128) })).toBe(true);
    expect(expectAgreement({ ...exampleEvent('session_start'), sessionId: '😀'.repeat(129) })).toBe(false);
  });
});
