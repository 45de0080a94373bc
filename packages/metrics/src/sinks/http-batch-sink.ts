/**
 * The HTTP batch sink for the liveroom collector's ingest (`POST /v1/events`):
 * `{ "events": [...] }` in, a result per event out (decision 15). Batching,
 * the persisted bounded queue, retries and page-hide delivery are the
 * {@link createBatchSink} engine's.
 */
import { createBatchSink } from './batch-sink.js';
import type { QueueStore } from './queue-store.js';
import type { TelemetrySink } from './sink.js';

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
  /**
   * Retry backoff in ms: `baseMs` (default 1 000) doubling per attempt up to `maxMs` (default
   * 60 000), each delay between half and all of that ("equal jitter").
   */
  retry?: { baseMs?: number; maxMs?: number };
  /** Persistent queue (default: IndexedDB where it exists, else memory). */
  store?: QueueStore;
  /** Replaces `fetch` (tests, custom transports). */
  fetch?: typeof fetch;
  /** Replaces `navigator.sendBeacon`. */
  sendBeacon?: (url: string, data: Blob) => boolean;
  /** Replaces `setTimeout`/`clearTimeout` (tests). */
  timers?: { setTimeout(fn: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  /** Replaces `Math.random` in the retry jitter (tests). */
  random?: () => number;
}

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
  return createBatchSink(options, {
    name: 'http',
    what: 'createHttpBatchSink() options',
    encode: (events) => JSON.stringify({ events }),
    beacons: true,
  });
}
