/**
 * The delivery engine behind the HTTP batch and OTLP logs sinks: events
 * queue in memory and in a persistent {@link QueueStore} (IndexedDB by
 * default), leave in batches by size or age, gzipped where
 * `CompressionStream` exists, and stay queued until the receiver answers
 * for them (decision 15). Network errors, 5xx, 408 and 429 are retried with
 * exponential backoff and jitter; a 413 halves the batch; any other 4xx
 * refuses the batch as a whole (auth, malformed), so it is dropped. A 2xx
 * with `{ results: [...] }` answers per event (the liveroom ingest): every
 * answered event leaves the queue, the rejected ones included, since
 * resending them cannot help. A 2xx without results answers the whole batch
 * (OTLP receivers).
 *
 * On page hide, what is queued goes out with `fetch(..., { keepalive: true })`,
 * or `navigator.sendBeacon` when that fails; it stays queued until answered,
 * so a reload resends it and the ingest deduplicates by `eventId`.
 *
 * The queue is bounded only against pathological outages (decision 11):
 * past `maxQueueEvents` the oldest events are dropped, and the next event
 * carries the count in `dropped`.
 */
import { backoffDelay, parseInput, valueWhere, wholeNumber, withDefaults } from '@liveroom/core';
import * as z from 'zod/mini';
import { isFunction, isObject, objectWith } from '../option-schemas.js';
import type { TelemetryEvent } from '../schema/index.js';
import type { HttpBatchSinkOptions } from './http-batch-sink.js';
import { createIndexedDbQueueStore } from './indexeddb-queue-store.js';
import { createMemoryQueueStore, type QueueStore } from './queue-store.js';
import type { SinkContext, TelemetrySink } from './sink.js';

/** What one batching sink adds to the engine: its name, wire format and queue database. */
export interface BatchSinkKind {
  /** The sink's name in `error` events. */
  name: string;
  /** How errors name the options, e.g. `createOtlpLogsSink() options`. */
  what: string;
  /** The request body for a batch. */
  encode(events: readonly TelemetryEvent[]): string;
  /** True when the receiver accepts `text/plain` beacons (the liveroom ingest does; OTLP receivers do not). */
  beacons: boolean;
  /** The IndexedDB database of its queue (default `liveroom-telemetry`). */
  database?: string;
}

const ms = z.optional(z.number().check(z.gte(10)));
const fn = z.optional(valueWhere(isFunction, 'must be a function'));
const optionsSchema = z.object({
  url: z.string().check(z.minLength(1, 'url must not be empty')),
  writeKey: z.optional(z.string()),
  headers: z.optional(objectWith({}, (value) => typeof value === 'string', 'must be a string')),
  maxBatchEvents: z.optional(wholeNumber(1, 1_000, 'maxBatchEvents')),
  maxBatchDelayMs: z.optional(wholeNumber(0, 60_000, 'maxBatchDelayMs')),
  maxQueueEvents: z.optional(wholeNumber(10, 100_000, 'maxQueueEvents')),
  gzip: z.optional(z.boolean()),
  retry: z.optional(z.object({ baseMs: ms, maxMs: ms })),
  store: z.optional(valueWhere<QueueStore>((v) => isFunction((v as QueueStore | null)?.load), 'must be a QueueStore')),
  fetch: fn,
  sendBeacon: fn,
  timers: z.optional(valueWhere(isObject, 'must be an object')),
  random: fn,
});

/** The defaults `HttpBatchSinkOptions` documents. */
const DEFAULTS = { maxBatchEvents: 50, maxBatchDelayMs: 5_000, maxQueueEvents: 5_000, gzip: true };

/** Beacons and keepalive requests carry at most 64 KB; stay under it. */
const PAGEHIDE_BATCH_BYTES = 60_000;

/** One receiver's verdict on one event (decision 15). */
interface EventResult {
  index?: number;
  eventId?: string;
  status?: string;
  reason?: string;
}

const idsOf = (events: readonly TelemetryEvent[]) => events.map((e) => e.eventId);

/** @internal Creates a sink that batches, queues and retries for `kind`. */
export function createBatchSink(options: HttpBatchSinkOptions, kind: BatchSinkKind): TelemetrySink {
  // Validated here; the functions are then taken, typed, from `options`.
  const o = withDefaults(DEFAULTS, parseInput(optionsSchema, options, kind.what));
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  // Called as methods of `timers`: the global object is a valid `this` for the real ones.
  const timers = options.timers ?? globalThis;
  const random = options.random ?? Math.random;
  const retry = withDefaults({ baseMs: 1_000, maxMs: 60_000 }, o.retry ?? {});
  const store =
    o.store ?? (typeof indexedDB === 'undefined' ? createMemoryQueueStore() : createIndexedDbQueueStore(kind.database));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...o.headers,
    ...(o.writeKey ? { 'x-liveroom-write-key': o.writeKey } : {}),
  };
  const gzip = o.gzip && typeof CompressionStream !== 'undefined';

  let context: SinkContext = { reportError: () => {} };
  let pending: TelemetryEvent[] = [];
  let batchLimit = o.maxBatchEvents;
  let running: Promise<void> | undefined;
  /** Retries since the last answer; the first one of a streak is reported. */
  let attempt = 0;
  let timer: unknown;
  /** A retry is scheduled: nothing is sent until its timer fires. */
  let backingOff = false;
  let closed = false;
  let stored = Promise.resolve();

  const report = (code: string, message: string) => context.reportError(code, message);
  // Store writes start at once, never behind earlier ones: a write made during `pagehide` must
  // reach IndexedDB before the page is gone. `stored` only tracks them for flush and close.
  const persist = (work: Promise<void>) => {
    const settled = work.catch((error: unknown) => report('QUEUE_STORE_FAILED', String(error)));
    stored = stored.then(() => settled);
  };
  const forget = (ids: readonly string[]) => {
    if (!ids.length) return;
    const gone = new Set(ids);
    pending = pending.filter((e) => !gone.has(e.eventId));
    persist(store.delete(ids));
  };
  const clear = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };
  const wait = (delay: number, backoff: boolean) => {
    clear();
    backingOff = backoff;
    // After close, a request still in flight may fail, but schedules nothing: its events stay
    // stored for the next page's sink.
    if (!closed)
      timer = timers.setTimeout(() => {
        timer = undefined;
        backingOff = false;
        void pump();
      }, delay);
  };

  /** Forgets what a 2xx answered, reporting rejections. */
  const answered = (batch: readonly TelemetryEvent[], body: unknown) => {
    attempt = 0;
    const results = (body as { results?: EventResult[] } | null)?.results;
    if (!Array.isArray(results)) return forget(idsOf(batch));
    const rejected: string[] = [];
    const ids: string[] = [];
    for (const result of results) {
      const id = result.eventId ?? batch[result.index ?? -1]?.eventId;
      if (!id) continue;
      ids.push(id);
      if (result.status === 'rejected') rejected.push(`${id}: ${result.reason}`);
    }
    forget(ids);
    if (rejected.length) report('EVENTS_REJECTED', `${rejected.length} event(s) rejected, e.g. ${rejected[0]}`);
  };

  /** POSTs one batch and applies the answer; resolves to why it should be retried, if it should. */
  const post = async (batch: readonly TelemetryEvent[], keepalive: boolean): Promise<string | undefined> => {
    const json = kind.encode(batch);
    const zipped = gzip && !keepalive;
    let response: Response;
    try {
      response = await send(o.url, {
        method: 'POST',
        headers: zipped ? { ...headers, 'content-encoding': 'gzip' } : headers,
        body: zipped
          ? await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer()
          : json,
        keepalive,
      });
    } catch (error) {
      return String(error);
    }
    const { status } = response;
    if (status >= 500 || status === 408 || status === 429) return `HTTP ${status}`;
    if (status === 413 && batch.length > 1) batchLimit = batch.length >> 1;
    else if (status >= 400) {
      forget(idsOf(batch));
      report('BATCH_REFUSED', `HTTP ${status}: ${(await response.text().catch(() => '')).slice(0, 120)}`);
    } else answered(batch, await response.json().catch(() => null));
  };

  /** Sends batches until the queue is empty, a retry is scheduled, or (unless draining) the batch is not full. */
  const loop = async (drain: boolean): Promise<void> => {
    if (!backingOff) clear();
    while (!backingOff && pending.length) {
      const retryReason = await post(pending.slice(0, batchLimit), false);
      if (retryReason !== undefined) {
        if (!attempt) report('DELIVERY_RETRYING', retryReason);
        wait(backoffDelay(attempt++, retry, random), true);
      } else if (!drain && pending.length < batchLimit) break;
    }
    if (pending.length && timer === undefined) wait(o.maxBatchDelayMs, false);
  };
  const pump = (drain = false): Promise<void> => {
    running ??= loop(drain).finally(() => {
      running = undefined;
    });
    return running;
  };

  const sendOnPageHide = () => {
    const beacon = options.sendBeacon ?? globalThis.navigator?.sendBeacon?.bind(navigator);
    const url = o.writeKey ? `${o.url}${o.url.includes('?') ? '&' : '?'}key=${encodeURIComponent(o.writeKey)}` : o.url;
    let batch: TelemetryEvent[] = [];
    let bytes = 0;
    const go = () => {
      const events = batch;
      void post(events, true).then((failed) => {
        if (failed !== undefined && kind.beacons)
          beacon?.(url, new Blob([kind.encode(events)], { type: 'text/plain' }));
      });
      batch = [];
      bytes = 0;
    };
    for (const event of pending) {
      const size = JSON.stringify(event).length + 1;
      if (batch.length && bytes + size > PAGEHIDE_BATCH_BYTES) go();
      batch.push(event);
      bytes += size;
    }
    if (batch.length) go();
  };

  const ready = store.load().then(
    (earlier) => {
      const known = new Set(idsOf(pending));
      pending = [...earlier.filter((e) => !known.has(e.eventId)), ...pending];
      return earlier.length;
    },
    (error: unknown) => {
      report('QUEUE_STORE_FAILED', String(error));
      return 0;
    },
  );

  return {
    name: kind.name,
    start(ctx) {
      context = ctx;
      // Events an earlier page left behind go out now, full batch or not.
      void ready.then((loaded) => {
        if (loaded) void pump(true);
      });
    },
    write(event) {
      let queued = event;
      const over = pending.length + 1 - o.maxQueueEvents;
      if (over > 0) {
        forget(idsOf(pending.slice(0, over)));
        queued = { ...event, dropped: (event.dropped ?? 0) + over };
        report('QUEUE_OVERFLOW', `dropped the ${over} oldest event(s): the queue holds ${o.maxQueueEvents}`);
      }
      pending.push(queued);
      persist(store.add([queued]));
      if (pending.length >= batchLimit) void pump();
      else if (timer === undefined) wait(o.maxBatchDelayMs, false);
    },
    async flush(reason) {
      if (reason === 'pagehide') return sendOnPageHide();
      await ready;
      while (running) await running;
      await pump(true);
      await stored;
    },
    async close() {
      closed = true;
      clear();
      await stored;
    },
  };
}
