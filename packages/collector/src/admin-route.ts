/**
 * `GET /v1/admin/*`: the report and exports through the running service,
 * for when `serve` holds the database file (decision 16). Guarded by the
 * admin key; without one configured, these routes do not exist.
 *
 * - `GET /v1/admin/report` → the report as JSON; the HTML page with `?format=html`, or
 *   for a browser (`Accept: text/html`) unless `?format=json`.
 * - `GET /v1/admin/export/<events|session_facts>.<parquet|ndjson>` → the file.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  EXPORTABLE_TABLES,
  type ExportableTable,
  type ExportFormat,
  exportFileName,
  exportTable,
} from './export-tables.js';
import { RequestError } from './ingest/http-error.js';
import { sendJson } from './ingest/respond.js';
import { checkKey, presentedKey } from './ingest/write-key.js';
import { renderReport } from './report/render-report.js';
import { buildRetentionReport } from './report/retention-report.js';
import type { EventStore } from './storage/event-store.js';

const EXPORT_PATH = /^\/v1\/admin\/export\/([a-z_]+)\.(parquet|ndjson)$/;

/** Serves one admin request. */
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
  if (request.method !== 'GET') throw new RequestError(405, 'method_not_allowed', 'Admin endpoints answer GET.');
  if (url.pathname === '/v1/admin/report') {
    const graceParam = url.searchParams.get('openGraceMs');
    const report = await buildRetentionReport(store, graceParam === null ? {} : { openGraceMs: Number(graceParam) });
    if (!wantsHtml(request, url)) return sendJson(response, 200, report);
    const html = await renderReport(report);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(html);
    return;
  }
  const match = EXPORT_PATH.exec(url.pathname);
  if (match && (EXPORTABLE_TABLES as readonly string[]).includes(match[1]!)) {
    return streamExport(response, store, match[1] as ExportableTable, match[2] as ExportFormat);
  }
  throw new RequestError(404, 'not_found', `No admin route ${url.pathname}.`);
}

function wantsHtml(request: IncomingMessage, url: URL): boolean {
  const format = url.searchParams.get('format');
  if (format !== null) return format === 'html';
  return (request.headers.accept ?? '').includes('text/html');
}

async function streamExport(
  response: ServerResponse,
  store: EventStore,
  table: ExportableTable,
  format: ExportFormat,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'liveroom-export-'));
  try {
    const path = join(dir, exportFileName(table, format));
    await exportTable(store, table, format, path);
    response.writeHead(200, {
      'content-type': format === 'parquet' ? 'application/vnd.apache.parquet' : 'application/x-ndjson',
      'content-disposition': `attachment; filename="${exportFileName(table, format)}"`,
    });
    await pipeline(createReadStream(path), response);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
