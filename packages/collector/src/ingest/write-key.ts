/**
 * Write-key check. The key may come as `Authorization: Bearer <key>`, as the
 * `X-Liveroom-Write-Key` header, or as the `key` query parameter, because
 * `navigator.sendBeacon` cannot set headers. Compared in constant time.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { RequestError } from './http-error.js';

/** Header that carries the write key when `Authorization` is taken. */
export const WRITE_KEY_HEADER = 'x-liveroom-write-key';

/** The key a request presents, if any. */
export function presentedKey(request: IncomingMessage, url: URL): string | undefined {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim();
  const header = request.headers[WRITE_KEY_HEADER];
  if (typeof header === 'string') return header.trim();
  return url.searchParams.get('key') ?? undefined;
}

/** Throws 401 when no key is presented and 403 when it matches none of `accepted`. */
export function checkKey(presented: string | undefined, accepted: readonly string[]): void {
  if (presented === undefined || presented === '') {
    throw new RequestError(
      401,
      'unauthorized',
      `Send the write key as "Authorization: Bearer <key>" or "${WRITE_KEY_HEADER}".`,
    );
  }
  const candidate = Buffer.from(presented);
  const matches = accepted.some((key) => {
    const expected = Buffer.from(key);
    return expected.length === candidate.length && timingSafeEqual(expected, candidate);
  });
  if (!matches) throw new RequestError(403, 'forbidden', 'The key is not valid.');
}
