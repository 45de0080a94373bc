/**
 * Reads a request body within size limits: the bytes on the wire are bounded
 * by `maxBodyBytes`, and a gzip body is also bounded after inflating, so a
 * small gzip bomb cannot exhaust memory.
 */
import type { IncomingMessage } from 'node:http';
import { createGunzip } from 'node:zlib';
import { RequestError } from './http-error.js';

/** Size limits for one body. */
export interface BodyLimits {
  maxBodyBytes: number;
  maxInflatedBytes: number;
}

/** Returns the body as UTF-8 text, inflating `Content-Encoding: gzip`. */
export async function readBody(request: IncomingMessage, limits: BodyLimits): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (declared > limits.maxBodyBytes) throw tooLarge(limits.maxBodyBytes);
  const encoding = (request.headers['content-encoding'] ?? 'identity').toLowerCase().trim();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new RequestError(415, 'unsupported_encoding', `Content-Encoding "${encoding}" is not supported; use gzip.`);
  }
  const raw = await collect(request, limits.maxBodyBytes, () => tooLarge(limits.maxBodyBytes));
  if (encoding === 'identity') return raw.toString('utf8');
  return (await inflate(raw, limits.maxInflatedBytes)).toString('utf8');
}

function tooLarge(limit: number): RequestError {
  return new RequestError(413, 'payload_too_large', `The body exceeds ${limit} bytes.`);
}

async function collect(source: AsyncIterable<Buffer>, limit: number, onOver: () => Error): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > limit) throw onOver();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

async function inflate(raw: Buffer, limit: number): Promise<Buffer> {
  const gunzip = createGunzip();
  gunzip.end(raw);
  try {
    return await collect(gunzip, limit, () => {
      gunzip.destroy();
      return new RequestError(413, 'payload_too_large', `The body inflates past ${limit} bytes.`);
    });
  } catch (error) {
    if (error instanceof RequestError) throw error;
    throw new RequestError(400, 'invalid_gzip', 'The body is not valid gzip.');
  }
}
