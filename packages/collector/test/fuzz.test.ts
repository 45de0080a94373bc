/**
 * Fuzz: random bodies, random JSON, and valid events with one field replaced
 * by a random value. The collector must answer every one with 200 and one
 * result per event, or a 4xx JSON error; never a 5xx or a dropped
 * connection; and it must store exactly the events it said it accepted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningCollector, startCollector } from '../src/collector.js';
import { EventStore } from '../src/storage/event-store.js';
import { freshEvent, WRITE_KEY } from './fixtures.js';

// HTTP, DuckDB and (for the report) Vega on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const dbPath = join(mkdtempSync(join(tmpdir(), 'collector-fuzz-')), 'events.duckdb');
let collector: RunningCollector;
beforeAll(async () => {
  collector = await startCollector({
    port: 0,
    dbPath,
    writeKey: WRITE_KEY,
    maxBodyBytes: 32 * 1024,
    rateLimit: { perSecond: 1e6, burst: 1e6 },
  });
});
afterAll(() => collector.close());

const ENVELOPE_KEYS = ['schema', 'version', 'eventId', 'type', 'ts', 'seq', 'sessionId', 'context', 'attrs', 'body'];

const mutatedEvent = fc
  .record({
    key: fc.constantFrom(...ENVELOPE_KEYS),
    value: fc.oneof(fc.jsonValue(), fc.string({ maxLength: 300 }), fc.integer(), fc.constant(undefined)),
    keep: fc.boolean(),
  })
  .map(({ key, value, keep }) => (keep ? freshEvent() : { ...freshEvent(), [key]: value }));

const body = fc.oneof(
  fc.string({ maxLength: 2_000 }),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.array(mutatedEvent, { maxLength: 20 }).map((events) => JSON.stringify(events)),
  fc.array(mutatedEvent, { maxLength: 20 }).map((events) => events.map((e) => JSON.stringify(e)).join('\n')),
);

const request = fc.record({
  body,
  contentType: fc.constantFrom('application/json', 'application/x-ndjson', 'text/plain', 'image/png', undefined),
  gzip: fc.boolean(),
});

describe('fuzz', () => {
  it('answers every random body with per-event results or a 4xx JSON error', async () => {
    let acceptedTotal = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ body: text, contentType, gzip }) => {
        const headers: Record<string, string> = { authorization: `Bearer ${WRITE_KEY}` };
        if (contentType) headers['content-type'] = contentType;
        if (gzip) headers['content-encoding'] = 'gzip';
        const response = await fetch(`${collector.url}/v1/events`, {
          method: 'POST',
          headers,
          body: gzip ? gzipSync(text) : text,
        });
        const json = (await response.json()) as Record<string, unknown>;
        if (response.status === 200) {
          const results = json.results as { status: string }[];
          expect(json.accepted as number).toBe(results.filter((r) => r.status === 'accepted').length);
          expect((json.accepted as number) + (json.duplicate as number) + (json.rejected as number)).toBe(
            results.length,
          );
          acceptedTotal += json.accepted as number;
        } else {
          expect(response.status).toBeGreaterThanOrEqual(400);
          expect(response.status).toBeLessThan(500);
          expect(typeof json.error).toBe('string');
        }
      }),
      { numRuns: 150, seed: 20_261_125 },
    );
    expect(acceptedTotal).toBeGreaterThan(0);
    expect((await fetch(`${collector.url}/healthz`)).status).toBe(200);
    await collector.close();
    const store = await EventStore.open(dbPath, { readOnly: true });
    const [row] = await store.query('SELECT count(*) AS n FROM events');
    await store.close();
    expect(Number(row!.n)).toBe(acceptedTotal);
  }, 120_000);
});
