/**
 * The DuckDB file behind the collector: one `events` table keyed on
 * `eventId` (decision 16) and the analysis views on top of it.
 *
 * One process opens the file for writing (`serve`); DuckDB's own file lock
 * turns a second writer away. Reports and exports open it read-only while
 * the service is stopped, or go through the service's endpoints.
 */
import { type DuckDBAppender, type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { type EventRow, eventColumnsDdl } from './event-row.js';
import { createViews } from './views.js';

/** How to open the file. */
export interface OpenStoreOptions {
  /** Open without write access: for `report` and `export` while `serve` is stopped. */
  readOnly?: boolean;
}

const STAGING = 'events_staging';

/** Plain JS values of one result row (BIGINT as bigint, JSON as string). */
export type ResultRow = Record<string, unknown>;

/** The collector's database: owns the DuckDB instance and its connections. */
export class EventStore {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    /** True when opened read-only. */
    readonly readOnly: boolean,
  ) {}

  /** Opens (and on first write-open, creates) the database file. */
  static async open(path: string, options: OpenStoreOptions = {}): Promise<EventStore> {
    const readOnly = options.readOnly ?? false;
    const instance = await DuckDBInstance.create(path, readOnly ? { access_mode: 'READ_ONLY' } : {});
    const writer = await instance.connect();
    const reader = await instance.connect();
    if (!readOnly) {
      await writer.run(`CREATE TABLE IF NOT EXISTS events ${eventColumnsDdl(true)}`);
      await writer.run(`CREATE TEMP TABLE IF NOT EXISTS ${STAGING} ${eventColumnsDdl(false)}`);
      await createViews(writer);
    } else {
      await createViews(reader, true);
    }
    return new EventStore(instance, writer, reader, readOnly);
  }

  /**
   * Inserts rows in one transaction and returns the ids it stored; ids
   * already in the table are left alone (they are retries). Callers must
   * not pass the same id twice. Resolves only after the commit.
   */
  async insert(rows: readonly EventRow[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    await this.writer.run('BEGIN TRANSACTION');
    try {
      const appender = await this.writer.createAppender(STAGING, 'main', 'temp');
      for (const row of rows) appendRow(appender, row);
      appender.closeSync();
      const inserted = await this.writer.runAndReadAll(
        `INSERT OR IGNORE INTO events SELECT * FROM ${STAGING} RETURNING event_id`,
      );
      await this.writer.run(`DELETE FROM ${STAGING}`);
      await this.writer.run('COMMIT');
      return new Set(inserted.getColumnsJS()[0]?.map(String) ?? []);
    } catch (error) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      await this.writer.run(`DELETE FROM ${STAGING}`).catch(() => undefined);
      throw error;
    }
  }

  /** Runs a read query on the reader connection and returns its rows as plain JS values. */
  async query(sql: string, params?: Record<string, string | number | boolean>): Promise<ResultRow[]> {
    const reader = await this.reader.runAndReadAll(sql, params);
    return reader.getRowObjectsJS();
  }

  /** Runs a statement that returns nothing useful (e.g. `COPY … TO`) on the reader connection. */
  async execute(sql: string): Promise<void> {
    await this.reader.run(sql);
  }

  /** Checkpoints (so the file is complete without its WAL) and closes. */
  async close(): Promise<void> {
    if (!this.readOnly) await this.writer.run('CHECKPOINT').catch(() => undefined);
    this.writer.closeSync();
    this.reader.closeSync();
    this.instance.closeSync();
  }
}

function appendRow(appender: DuckDBAppender, row: EventRow): void {
  appender.appendVarchar(row.eventId);
  appender.appendVarchar(row.schema);
  appender.appendInteger(row.version);
  appender.appendVarchar(row.type);
  appender.appendBigInt(BigInt(Math.round(row.ts)));
  appender.appendBigInt(BigInt(row.receivedAt));
  appender.appendBigInt(BigInt(row.seq));
  appender.appendVarchar(row.sessionId);
  appender.appendVarchar(row.roomId);
  appender.appendVarchar(row.userId);
  appender.appendVarchar(row.role);
  appender.appendVarchar(row.provider);
  appender.appendVarchar(row.sdkVersion);
  appender.appendInteger(row.dropped);
  appender.appendVarchar(row.context);
  appender.appendVarchar(row.attrs);
  appender.appendVarchar(row.body);
  appender.endRow();
}
