/**
 * Turns a request body into a list of candidate events. The HTTP sink sends
 * a JSON array or `{ "events": [...] }`; log shippers send NDJSON. A body that
 * is neither is refused as a whole (decision 15); in NDJSON, one broken line
 * is that line's own rejection, so one bad record does not cost the rest.
 */
import { RequestError } from './http-error.js';

/** One item of a batch: parsed JSON, or the reason its line could not be parsed. */
export type BatchItem = { ok: true; value: unknown } | { ok: false; reason: 'invalid_json' };

const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/x-jsonlines'];

/** Parses `text` by its `Content-Type`; `text/plain` and no type (sendBeacon) are sniffed. */
export function parseBatch(text: string, contentType: string | undefined, maxEvents: number): BatchItem[] {
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  let items: BatchItem[];
  if (NDJSON_TYPES.includes(mediaType)) items = parseNdjson(text);
  else if (mediaType === 'application/json' || mediaType.endsWith('+json')) items = parseJsonBatch(text);
  else if (mediaType === '' || mediaType === 'text/plain') items = sniff(text);
  else throw new RequestError(415, 'unsupported_media_type', `Content-Type "${mediaType}" is not JSON or NDJSON.`);
  if (items.length > maxEvents) {
    throw new RequestError(413, 'too_many_events', `The batch has ${items.length} events; the limit is ${maxEvents}.`);
  }
  return items;
}

function sniff(text: string): BatchItem[] {
  try {
    return parseJsonBatch(text);
  } catch (error) {
    if (text.trim().includes('\n')) return parseNdjson(text);
    throw error;
  }
}

function parseJsonBatch(text: string): BatchItem[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RequestError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const list = Array.isArray(value) ? value : eventsOf(value);
  return list.map((item) => ({ ok: true, value: item }));
}

function eventsOf(value: unknown): unknown[] {
  if (typeof value === 'object' && value !== null && Array.isArray((value as { events?: unknown }).events)) {
    return (value as { events: unknown[] }).events;
  }
  throw new RequestError(400, 'invalid_batch', 'Send a JSON array of events, { "events": [...] }, or NDJSON.');
}

function parseNdjson(text: string): BatchItem[] {
  const items: BatchItem[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      items.push({ ok: true, value: JSON.parse(line) });
    } catch {
      items.push({ ok: false, reason: 'invalid_json' });
    }
  }
  if (items.length > 0 && items.every((item) => !item.ok)) {
    throw new RequestError(400, 'invalid_json', 'No line of the NDJSON body is valid JSON.');
  }
  return items;
}
