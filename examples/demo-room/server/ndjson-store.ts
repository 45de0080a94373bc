/**
 * The stand-in telemetry ingest, used until `@liveroom/collector` is
 * available (or when asked for): the collector's HTTP shape
 * (`POST /v1/events`, write key, one result per event, dedupe by `eventId`)
 * over an append-only NDJSON file, validated with the metrics package's own
 * schemas. `GET /report` shows what arrived.
 */
import { appendFile, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { safeParseTelemetryEvent, type TelemetryEvent } from '@liveroom/metrics/schema';
import { renderEventReport } from './event-report.js';

/** Options of {@link startNdjsonStore}. */
export interface NdjsonStoreOptions {
  host: string;
  port: number;
  /** The NDJSON file events are appended to (created when absent; earlier lines are kept). */
  file: string;
  writeKey: string;
}

/** A running NDJSON store. */
export interface NdjsonStore {
  /** Base URL; post to `${url}/v1/events`. */
  readonly url: string;
  readonly port: number;
  /** Every stored event, oldest first. */
  events(): Promise<TelemetryEvent[]>;
  close(): Promise<void>;
}

type EventResult =
  | { index: number; eventId: string; status: 'accepted' | 'duplicate' }
  | { index: number; status: 'rejected'; reason: string; message: string };

const MAX_BODY_BYTES = 1_048_576;

/** Starts the store; rejects with the `listen()` error (e.g. `EADDRINUSE`). */
export async function startNdjsonStore(options: NdjsonStoreOptions): Promise<NdjsonStore> {
  const seen = new Set((await readStored(options.file)).map((event) => event.eventId));
  let writes = Promise.resolve();

  const ingest = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (presentedKey(request) !== options.writeKey) return sendJson(response, 401, { error: 'unauthorized' });
    const text = await readBody(request).catch(() => undefined);
    if (text === undefined) return sendJson(response, 400, { error: 'unreadable_body' });
    const items = parseBody(text);
    if (items === undefined) return sendJson(response, 400, { error: 'invalid_batch' });
    const lines: string[] = [];
    const results = items.map((item, index): EventResult => {
      const parsed = safeParseTelemetryEvent(item);
      if (!parsed.success) {
        const message = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
        return { index, status: 'rejected', reason: 'invalid_event', message };
      }
      const { eventId } = parsed.data;
      if (seen.has(eventId)) return { index, eventId, status: 'duplicate' };
      seen.add(eventId);
      lines.push(JSON.stringify({ ...parsed.data, receivedAt: Date.now() }));
      return { index, eventId, status: 'accepted' };
    });
    // Acknowledge only after the lines are on disk, like the collector's commit (decision 16).
    writes = writes.then(() => (lines.length ? appendFile(options.file, `${lines.join('\n')}\n`) : undefined));
    await writes;
    const count = (status: string) => results.filter((r) => r.status === status).length;
    sendJson(response, 200, {
      accepted: count('accepted'),
      duplicate: count('duplicate'),
      rejected: count('rejected'),
      results,
    });
  };

  const server = createServer((request, response) => {
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader(
      'access-control-allow-headers',
      'authorization, content-type, content-encoding, x-liveroom-write-key',
    );
    response.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    const path = new URL(request.url ?? '/', 'http://store.invalid').pathname;
    const route = async (): Promise<void> => {
      if (request.method === 'OPTIONS') return void response.writeHead(204).end();
      if (path === '/v1/events' && request.method === 'POST') return ingest(request, response);
      if (path === '/healthz') return sendJson(response, 200, { status: 'ok' });
      if (path === '/report') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void response.end(renderEventReport(await readStored(options.file)));
      }
      sendJson(response, 404, { error: 'not_found' });
    };
    route().catch((error: unknown) => sendJson(response, 500, { error: 'store_failed', message: String(error) }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${port}`,
    port,
    events: () => readStored(options.file),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await writes;
    },
  };
}

async function readStored(file: string): Promise<TelemetryEvent[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TelemetryEvent);
}

function presentedKey(request: IncomingMessage): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const header = request.headers['x-liveroom-write-key'];
  if (typeof header === 'string') return header;
  return new URL(request.url ?? '/', 'http://store.invalid').searchParams.get('key') ?? undefined;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  // The metrics HTTP sink gzips where the browser has CompressionStream.
  const gzipped = request.headers['content-encoding'] === 'gzip';
  return (gzipped ? gunzipSync(body, { maxOutputLength: 8 * MAX_BODY_BYTES }) : body).toString('utf8');
}

/** A JSON array, `{ events: [...] }`, or NDJSON; `undefined` when it is none of them. */
function parseBody(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value)) return value;
    const events = (value as { events?: unknown } | null)?.events;
    return Array.isArray(events) ? events : [value];
  } catch {
    try {
      return text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as unknown);
    } catch {
      return undefined;
    }
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
