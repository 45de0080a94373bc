import { gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { exampleEvent, type TelemetryEvent } from '../schema/index.js';
import { createHttpBatchSink, type HttpBatchSinkOptions } from './http-batch-sink.js';
import { createMemoryQueueStore, type QueueStore } from './queue-store.js';

/** Manual timers: `fire()` runs what is due, in order. */
class Timers {
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  #next = 1;
  setTimeout = (fn: () => void, ms: number) => {
    this.pending.set(this.#next, { fn, ms });
    return this.#next++;
  };
  clearTimeout = (handle: unknown) => void this.pending.delete(handle as number);
  delays = () => [...this.pending.values()].map((t) => t.ms);
  fire() {
    const all = [...this.pending.entries()];
    this.pending.clear();
    for (const [, t] of all) t.fn();
  }
}

interface Posted {
  events: TelemetryEvent[];
  init: RequestInit;
}

const event = (i: number): TelemetryEvent =>
  exampleEvent('quality_sample', { eventId: `01JD00XK8Q${String(i).padStart(16, '0')}`, seq: i });

const results = (events: TelemetryEvent[], status = 'accepted') =>
  Response.json({ results: events.map((e, index) => ({ index, eventId: e.eventId, status })) });

async function bodyOf(init: RequestInit): Promise<TelemetryEvent[]> {
  const raw = init.body;
  const text =
    raw instanceof ArrayBuffer ? gunzipSync(Buffer.from(raw)).toString('utf8') : typeof raw === 'string' ? raw : '';
  return (JSON.parse(text) as { events: TelemetryEvent[] }).events;
}

function setup(
  respond: (events: TelemetryEvent[], call: number) => Response | Promise<Response>,
  options: Partial<HttpBatchSinkOptions> = {},
) {
  const timers = new Timers();
  const posted: Posted[] = [];
  const errors: string[] = [];
  const store = options.store ?? createMemoryQueueStore();
  const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const events = await bodyOf(init ?? {});
    posted.push({ events, init: init ?? {} });
    return respond(events, posted.length);
  }) as unknown as typeof globalThis.fetch;
  const sink = createHttpBatchSink({
    url: 'http://127.0.0.1:8787/v1/events',
    writeKey: 'wk_test',
    maxBatchEvents: 3,
    store,
    fetch,
    timers,
    random: () => 0.5,
    ...options,
  });
  sink.start?.({ reportError: (code) => errors.push(code) });
  return { sink, timers, posted, errors, store, fetch };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createHttpBatchSink', () => {
  it('sends a full batch at once, gzipped, with the write key', async () => {
    const t = setup((events) => results(events));
    for (const i of [1, 2, 3]) t.sink.write(event(i));
    await vi.waitFor(() => expect(t.posted).toHaveLength(1));
    expect(t.posted[0]?.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    const headers = t.posted[0]?.init.headers as Record<string, string>;
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers['x-liveroom-write-key']).toBe('wk_test');
  });

  it('sends a partial batch when its delay runs out', async () => {
    const t = setup((events) => results(events), { maxBatchDelayMs: 2_000 });
    t.sink.write(event(1));
    await settle();
    expect(t.posted).toHaveLength(0);
    expect(t.timers.delays()).toEqual([2_000]);
    t.timers.fire();
    await vi.waitFor(() => expect(t.posted).toHaveLength(1));
  });

  it('retries network errors and 5xx with growing jittered delays, reporting the streak once', async () => {
    const t = setup((events, call) => {
      if (call === 1) throw new TypeError('Failed to fetch');
      if (call === 2) return new Response('', { status: 503 });
      return results(events);
    });
    for (const i of [1, 2, 3]) t.sink.write(event(i));
    await vi.waitFor(() => expect(t.timers.delays()).toEqual([750]));
    t.timers.fire();
    await vi.waitFor(() => expect(t.timers.delays()).toEqual([1_500]));
    t.timers.fire();
    await vi.waitFor(() => expect(t.posted).toHaveLength(3));
    expect(t.posted[2]?.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(t.errors).toEqual(['DELIVERY_RETRYING']);
    await t.sink.flush?.('manual');
    expect(await t.store.load()).toEqual([]);
  });

  it('keeps backing off when an event written during a failing request set the batch timer', async () => {
    let fail: (response: Response) => void = () => {};
    const t = setup((events, call) =>
      call === 1 ? new Promise<Response>((resolve) => (fail = resolve)) : results(events),
    );
    t.sink.write(event(1));
    void t.sink.flush?.('manual');
    await vi.waitFor(() => expect(t.posted).toHaveLength(1));
    t.sink.write(event(2));
    expect(t.timers.delays()).toEqual([5_000]);
    fail(new Response('', { status: 503 }));
    // Only the backoff is pending: the batch timer cannot cut it short.
    await vi.waitFor(() => expect(t.timers.delays()).toEqual([750]));
    t.timers.fire();
    await vi.waitFor(() => expect(t.posted).toHaveLength(2));
    expect(t.posted[1]?.events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('leaves no timer behind after close, even when a request in flight then fails', async () => {
    let fail: (response: Response) => void = () => {};
    const t = setup(() => new Promise<Response>((resolve) => (fail = resolve)));
    for (const i of [1, 2, 3]) t.sink.write(event(i));
    await vi.waitFor(() => expect(t.posted).toHaveLength(1));
    const closed = t.sink.close?.();
    fail(new Response('', { status: 503 }));
    await closed;
    await settle();
    expect(t.timers.delays()).toEqual([]);
    // The events stay stored for the next page's sink.
    expect((await t.store.load()).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('never resends rejected events, but keeps unanswered ones', async () => {
    const t = setup((events, call) =>
      call === 1
        ? Response.json({
            results: [
              { index: 0, eventId: events[0]?.eventId, status: 'accepted' },
              { index: 1, status: 'rejected', reason: 'schema' },
            ],
          })
        : results(events),
    );
    for (const i of [1, 2, 3]) t.sink.write(event(i));
    await vi.waitFor(() => expect(t.posted).toHaveLength(1));
    await t.sink.flush?.('manual');
    expect(t.posted[1]?.events.map((e) => e.seq)).toEqual([3]);
    expect(t.errors).toEqual(['EVENTS_REJECTED']);
  });

  it('drops a batch the ingest refuses as a whole, and halves batches on 413', async () => {
    const refused = setup(() => new Response('bad key', { status: 403 }));
    for (const i of [1, 2, 3]) refused.sink.write(event(i));
    await vi.waitFor(() => expect(refused.errors).toEqual(['BATCH_REFUSED']));
    expect(await refused.store.load()).toEqual([]);

    const tooLarge = setup((events, call) => (call === 1 ? new Response('', { status: 413 }) : results(events)));
    for (const i of [1, 2, 3]) tooLarge.sink.write(event(i));
    await tooLarge.sink.flush?.('manual');
    expect(tooLarge.posted.map((p) => p.events.length)).toEqual([3, 1, 1, 1]);

    const single = setup(() => new Response('', { status: 413 }));
    single.sink.write(event(1));
    await single.sink.flush?.('manual');
    expect(single.errors).toEqual(['BATCH_REFUSED']);
    expect(await single.store.load()).toEqual([]);
  });

  it('bounds the queue, dropping the oldest and counting them in the next event', async () => {
    const t = setup(() => new Response('', { status: 503 }), { maxQueueEvents: 10, maxBatchEvents: 100 });
    for (let i = 1; i <= 12; i += 1) t.sink.write(event(i));
    await t.sink.close?.();
    const stored = await t.store.load();
    expect(stored.map((e) => e.seq)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(stored.find((e) => e.seq === 11)?.dropped).toBe(1);
    expect(stored.find((e) => e.seq === 12)?.dropped).toBe(1);
    expect(t.errors).toContain('QUEUE_OVERFLOW');
  });

  it('resends what an earlier page left in the store', async () => {
    const store: QueueStore = createMemoryQueueStore();
    const offline = setup(() => Promise.reject(new TypeError('offline')), { store });
    offline.sink.write(event(1));
    offline.sink.write(event(2));
    await offline.sink.close?.();
    const online = setup((events) => results(events), { store });
    await online.sink.flush?.('manual');
    expect(online.posted[0]?.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(await store.load()).toEqual([]);
  });

  it('stores each event as it is written, without waiting for earlier store writes (pagehide)', async () => {
    // A store write that never finishes, like an IndexedDB transaction still committing.
    const added: number[] = [];
    const slow: QueueStore = {
      load: async () => [],
      add: (events) => {
        added.push(...events.map((e) => e.seq));
        return new Promise(() => {});
      },
      delete: async () => {},
    };
    const t = setup(() => Promise.reject(new TypeError('offline')), { store: slow });
    t.sink.write(event(1));
    t.sink.write(event(2));
    // The second write reached the store in the same task: a page going away right now keeps it.
    expect(added).toEqual([1, 2]);
  });

  it('on page hide, posts with keepalive and falls back to a beacon carrying the key', async () => {
    const beacon = vi.fn((_url: string, _data: Blob) => true);
    const t = setup(() => Promise.reject(new TypeError('keepalive quota')), { sendBeacon: beacon });
    t.sink.write(event(1));
    await settle();
    await t.sink.flush?.('pagehide');
    await vi.waitFor(() => expect(beacon).toHaveBeenCalledOnce());
    expect(t.posted[0]?.init).toMatchObject({ keepalive: true });
    expect(beacon.mock.calls[0]?.[0]).toBe('http://127.0.0.1:8787/v1/events?key=wk_test');
  });

  it('rejects bad options with INVALID_CONFIG', () => {
    expect(() => createHttpBatchSink({ url: '' })).toThrow(/url must not be empty/);
    expect(() => createHttpBatchSink({ url: '/v1/events', maxBatchEvents: 0 })).toThrow(/maxBatchEvents/);
    expect(() => createHttpBatchSink({ url: '/v1/events', maxBatchEvents: 2.5 })).toThrow(
      /maxBatchEvents must be a whole number/,
    );
    expect(() => createHttpBatchSink({ url: '/v1/events', headers: { 'x-a': 1 as never } })).toThrow(/headers\.x-a/);
    expect(() => createHttpBatchSink({ url: '/v1/events', store: {} as never })).toThrow(/store: must be a QueueStore/);
  });
});
