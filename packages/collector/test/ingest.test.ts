import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningCollector, startCollector } from '../src/collector.js';
import { EventStore } from '../src/storage/event-store.js';
import { freshEvent, post, storedIds, WRITE_KEY } from './fixtures.js';

// HTTP, DuckDB and (for the report) Vega on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let collector: RunningCollector;
let dbPath: string;

beforeEach(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'collector-')), 'events.duckdb');
  collector = await startCollector({ port: 0, dbPath, writeKey: WRITE_KEY });
});
afterEach(() => collector.close());

describe('POST /v1/events', () => {
  it('stores a JSON array and answers one result per event', async () => {
    const events = [freshEvent('session_start', 's1', 0), freshEvent('first_frame', 's1', 1)];
    const { status, json } = await post(collector.url, JSON.stringify(events));
    expect(status).toBe(200);
    expect(json).toMatchObject({ accepted: 2, duplicate: 0, rejected: 0 });
    expect(json.results).toEqual([
      { index: 0, eventId: events[0]!.eventId, status: 'accepted' },
      { index: 1, eventId: events[1]!.eventId, status: 'accepted' },
    ]);
    expect(await storedIds(collector, dbPath)).toEqual(events.map((e) => e.eventId).sort());
  });

  it('accepts { events: [...] }, NDJSON and gzip', async () => {
    const [a, b, c] = [freshEvent(), freshEvent(), freshEvent()];
    expect((await post(collector.url, JSON.stringify({ events: [a] }))).json.accepted).toBe(1);
    const ndjson = `${JSON.stringify(b)}\n${JSON.stringify(c)}\n`;
    const gz = await post(collector.url, gzipSync(ndjson), {
      'content-type': 'application/x-ndjson',
      'content-encoding': 'gzip',
    });
    expect(gz.json).toMatchObject({ accepted: 2, rejected: 0 });
    expect(await storedIds(collector, dbPath)).toHaveLength(3);
  });

  it('answers a resent batch with duplicates and stores each event once', async () => {
    const event = freshEvent();
    await post(collector.url, JSON.stringify([event]));
    const again = await post(collector.url, JSON.stringify([event, event]));
    expect(again.json).toMatchObject({ accepted: 0, duplicate: 2 });
    expect(await storedIds(collector, dbPath)).toEqual([event.eventId]);
  });

  it('marks the second copy of an id within one batch as a duplicate', async () => {
    const event = freshEvent();
    const { json } = await post(collector.url, JSON.stringify([event, event]));
    expect(json.results).toEqual([
      { index: 0, eventId: event.eventId, status: 'accepted' },
      { index: 1, eventId: event.eventId, status: 'duplicate' },
    ]);
  });

  it('keeps the client ts and adds receivedAt', async () => {
    const event = { ...freshEvent(), ts: Date.now() - 60_000 };
    const before = Date.now();
    await post(collector.url, JSON.stringify([event]));
    await collector.close();
    const store = await EventStore.open(dbPath, { readOnly: true });
    const [row] = await store.query('SELECT ts, received_at FROM events');
    await store.close();
    expect(Number(row!.ts)).toBe(event.ts);
    expect(Number(row!.received_at)).toBeGreaterThanOrEqual(before);
  });
});

describe('the service', () => {
  it('on close, answers the requests in flight and stores exactly what it acknowledged', async () => {
    const batches = Array.from({ length: 24 }, (_, b) =>
      Array.from({ length: 40 }, () => freshEvent('quality_sample', `s${b}`)),
    );
    const posts = batches.map((batch) =>
      post(collector.url, JSON.stringify(batch)).catch(() => ({ status: 0, json: {} })),
    );
    await Promise.race(posts);
    await collector.close();
    const answers = await Promise.all(posts);
    expect(answers.every((a) => [0, 200, 503].includes(a.status))).toBe(true);
    const acknowledged = answers.flatMap((answer, i) =>
      answer.status === 200 ? batches[i]!.map((event) => event.eventId) : [],
    );
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(await storedIds(collector, dbPath)).toEqual(acknowledged.sort());
  });

  it('answers the health check', async () => {
    const response = await fetch(`${collector.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers CORS preflights and tags answers for allowed origins', async () => {
    const preflight = await fetch(`${collector.url}/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});
