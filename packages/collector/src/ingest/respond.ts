/**
 * Writing answers: JSON bodies, CORS headers for the browser sink, and the
 * JSON error shape every 4xx/5xx uses (`{ error, message }`).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WRITE_KEY_HEADER } from './write-key.js';

/** Sends `body` as JSON with `status`. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Sends the JSON error shape. */
export function sendError(
  response: ServerResponse,
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error, message }, headers);
}

/**
 * Sets CORS headers when the request's origin is allowed. Credentials are
 * never allowed: the write key travels in a header or the query, not a cookie.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse, origins: '*' | readonly string[]): void {
  const origin = request.headers.origin;
  if (origin === undefined) return;
  if (origins !== '*' && !origins.includes(origin)) return;
  response.setHeader('access-control-allow-origin', origins === '*' ? '*' : origin);
  if (origins !== '*') response.setHeader('vary', 'origin');
}

/** Answers a CORS preflight. */
export function sendPreflight(response: ServerResponse): void {
  response.writeHead(204, {
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': `content-type, content-encoding, authorization, ${WRITE_KEY_HEADER}`,
    'access-control-max-age': '86400',
  });
  response.end();
}
