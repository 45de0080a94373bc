/**
 * One POST of a batch to the ingest, and what its answer means for the
 * queue (decision 15): a 200 carries a result per event (accepted,
 * duplicate or rejected), and every answered event leaves the queue, the
 * rejected ones included, since resending them cannot help. Network errors,
 * 5xx, 408 and 429 are retried; 413 asks for smaller batches; any other 4xx
 * refuses the batch as a whole (auth, malformed), so it is dropped.
 */
import type { TelemetryEvent } from '../schema/index.js';

/** What to do after a POST. */
export type DeliveryOutcome =
  | { kind: 'answered'; answered: string[]; rejected: { eventId: string; reason: string }[] }
  | { kind: 'retry'; message: string }
  | { kind: 'too-large' }
  | { kind: 'refused'; message: string };

/** How a batch is written and how its answer is read, per wire protocol. */
export interface BatchFormat {
  encode(events: readonly TelemetryEvent[]): string;
  /** The 2xx answer's meaning: which events it answered and which it rejected. */
  read(events: readonly TelemetryEvent[], body: unknown): DeliveryOutcome;
  /** True when the receiver accepts `text/plain` beacons (the liveroom ingest does; OTLP receivers do not). */
  beacons: boolean;
}

/** How a batch is sent. */
export interface DeliveryRequest {
  format: BatchFormat;
  fetch: typeof fetch;
  url: string;
  headers: Record<string, string>;
  events: readonly TelemetryEvent[];
  gzip: boolean;
  /** For page hide: the request outlives the page (body ≤ 64 KB). */
  keepalive: boolean;
}

interface EventResult {
  index?: number;
  eventId?: string;
  status?: string;
  reason?: string;
  message?: string;
}

async function gzipped(text: string): Promise<ArrayBuffer> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Response(stream).arrayBuffer();
}

/** True where the browser can gzip request bodies. */
export function canGzip(): boolean {
  return typeof CompressionStream !== 'undefined';
}

/** Everything in the batch counts as answered (receivers without per-event results). */
export function answeredAll(events: readonly TelemetryEvent[]): DeliveryOutcome {
  return { kind: 'answered', answered: events.map((e) => e.eventId), rejected: [] };
}

function readResults(events: readonly TelemetryEvent[], body: unknown): DeliveryOutcome {
  const results = (body as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return answeredAll(events);
  const answered: string[] = [];
  const rejected: { eventId: string; reason: string }[] = [];
  for (const result of results as EventResult[]) {
    const eventId = result.eventId ?? (result.index === undefined ? undefined : events[result.index]?.eventId);
    if (!eventId) continue;
    answered.push(eventId);
    if (result.status === 'rejected') rejected.push({ eventId, reason: result.reason ?? result.message ?? 'rejected' });
  }
  return { kind: 'answered', answered, rejected };
}

/**
 * The liveroom ingest (`POST /v1/events`): `{ "events": [...] }` in, a result
 * per event out (decision 15).
 */
export const liveroomFormat: BatchFormat = {
  encode: (events) => JSON.stringify({ events }),
  read: readResults,
  beacons: true,
};

/** Sends one batch; never throws. */
export async function deliverBatch(request: DeliveryRequest): Promise<DeliveryOutcome> {
  const json = request.format.encode(request.events);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...request.headers };
  let body: BodyInit = json;
  if (request.gzip) {
    body = await gzipped(json);
    headers['content-encoding'] = 'gzip';
  }
  let response: Response;
  try {
    response = await request.fetch(request.url, { method: 'POST', headers, body, keepalive: request.keepalive });
  } catch (error) {
    return { kind: 'retry', message: error instanceof Error ? error.message : String(error) };
  }
  const status = response.status;
  if (status >= 500 || status === 408 || status === 429) return { kind: 'retry', message: `HTTP ${status}` };
  if (status === 413) return { kind: 'too-large' };
  if (status >= 400)
    return { kind: 'refused', message: `HTTP ${status}: ${(await response.text().catch(() => '')).slice(0, 120)}` };
  return request.format.read(request.events, await response.json().catch(() => null));
}
