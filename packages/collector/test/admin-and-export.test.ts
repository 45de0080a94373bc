/**
 * Report and export, both ways decision 16 allows: through the running
 * service (admin endpoints) and from the file while the service is stopped.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningCollector, startCollector } from '../src/collector.js';
import { exportTables } from '../src/export-tables.js';
import { renderReport } from '../src/report/render-report.js';
import { buildRetentionReport, type RetentionReport } from '../src/report/retention-report.js';
import { EventStore } from '../src/storage/event-store.js';
import { ADMIN_KEY, freshEvent, post, WRITE_KEY } from './fixtures.js';

// HTTP, DuckDB and (for the report) Vega on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const dir = mkdtempSync(join(tmpdir(), 'collector-export-'));
const dbPath = join(dir, 'events.duckdb');
let collector: RunningCollector;
const events = [
  freshEvent('session_start', 'a', 0),
  freshEvent('first_frame', 'a', 1),
  freshEvent('quality_sample', 'a', 2),
  freshEvent('session_end', 'a', 3),
  freshEvent('session_start', 'b', 0),
];

beforeAll(async () => {
  collector = await startCollector({ port: 0, dbPath, writeKey: WRITE_KEY, adminKey: ADMIN_KEY });
  await post(collector.url, JSON.stringify(events));
});
afterAll(() => collector.close());

const admin = (path: string, key = ADMIN_KEY) =>
  fetch(`${collector.url}${path}`, { headers: { authorization: `Bearer ${key}` } });

describe('through the running service', () => {
  it('guards the admin endpoints with the admin key, not the write key', async () => {
    expect((await admin('/v1/admin/report', WRITE_KEY)).status).toBe(403);
    expect((await fetch(`${collector.url}/v1/admin/report`)).status).toBe(401);
  });

  it('has no admin endpoints without an admin key', async () => {
    const plain = await startCollector({ port: 0, dbPath: ':memory:', writeKey: WRITE_KEY });
    try {
      expect((await fetch(`${plain.url}/v1/admin/report`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('serves the report as JSON and as HTML with SVG charts', async () => {
    const json = (await (await admin('/v1/admin/report?openGraceMs=0')).json()) as RetentionReport;
    expect(json.summary.find((row) => row.trafficSource === 'all')?.sessions).toBe(2);
    const html = await (await admin('/v1/admin/report?format=html&openGraceMs=0')).text();
    expect(html).toContain('<h1>Retention vs quality</h1>');
    expect(html.match(/<svg/g)?.length).toBe(4);
    const browser = await fetch(`${collector.url}/v1/admin/report?key=${ADMIN_KEY}`, {
      headers: { accept: 'text/html' },
    });
    expect(browser.headers.get('content-type')).toContain('text/html');
  });

  it('streams Parquet and NDJSON exports', async () => {
    const parquet = Buffer.from(await (await admin('/v1/admin/export/events.parquet')).arrayBuffer());
    expect(parquet.subarray(0, 4).toString()).toBe('PAR1');
    const ndjson = await (await admin('/v1/admin/export/session_facts.ndjson')).text();
    const lines = ndjson
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { session_id: string });
    expect(lines.map((line) => line.session_id).sort()).toEqual(['a', 'b']);
    expect((await admin('/v1/admin/export/secrets.parquet')).status).toBe(404);
  });
});

describe('from the file, with the service stopped', () => {
  it('exports files DuckDB reads back, and builds the same report', async () => {
    const viaService = (await (await admin('/v1/admin/report?openGraceMs=0')).json()) as RetentionReport;
    await collector.close();
    const store = await EventStore.open(dbPath, { readOnly: true });
    try {
      const paths = await exportTables(store, dir, 'parquet');
      expect(paths).toEqual([join(dir, 'events.parquet'), join(dir, 'session_facts.parquet')]);
      const [count] = await store.query(`SELECT count(*) AS n FROM read_parquet('${paths[0]}')`);
      expect(count!.n).toBe(BigInt(events.length));
      await exportTables(store, dir, 'ndjson', ['events']);
      expect(readFileSync(join(dir, 'events.ndjson'), 'utf8').trim().split('\n')).toHaveLength(events.length);
      const report = await buildRetentionReport(store, { openGraceMs: 0 });
      expect(report.summary).toEqual(viaService.summary);
      expect(await renderReport(report)).toContain('<svg');
    } finally {
      await store.close();
    }
  });
});
