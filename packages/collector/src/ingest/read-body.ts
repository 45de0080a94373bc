/**
 * Reads a request body within size limits: the bytes on the wire are bounded
 * by `maxBodyBytes`, and a gzip body is also bounded after inflating, so a
 * small gzip bomb cannot exhaust memory.
 */
import type { IncomingMessage } from 'node:http';
import { gunzip, gunzipSync, type InputType, type ZlibOptions } from 'node:zlib';
import { RequestError } from './http-error.js';

/** Size limits for one body. */
export interface BodyLimits {
  maxBodyBytes: number;
  maxInflatedBytes: number;
}

/**
 * Gzip bodies up to this size are inflated on the event loop: a sink's batch
 * (a few KB) inflates in microseconds, less than a trip to the thread pool costs.
 */
const INLINE_GUNZIP_BYTES = 64 * 1024;

/** Returns the body as UTF-8 text, inflating `Content-Encoding: gzip`. */
export async function readBody(request: IncomingMessage, limits: BodyLimits): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > limits.maxBodyBytes) throw tooLarge(limits.maxBodyBytes);
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new RequestError(415, 'unsupported_encoding', `Content-Encoding "${encoding}" is not supported; use gzip.`);
  }
  const raw = await collect(request, limits.maxBodyBytes);
  if (encoding === 'identity') return raw.toString('utf8');
  return (await inflate(raw, limits.maxInflatedBytes)).toString('utf8');
}

function tooLarge(limit: number): RequestError {
  return new RequestError(413, 'payload_too_large', `The body exceeds ${limit} bytes.`);
}

/** Reads the whole body, or rejects as soon as it passes `limit` (the caller answers 413 and closes). */
function collect(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      request.off('data', onData);
      request.pause();
      reject(tooLarge(limit));
    };
    request.on('data', onData);
    request.once('end', () => resolve(Buffer.concat(chunks, size)));
    request.once('error', reject);
  });
}

/** Inflates within `limit` bytes of output, so a small gzip bomb cannot exhaust memory. */
async function inflate(raw: Buffer, limit: number): Promise<Buffer> {
  const options: ZlibOptions = { maxOutputLength: limit };
  try {
    if (raw.length <= INLINE_GUNZIP_BYTES) return gunzipSync(raw, options);
    return await new Promise<Buffer>((resolve, reject) =>
      gunzip(raw as InputType, options, (error, result) => (error ? reject(error) : resolve(result))),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new RequestError(413, 'payload_too_large', `The body inflates past ${limit} bytes.`);
    }
    throw new RequestError(400, 'invalid_gzip', 'The body is not valid gzip.');
  }
}
