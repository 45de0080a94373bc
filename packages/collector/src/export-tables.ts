/**
 * Exports for data teams: the raw events and the per-session table as
 * Parquet or NDJSON files, written by DuckDB's `COPY … TO`.
 */
import { join } from 'node:path';
import type { EventStore } from './storage/event-store.js';

/** What can be exported. */
export const EXPORTABLE_TABLES = ['events', 'session_facts'] as const;
/** One of {@link EXPORTABLE_TABLES}. */
export type ExportableTable = (typeof EXPORTABLE_TABLES)[number];
/** Output formats. */
export type ExportFormat = 'parquet' | 'ndjson';

const COPY_OPTIONS: Record<ExportFormat, string> = {
  parquet: 'FORMAT parquet, COMPRESSION zstd',
  ndjson: 'FORMAT json',
};

/** The file name an export of `table` gets. */
export function exportFileName(table: ExportableTable, format: ExportFormat): string {
  return `${table}.${format}`;
}

/** Writes one table to `path`. */
export async function exportTable(
  store: EventStore,
  table: ExportableTable,
  format: ExportFormat,
  path: string,
): Promise<void> {
  if (!EXPORTABLE_TABLES.includes(table)) throw new TypeError(`Cannot export "${table}".`);
  const order = table === 'events' ? 'session_id, seq' : 'started_at';
  await store.execute(
    `COPY (SELECT * FROM ${table} ORDER BY ${order}) TO '${path.replaceAll("'", "''")}' (${COPY_OPTIONS[format]})`,
  );
}

/** Writes each of `tables` into `dir`; returns the paths written. */
export async function exportTables(
  store: EventStore,
  dir: string,
  format: ExportFormat,
  tables: readonly ExportableTable[] = EXPORTABLE_TABLES,
): Promise<string[]> {
  const paths: string[] = [];
  for (const table of tables) {
    const path = join(dir, exportFileName(table, format));
    await exportTable(store, table, format, path);
    paths.push(path);
  }
  return paths;
}
