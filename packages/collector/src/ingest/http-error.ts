/**
 * A request refused as a whole (decision 15: auth, size, not JSON/NDJSON).
 * The server turns it into a 4xx answer with a JSON body `{ error, message }`.
 */

/**
 * Machine-readable codes of whole-request refusals: the `error` field of the
 * 4xx body `{ error, message }`; nothing of the batch is stored. 401
 * `unauthorized` (no key), 403 `forbidden` (wrong key), 400 `invalid_json`,
 * `invalid_batch`, `invalid_gzip`, 413 `payload_too_large`,
 * `too_many_events`, 415 `unsupported_media_type`, `unsupported_encoding`,
 * 429 `rate_limited` (with `Retry-After`), 404 `not_found`, 405
 * `method_not_allowed`.
 */
export type RequestErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'payload_too_large'
  | 'too_many_events'
  | 'invalid_json'
  | 'invalid_gzip'
  | 'invalid_batch'
  | 'unsupported_encoding'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'not_found'
  | 'method_not_allowed';

/** Thrown anywhere in request handling; carries the status and code to answer with. */
export class RequestError extends Error {
  constructor(
    /** HTTP status, always 4xx. */
    readonly status: number,
    /** Stable code clients branch on. */
    readonly code: RequestErrorCode,
    message: string,
    /** Extra headers, e.g. `Retry-After`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'RequestError';
  }
}
