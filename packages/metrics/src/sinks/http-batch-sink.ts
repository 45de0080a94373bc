/**
 * The HTTP batch sink: events queue in memory and in a persistent
 * {@link QueueStore} (IndexedDB by default), leave in batches by size or
 * age, gzipped where `CompressionStream` exists, and stay queued until the
 * ingest answers for them (decision 15). Network errors and 5xx are retried
 * with exponential backoff and jitter; rejected events are never resent. On
 * page hide, what is queued goes out with `fetch(..., { keepalive: true })`,
 * or `navigator.sendBeacon` when that fails; it stays queued until answered,
 * so a reload resends it and the ingest deduplicates by `eventId`.
 *
 * The queue is bounded only against pathological outages (decision 11):
 * past `maxQueueEvents` the oldest events are dropped, and the next event
 * carries the count in `dropped`.
 */
import { parseInput } from '@liveroom/core';
import * as z from 'zod/mini';
import type { TelemetryEvent } from '../schema/index.js';
import { type BackoffPolicy, backoffDelayMs } from './backoff.js';
import { type BatchFormat, canGzip, type DeliveryOutcome, deliverBatch, liveroomFormat } from './http-delivery.js';
import { createIndexedDbQueueStore, hasIndexedDb } from './indexeddb-queue-store.js';
import { createMemoryQueueStore, type QueueStore } from './queue-store.js';
import type { FlushReason, SinkContext, TelemetrySink } from './sink.js';

/** Options of {@link createHttpBatchSink}. */
export interface HttpBatchSinkOptions {
  /** Where batches are POSTed, e.g. `https://collector.example/v1/events`. */
  url: string;
  /** Sent as `X-Liveroom-Write-Key` (and as `?key=` on beacons, which cannot carry headers). */
  writeKey?: string;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Events per request (default 50). */
  maxBatchEvents?: number;
  /** Longest an event waits for its batch to fill, in ms (default 5 000). */
  maxBatchDelayMs?: number;
  /** Queue bound; past it the oldest events are dropped (default 5 000). */
  maxQueueEvents?: number;
  /** Gzip bodies where `CompressionStream` exists (default true). */
  gzip?: boolean;
  /** Retry backoff in ms (default 1 000 doubling up to 60 000, with jitter). */
  retry?: Partial<BackoffPolicy>;
  /** Persistent queue (default: IndexedDB where it exists, else memory). */
  store?: QueueStore;
  /** Replaces `fetch` (tests, custom transports). */
  fetch?: typeof fetch;
  /** Replaces `navigator.sendBeacon`. */
  sendBeacon?: (url: string, data: Blob) => boolean;
  /** Replaces `setTimeout`/`clearTimeout` and `Math.random` (tests). */
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  random?: () => number;
}

const fn = z.custom<(...args: never[]) => unknown>((v) => typeof v === 'function', 'must be a function');
const optionsSchema = z.object({
  url: z.string().check(z.minLength(1, 'url must not be empty')),
  writeKey: z.optional(z.string()),
  headers: z.optional(z.record(z.string(), z.string())),
  maxBatchEvents: z._default(z.number().check(z.int(), z.gte(1), z.lte(1_000)), 50),
  maxBatchDelayMs: z._default(z.number().check(z.int(), z.gte(0), z.lte(60_000)), 5_000),
  maxQueueEvents: z._default(z.number().check(z.int(), z.gte(10), z.lte(100_000)), 5_000),
  gzip: z._default(z.boolean(), true),
  retry: z._default(
    z.object({
      baseMs: z._default(z.number().check(z.gte(10)), 1_000),
      maxMs: z._default(z.number().check(z.gte(10)), 60_000),
    }),
    { baseMs: 1_000, maxMs: 60_000 },
  ),
  store: z.optional(z.custom<QueueStore>((v) => typeof (v as QueueStore | null)?.load === 'function')),
  fetch: z.optional(fn),
  sendBeacon: z.optional(fn),
  timers: z.optional(z.custom<NonNullable<HttpBatchSinkOptions['timers']>>((v) => typeof v === 'object')),
  random: z.optional(fn),
});

/** Beacons and keepalive requests carry at most 64 KB; stay under it. */
const PAGEHIDE_BATCH_BYTES = 60_000;

/**
 * Creates the HTTP batch sink.
 *
 * @example
 * ```ts
 * createQualityCollector(room, {
 *   sinks: [createHttpBatchSink({ url: 'https://collector.example/v1/events', writeKey: 'wk_live_…' })],
 * });
 * ```
 */
export function createHttpBatchSink(options: HttpBatchSinkOptions): TelemetrySink {
  return createBatchSink(options, { name: 'http', format: liveroomFormat, what: 'createHttpBatchSink() options' });
}

/** What distinguishes one batching sink from another: its name and wire format. */
export interface BatchSinkKind {
  name: string;
  format: BatchFormat;
  /** How errors name the options, e.g. `createOtlpLogsSink() options`. */
  what: string;
  /** The IndexedDB database of its queue. */
  database?: string;
}

/** @internal The batching, queueing and retrying shared by the HTTP and OTLP sinks. */
export function createBatchSink(options: HttpBatchSinkOptions, kind: BatchSinkKind): TelemetrySink {
  const o = parseInput(optionsSchema, options, kind.what);
  const format = kind.format;
  const send = (o.fetch as typeof fetch | undefined) ?? ((input, init) => fetch(input, init));
  const timers = o.timers ?? {
    setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
    clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const random = (o.random as (() => number) | undefined) ?? Math.random;
  const store = o.store ?? (hasIndexedDb() ? createIndexedDbQueueStore(kind.database) : createMemoryQueueStore());
  const headers = { ...o.headers, ...(o.writeKey ? { 'x-liveroom-write-key': o.writeKey } : {}) };
  const gzip = o.gzip && canGzip();

  let context: SinkContext = { reportError: () => {} };
  let pending: TelemetryEvent[] = [];
  let batchLimit = o.maxBatchEvents;
  let running: Promise<void> | undefined;
  let attempt = 0;
  let failing = false;
  let batchTimer: unknown;
  let retryTimer: unknown;
  let storeChain = Promise.resolve();

  // Store writes start at once, never behind earlier ones: a write made during `pagehide` must
  // reach IndexedDB before the page is gone. The chain only tracks them for flush and close.
  const persist = (work: Promise<void>) => {
    const settled = work.catch((error: unknown) => context.reportError('QUEUE_STORE_FAILED', String(error)));
    storeChain = storeChain.then(() => settled);
  };
  const forget = (ids: readonly string[]) => {
    if (!ids.length) return;
    const gone = new Set(ids);
    pending = pending.filter((e) => !gone.has(e.eventId));
    persist(store.delete(ids));
  };
  const clearTimer = (handle: unknown) => {
    if (handle !== undefined) timers.clearTimeout(handle);
  };

  const apply = (batch: readonly TelemetryEvent[], outcome: DeliveryOutcome) => {
    if (outcome.kind === 'answered') {
      attempt = 0;
      failing = false;
      forget(outcome.answered);
      if (outcome.rejected.length) {
        const [first] = outcome.rejected;
        context.reportError(
          'EVENTS_REJECTED',
          `${outcome.rejected.length} event(s) rejected, e.g. ${first?.eventId}: ${first?.reason}`,
        );
      }
    } else if (outcome.kind === 'too-large' && batch.length > 1) {
      batchLimit = Math.max(1, Math.floor(batch.length / 2));
    } else if (outcome.kind === 'retry') {
      if (!failing) context.reportError('DELIVERY_RETRYING', outcome.message);
      failing = true;
      retryTimer = timers.setTimeout(
        () => {
          retryTimer = undefined;
          void pump();
        },
        backoffDelayMs(o.retry, attempt++, random()),
      );
    } else {
      forget(batch.map((e) => e.eventId));
      context.reportError(
        'BATCH_REFUSED',
        outcome.kind === 'refused' ? outcome.message : 'one event is over the size limit',
      );
    }
  };

  /** Sends batches until the queue is empty, a retry is scheduled, or (unless draining) the batch is not full. */
  const loop = async (drain: boolean): Promise<void> => {
    clearTimer(batchTimer);
    batchTimer = undefined;
    while (retryTimer === undefined && pending.length) {
      const batch = pending.slice(0, batchLimit);
      const outcome = await deliverBatch({
        format,
        fetch: send,
        url: o.url,
        headers,
        events: batch,
        gzip,
        keepalive: false,
      });
      apply(batch, outcome);
      if (outcome.kind === 'retry' || (!drain && pending.length < batchLimit)) break;
    }
    if (pending.length && retryTimer === undefined && batchTimer === undefined) {
      batchTimer = timers.setTimeout(() => void pump(), o.maxBatchDelayMs);
    }
  };
  const pump = (drain = false): Promise<void> => {
    running ??= loop(drain).finally(() => {
      running = undefined;
    });
    return running;
  };

  const sendOnPageHide = () => {
    let batch: TelemetryEvent[] = [];
    let bytes = 0;
    const go = (events: TelemetryEvent[]) => {
      deliverBatch({ format, fetch: send, url: o.url, headers, events, gzip: false, keepalive: true }).then(
        (outcome) => {
          if (outcome.kind !== 'retry') return apply(events, outcome);
          if (!format.beacons) return;
          const beacon =
            (o.sendBeacon as HttpBatchSinkOptions['sendBeacon']) ??
            (typeof navigator === 'undefined' ? undefined : navigator.sendBeacon?.bind(navigator));
          const url = o.writeKey
            ? `${o.url}${o.url.includes('?') ? '&' : '?'}key=${encodeURIComponent(o.writeKey)}`
            : o.url;
          beacon?.(url, new Blob([format.encode(events)], { type: 'text/plain' }));
        },
      );
    };
    for (const event of pending) {
      const size = JSON.stringify(event).length + 1;
      if (batch.length && bytes + size > PAGEHIDE_BATCH_BYTES) {
        go(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(event);
      bytes += size;
    }
    if (batch.length) go(batch);
  };

  const ready = (async () => {
    try {
      const stored = await store.load();
      const known = new Set(pending.map((e) => e.eventId));
      pending = [...stored.filter((e) => !known.has(e.eventId)), ...pending];
      return stored.length;
    } catch (error) {
      context.reportError('QUEUE_STORE_FAILED', String(error));
      return 0;
    }
  })();

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
        forget(pending.slice(0, over).map((e) => e.eventId));
        queued = { ...event, dropped: (event.dropped ?? 0) + over };
        context.reportError(
          'QUEUE_OVERFLOW',
          `dropped the ${over} oldest event(s): the queue holds ${o.maxQueueEvents}`,
        );
      }
      pending.push(queued);
      persist(store.add([queued]));
      if (pending.length >= batchLimit) void pump();
      else if (batchTimer === undefined && retryTimer === undefined) {
        batchTimer = timers.setTimeout(() => void pump(), o.maxBatchDelayMs);
      }
    },
    async flush(reason: FlushReason) {
      if (reason === 'pagehide') return sendOnPageHide();
      await ready;
      while (running) await running;
      await pump(true);
      await storeChain;
    },
    async close() {
      clearTimer(batchTimer);
      clearTimer(retryTimer);
      await storeChain;
    },
  };
}
