/**
 * `startCollector`: the ingest service as a library call, so the demo room
 * and tests can run it in-process; the CLI's `serve` is a thin wrapper.
 * The only state is the database, so instances behind a load balancer need
 * no coordination beyond it (see docs/collector.md, "Scaling out").
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { adminRoute } from './admin-route.js';
import { fastEventCheck } from './ingest/fast-validator.js';
import { RequestError } from './ingest/http-error.js';
import { ingestBatch } from './ingest/ingest-route.js';
import { RateLimiter } from './ingest/rate-limit.js';
import { applyCors, sendError, sendJson, sendPreflight } from './ingest/respond.js';
import { checkKey, presentedKey } from './ingest/write-key.js';
import { type CollectorOptions, type ResolvedCollectorOptions, resolveCollectorOptions } from './options.js';
import { EventStore } from './storage/event-store.js';
import { GroupCommit } from './storage/group-commit.js';

/** A running collector. */
export interface RunningCollector {
  /** Base URL, e.g. `http://127.0.0.1:8788`; post batches to `${url}/v1/events`. */
  readonly url: string;
  /** The bound port (useful with `port: 0`). */
  readonly port: number;
  /** Stops accepting requests, lets in-flight batches commit, checkpoints and closes the file. */
  close(): Promise<void>;
}

/** Opens the database for writing and starts the HTTP ingest. */
export async function startCollector(options: CollectorOptions): Promise<RunningCollector> {
  const config = resolveCollectorOptions(options);
  fastEventCheck(); // compiled now rather than on the first request
  const store = await EventStore.open(config.dbPath, { checkpointThresholdBytes: config.checkpointThresholdBytes });
  const commit = new GroupCommit(store, { maxRows: config.maxEventsPerCommit, lingerMs: config.commitLingerMs });
  const limiter = new RateLimiter(config.rateLimit.perSecond, config.rateLimit.burst);
  const writeKeys = typeof config.writeKey === 'string' ? [config.writeKey] : config.writeKey;
  const inFlight = new Set<Promise<void>>();
  let closing = false;

  const route = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (url.pathname === '/healthz' && request.method === 'GET') {
      await store.query('SELECT 1');
      return sendJson(response, 200, { status: 'ok' });
    }
    if (url.pathname === '/v1/events') {
      if (request.method !== 'POST') throw new RequestError(405, 'method_not_allowed', 'POST events here.');
      limiter.take(clientAddress(request, config));
      checkKey(presentedKey(request, url), writeKeys);
      return sendJson(response, 200, await ingestBatch(request, config, commit));
    }
    if (url.pathname.startsWith('/v1/admin/')) return adminRoute(request, response, url, store, config.adminKey);
    throw new RequestError(404, 'not_found', `No route ${request.method} ${url.pathname}.`);
  };

  const server = createServer((request, response) => {
    applyCors(request, response, config.corsOrigins);
    if (request.method === 'OPTIONS') return sendPreflight(response);
    if (closing) return sendError(response, 503, 'shutting_down', 'The collector is shutting down; retry.');
    const url = new URL(request.url ?? '/', 'http://collector.invalid');
    const done = route(request, response, url)
      .catch((error: unknown) => answerFailure(response, error))
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  // Slow or stuck clients must not pin sockets (and so shutdown) forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
        server.closeAllConnections();
        await stopped;
        await commit.flush();
        await store.close();
      })();
      return closed;
    },
  };
}

function clientAddress(request: IncomingMessage, config: ResolvedCollectorOptions): string {
  const forwarded = request.headers['x-forwarded-for'];
  if (config.trustProxy && typeof forwarded === 'string') return forwarded.split(',')[0]!.trim();
  return request.socket.remoteAddress ?? 'unknown';
}

function answerFailure(response: ServerResponse, error: unknown): void {
  // The client went away (or the answer was already under way): there is no one to tell.
  if (response.headersSent || response.socket?.destroyed) {
    response.destroy();
    return;
  }
  if (error instanceof RequestError) {
    // After a refused upload the rest of the body is unread; close rather than drain it.
    const headers = error.status === 413 ? { ...error.headers, connection: 'close' } : error.headers;
    sendError(response, error.status, error.code, error.message, headers);
    return;
  }
  // Database or internal failure: 503 tells sinks to retry; nothing was acknowledged.
  console.error('[liveroom-collector]', error);
  sendError(response, 503, 'unavailable', 'The event store failed; retry later.');
}
