/**
 * `liveroom-collector serve | report | export`.
 *
 * `serve` alone opens the database for writing (decision 16). `report` and
 * `export` either open the file read-only while `serve` is stopped (`--db`),
 * or go through a running service's admin endpoints (`--url` + `--admin-key`).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCollector } from './collector.js';
import {
  EXPORTABLE_TABLES,
  type ExportableTable,
  type ExportFormat,
  exportFileName,
  exportTables,
} from './export-tables.js';
import type { CollectorOptions } from './options.js';
import { renderReport } from './report/render-report.js';
import { buildRetentionReport, type RetentionReport } from './report/retention-report.js';
import { CollectorError } from './storage/collector-error.js';
import { EventStore } from './storage/event-store.js';

const USAGE = `Usage:
  liveroom-collector serve  [--port 8788] [--host 127.0.0.1] [--db FILE] --write-key KEY[,KEY2] [--admin-key KEY]
                            [--max-body-bytes N] [--max-future-skew-ms MS] [--rate-per-second N] [--rate-burst N]
                            [--cors-origins '*'|ORIGIN,ORIGIN] [--trust-proxy]
  liveroom-collector report [--db FILE | --url URL --admin-key KEY] [--out report.html] [--json] [--open-grace-ms MS]
  liveroom-collector export [--db FILE | --url URL --admin-key KEY] [--out-dir DIR] [--format parquet|ndjson] [--tables events,session_facts]

Keys may also come from LIVEROOM_WRITE_KEY and LIVEROOM_ADMIN_KEY.
report and export with --db need the service stopped; with --url they go through it.`;

const DEFAULT_DB = 'liveroom-telemetry.duckdb';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    db: { type: 'string' },
    'write-key': { type: 'string' },
    'admin-key': { type: 'string' },
    url: { type: 'string' },
    out: { type: 'string' },
    'out-dir': { type: 'string', default: '.' },
    json: { type: 'boolean', default: false },
    format: { type: 'string', default: 'parquet' },
    tables: { type: 'string', default: EXPORTABLE_TABLES.join(',') },
    'open-grace-ms': { type: 'string' },
    'max-body-bytes': { type: 'string' },
    'max-future-skew-ms': { type: 'string' },
    'rate-per-second': { type: 'string' },
    'rate-burst': { type: 'string' },
    'cors-origins': { type: 'string' },
    'trust-proxy': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
const adminKey = values['admin-key'] ?? process.env.LIVEROOM_ADMIN_KEY;

/** `{ [key]: number }` when the flag was given, else nothing (options must not hold `undefined`). */
function numberFlag<K extends string>(key: K, text: string | undefined): Partial<Record<K, number>> {
  return (text === undefined ? {} : { [key]: Number(text) }) as Partial<Record<K, number>>;
}

async function serve(): Promise<void> {
  const writeKey = values['write-key'] ?? process.env.LIVEROOM_WRITE_KEY;
  if (!writeKey) throw new Error('serve needs --write-key (or LIVEROOM_WRITE_KEY).');
  const origins = values['cors-origins'];
  const options: CollectorOptions = {
    writeKey: writeKey.split(','),
    dbPath: values.db ?? DEFAULT_DB,
    trustProxy: values['trust-proxy'],
    ...numberFlag('port', values.port),
    ...(values.host === undefined ? {} : { host: values.host }),
    ...(adminKey === undefined ? {} : { adminKey }),
    ...(origins === undefined ? {} : { corsOrigins: origins === '*' ? '*' : origins.split(',') }),
    ...numberFlag('maxBodyBytes', values['max-body-bytes']),
    ...numberFlag('maxFutureSkewMs', values['max-future-skew-ms']),
    rateLimit: { ...numberFlag('perSecond', values['rate-per-second']), ...numberFlag('burst', values['rate-burst']) },
  };
  const collector = await startCollector(options);
  // One JSON line, so a parent process (tests, the demo) can read the URL.
  console.log(JSON.stringify({ listening: collector.url }));
  const stop = () => {
    collector.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function viaService(path: string): Promise<Response> {
  if (!adminKey) throw new Error('--url needs --admin-key (or LIVEROOM_ADMIN_KEY).');
  const response = await fetch(new URL(path, values.url), { headers: { authorization: `Bearer ${adminKey}` } });
  if (!response.ok) throw new Error(`${response.status} from the service: ${await response.text()}`);
  return response;
}

async function withStore<T>(use: (store: EventStore) => Promise<T>): Promise<T> {
  const path = values.db ?? DEFAULT_DB;
  let store: EventStore;
  try {
    store = await EventStore.open(path, { readOnly: true });
  } catch (error) {
    if (error instanceof CollectorError) throw error; // DB_LOCKED already says who holds it and what to do
    throw new Error(
      `Could not open ${path} read-only (${(error as Error).message.split('\n')[0]}). If serve is running, stop it or use --url with --admin-key.`,
    );
  }
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

async function report(): Promise<void> {
  const grace = values['open-grace-ms'];
  let figures: RetentionReport;
  if (values.url) {
    figures = (await (
      await viaService(`/v1/admin/report${grace ? `?openGraceMs=${grace}` : ''}`)
    ).json()) as RetentionReport;
  } else {
    figures = await withStore((store) => buildRetentionReport(store, grace ? { openGraceMs: Number(grace) } : {}));
  }
  const text = values.json ? `${JSON.stringify(figures, null, 2)}\n` : await renderReport(figures);
  if (values.out) {
    await writeFile(values.out, text);
    console.error(`wrote ${values.out}`);
  } else {
    process.stdout.write(text);
  }
}

async function exportCommand(): Promise<void> {
  const format = values.format as ExportFormat;
  if (format !== 'parquet' && format !== 'ndjson') throw new Error('--format must be parquet or ndjson.');
  const tables = values.tables.split(',').map((t) => t.trim()) as ExportableTable[];
  const unknown = tables.filter((t) => !EXPORTABLE_TABLES.includes(t));
  if (unknown.length > 0) throw new Error(`Unknown tables: ${unknown.join(', ')}.`);
  const dir = values['out-dir'];
  if (values.url) {
    for (const table of tables) {
      const name = exportFileName(table, format);
      const response = await viaService(`/v1/admin/export/${name}`);
      await writeFile(join(dir, name), Buffer.from(await response.arrayBuffer()));
      console.error(`wrote ${join(dir, name)}`);
    }
    return;
  }
  const paths = await withStore((store) => exportTables(store, dir, format, tables));
  for (const path of paths) console.error(`wrote ${path}`);
}

const commands: Record<string, () => Promise<void>> = { serve, report, export: exportCommand };
const command = commands[positionals[0] ?? ''];
if (values.help || !command) {
  console.error(USAGE);
  process.exitCode = values.help ? 0 : 2;
} else {
  command().catch((error: unknown) => {
    const code = error instanceof CollectorError ? `${error.code}: ` : '';
    console.error(`liveroom-collector: ${code}${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
