/**
 * `GET /v1/admin/*`: the report and exports through the running service
 * (decision 16), guarded by the admin key. Filled in with the report.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestError } from './ingest/http-error.js';
import { checkKey, presentedKey } from './ingest/write-key.js';
import type { EventStore } from './storage/event-store.js';

/** Serves one admin request; 404 when no admin key is configured. */
export async function adminRoute(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  store: EventStore,
  adminKey: string | undefined,
): Promise<void> {
  if (adminKey === undefined)
    throw new RequestError(404, 'not_found', 'Admin endpoints are off: start with an admin key.');
  checkKey(presentedKey(request, url), [adminKey]);
  void store;
  void response;
  throw new RequestError(404, 'not_found', `No admin route ${url.pathname}.`);
}
