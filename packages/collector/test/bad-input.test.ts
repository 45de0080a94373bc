import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningCollector, startCollector } from '../src/collector.js';
import { freshEvent, post, WRITE_KEY } from './fixtures.js';

// HTTP, DuckDB and (for the report) Vega on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let collector: RunningCollector;

beforeAll(async () => {
  collector = await startCollector({
    port: 0,
    dbPath: ':memory:',
    writeKey: WRITE_KEY,
    maxBodyBytes: 64 * 1024,
    maxInflatedBytes: 256 * 1024,
    maxEventsPerRequest: 50,
    maxFutureSkewMs: 60_000,
    maxEventBytes: 2_000,
  });
});
afterAll(() => collector.close());

async function stillServing() {
  const { json } = await post(collector.url, JSON.stringify([freshEvent()]));
  expect(json.accepted).toBe(1);
}

describe('requests refused as a whole (4xx with a JSON error)', () => {
  it.each([
    ['no write key', {}, 401, 'unauthorized'],
    ['a wrong write key', { authorization: 'Bearer not-the-key-at-all' }, 403, 'forbidden'],
    ['a wrong key header', { 'x-liveroom-write-key': 'nope-nope-nope' }, 403, 'forbidden'],
  ])('%s', async (_name, headers, status, error) => {
    const response = await fetch(`${collector.url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify([freshEvent()]),
    });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error });
    await stillServing();
  });

  it('accepts the key as a query parameter, for sendBeacon', async () => {
    const response = await fetch(`${collector.url}/v1/events?key=${WRITE_KEY}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify([freshEvent()]),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ accepted: 1 });
  });

  it.each([
    ['malformed JSON', '[{"eventId": ', 400, 'invalid_json'],
    ['JSON that is not a batch', '{"hello": 1}', 400, 'invalid_batch'],
    ['a bare number', '42', 400, 'invalid_batch'],
  ])('%s', async (_name, body, status, error) => {
    const { status: got, json } = await post(collector.url, body);
    expect(got).toBe(status);
    expect(json).toMatchObject({ error });
    await stillServing();
  });

  it('an unsupported media type', async () => {
    const { status, json } = await post(collector.url, '<xml/>', { 'content-type': 'application/xml' });
    expect(status).toBe(415);
    expect(json.error).toBe('unsupported_media_type');
  });

  it('a body over the limit', async () => {
    const body = JSON.stringify(Array.from({ length: 40 }, () => ({ ...freshEvent(), pad: 'x'.repeat(2_000) })));
    const { status, json } = await post(collector.url, body);
    expect(status).toBe(413);
    expect(json.error).toBe('payload_too_large');
    await stillServing();
  });

  it('a gzip bomb that inflates past the limit', async () => {
    const bomb = gzipSync(`[${' '.repeat(2 * 1024 * 1024)}]`);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const { status, json } = await post(collector.url, bomb, { 'content-encoding': 'gzip' });
    expect(status).toBe(413);
    expect(json.error).toBe('payload_too_large');
    await stillServing();
  });

  it('a body that claims gzip but is not', async () => {
    const { status, json } = await post(collector.url, 'plain text', { 'content-encoding': 'gzip' });
    expect(status).toBe(400);
    expect(json.error).toBe('invalid_gzip');
  });

  it('more events than a request may carry', async () => {
    const { status, json } = await post(collector.url, JSON.stringify(Array.from({ length: 51 }, () => freshEvent())));
    expect(status).toBe(413);
    expect(json.error).toBe('too_many_events');
  });

  it('unknown routes and methods', async () => {
    expect((await fetch(`${collector.url}/nope`)).status).toBe(404);
    const get = await fetch(`${collector.url}/v1/events`);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ error: 'method_not_allowed' });
  });
});

describe('events rejected one by one (200 with per-event results)', () => {
  it('stores the valid events of a batch and says why each other one was rejected', async () => {
    const valid = [freshEvent('session_start', 'mix', 0), freshEvent('first_frame', 'mix', 1)];
    const noEnvelope = { type: 'quality_sample' };
    const unknownType = { ...freshEvent(), type: 'page_view' };
    const future = { ...freshEvent(), ts: Date.now() + 3_600_000 };
    const oversized = {
      ...freshEvent('error'),
      body: { code: 'X', message: 'm'.repeat(10_000), origin: 'room', fatal: false },
    };
    const personalData = { ...freshEvent(), context: { page: 'jane.doe@example.com' } };
    const oldVersion = { ...freshEvent(), version: 0 };
    const badBody = { ...freshEvent('stall_end'), body: { source: 'rvfc', durationMs: -5 } };
    const batch = [
      valid[0],
      noEnvelope,
      unknownType,
      'a string',
      future,
      oversized,
      personalData,
      oldVersion,
      badBody,
      valid[1],
    ];
    const { status, json } = await post(collector.url, JSON.stringify(batch));
    expect(status).toBe(200);
    expect(json).toMatchObject({ accepted: 2, duplicate: 0, rejected: 8 });
    const results = json.results as { index: number; status: string; reason?: string; issues?: { path: string }[] }[];
    expect(results.map((r) => r.reason ?? r.status)).toEqual([
      'accepted',
      'invalid_event',
      'unknown_type',
      'not_an_object',
      'ts_in_future',
      'invalid_event',
      'invalid_event',
      'unsupported_version',
      'invalid_event',
      'accepted',
    ]);
    expect(results[5]!.issues?.map((i) => i.path)).toContain('body.message');
    expect(results[6]!.issues?.map((i) => i.path)).toContain('context.page');
    expect(results[8]!.issues?.map((i) => i.path)).toContain('body.durationMs');
    // The accepted ones really are stored: resending them gives duplicates.
    const again = await post(collector.url, JSON.stringify(valid));
    expect(again.json).toMatchObject({ accepted: 0, duplicate: 2 });
  });

  it('rejects an event whose stored JSON is over the per-event limit', async () => {
    const token = (i: number) => `v${i}_${'x'.repeat(60)}`;
    const attrs = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, token(i)]));
    const custom = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`c${i}`, token(i)]));
    const big = { ...freshEvent(), attrs, context: { trafficSource: 'paid', custom } };
    const { json } = await post(collector.url, JSON.stringify([big, freshEvent()]));
    expect(json).toMatchObject({ accepted: 1, rejected: 1 });
    expect((json.results as { reason?: string }[])[0]!.reason).toBe('event_too_large');
  });

  it('rejects an NDJSON line that is not JSON and stores the others', async () => {
    const [a, b] = [freshEvent(), freshEvent()];
    const body = `${JSON.stringify(a)}\n{"broken": \n${JSON.stringify(b)}\n`;
    const { json } = await post(collector.url, body, { 'content-type': 'application/x-ndjson' });
    expect(json).toMatchObject({ accepted: 2, rejected: 1 });
    expect((json.results as { reason?: string }[])[1]!.reason).toBe('invalid_json');
  });

  it('accepts a ts within the allowed skew', async () => {
    const { json } = await post(collector.url, JSON.stringify([{ ...freshEvent(), ts: Date.now() + 30_000 }]));
    expect(json.accepted).toBe(1);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the burst, then keeps serving others', async () => {
    const limited = await startCollector({
      port: 0,
      dbPath: ':memory:',
      writeKey: WRITE_KEY,
      rateLimit: { perSecond: 0.5, burst: 3 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await post(limited.url, JSON.stringify([freshEvent()]))).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const response = await fetch(`${limited.url}/v1/events`, { method: 'POST', body: '[]' });
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await response.json()).toMatchObject({ error: 'rate_limited' });
      expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
