import { describe, expect, it } from 'vitest';
import {
  ACCEPTED_SCHEMA_VERSIONS,
  exampleEvent,
  parseTelemetryEvent,
  SCHEMA_VERSION,
  safeParseTelemetryEvent,
  TELEMETRY_EVENT_TYPES,
  TelemetryParseError,
} from './index.js';

describe('telemetry event schemas', () => {
  it.each(TELEMETRY_EVENT_TYPES)('accepts the example %s event', (type) => {
    const event = exampleEvent(type);
    expect(parseTelemetryEvent(event)).toEqual(event);
  });

  it('accepts the current version and lists it as accepted', () => {
    expect(ACCEPTED_SCHEMA_VERSIONS).toContain(SCHEMA_VERSION);
    expect(safeParseTelemetryEvent(exampleEvent('session_start', { version: 99 as 1 })).success).toBe(false);
  });

  it('strips fields it does not know, so an older collector accepts a newer minor release', () => {
    const event = { ...exampleEvent('stall_end'), futureField: 1 };
    const body = { ...event.body, futureBodyField: 'x' };
    const parsed = parseTelemetryEvent({ ...event, body });
    expect(parsed).not.toHaveProperty('futureField');
    expect(parsed.body).not.toHaveProperty('futureBodyField');
  });

  it('rejects a body that does not match its type, naming the path', () => {
    const result = safeParseTelemetryEvent({ ...exampleEvent('stall_end'), body: { source: 'rvfc' } });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.map((i) => i.path)).toContain('body.durationMs');
  });

  it('rejects unknown event types and malformed ids', () => {
    expect(safeParseTelemetryEvent({ ...exampleEvent('error'), type: 'nope' }).success).toBe(false);
    expect(safeParseTelemetryEvent(exampleEvent('error', { eventId: 'not-a-ulid' })).success).toBe(false);
    expect(safeParseTelemetryEvent(exampleEvent('error', { seq: -1 })).success).toBe(false);
  });

  it('throws a TelemetryParseError listing every issue', () => {
    expect(() => parseTelemetryEvent({})).toThrow(TelemetryParseError);
    const error = (() => {
      try {
        parseTelemetryEvent({ ...exampleEvent('first_frame'), sessionId: '' });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(TelemetryParseError);
    expect((error as TelemetryParseError).issues.map((i) => i.path)).toEqual(['sessionId']);
  });

  it('carries a positive dropped count only', () => {
    expect(safeParseTelemetryEvent(exampleEvent('quality_sample', { dropped: 3 })).success).toBe(true);
    expect(safeParseTelemetryEvent(exampleEvent('quality_sample', { dropped: 0 })).success).toBe(false);
  });
});

describe('context (decision 14)', () => {
  const withContext = (context: unknown) => safeParseTelemetryEvent({ ...exampleEvent('session_start'), context });

  it('accepts coarse categories and pseudonymous ids', () => {
    expect(withContext({ trafficSource: 'private_domain', custom: { campaign: 'c_2026_11', ab: true } }).success).toBe(
      true,
    );
  });

  it.each([
    ['an email', { page: 'jane@example.com' }],
    ['a phone number', { region: '13812345678' }],
    ['free text', { page: 'the user said she likes red shoes' }],
    ['a string over 64 chars', { page: 'p'.repeat(65) }],
    ['an unknown traffic source', { trafficSource: 'tv_ad' }],
    ['too many custom keys', { custom: Object.fromEntries([...Array(9)].map((_, i) => [`k${i}`, i])) }],
    ['a non-identifier custom key', { custom: { 'bad key': 1 } }],
  ])('rejects %s', (_, context) => {
    expect(withContext(context).success).toBe(false);
  });
});
