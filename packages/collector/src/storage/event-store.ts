/**
 * The DuckDB file behind the collector: one `events` table keyed on
 * `eventId` (decision 16) and the analysis views on top of it.
 *
 * One process opens the file for writing (`serve`); DuckDB's own file lock
 * turns a second writer away, which `open` reports as a `DB_LOCKED`
 * `CollectorError`. Reports and exports open it read-only while the
 * service is stopped, or go through the service's endpoints.
 */
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { lockedDatabaseError } from './collector-error.js';
import { appendEventRow, type EventRow, eventColumnsDdl } from './event-row.js';
import { createViews } from './views.js';

/** How to open the file. */
export interface OpenStoreOptions {
  /** Open without write access: for `report` and `export` while `serve` is stopped. */
  readOnly?: boolean;
  /**
   * WAL size at which a commit also checkpoints (DuckDB's `checkpoint_threshold`, default 16 MiB).
   * A checkpoint rewrites the WAL's rows into the file and holds up that commit, so ingest
   * raises it to checkpoint less often, in bigger steps.
   */
  checkpointThresholdBytes?: number;
}

const STAGING = 'events_staging';

/**
 * Most rows appended outside a transaction. DuckDB's appender flushes by itself every
 * 204,800 rows (100 vectors), and each of those flushes would commit on its own, so a
 * larger insert runs inside an explicit transaction to stay all-or-nothing.
 */
const ONE_FLUSH_ROWS = 100_000;

/** Plain JS values of one result row (BIGINT as bigint, JSON as string). */
export type ResultRow = Record<string, unknown>;

/** The collector's database: owns the DuckDB instance and its connections. */
export class EventStore {
  private readerTail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly writer: DuckDBConnection,
    private readonly reader: DuckDBConnection,
    /** True when opened read-only. */
    readonly readOnly: boolean,
  ) {}

  /**
   * Opens (and on first write-open, creates) the database file. Rejects with a `DB_LOCKED`
   * `CollectorError` when another process holds the file.
   */
  static async open(path: string, options: OpenStoreOptions = {}): Promise<EventStore> {
    const readOnly = options.readOnly ?? false;
    const config: Record<string, string> = readOnly ? { access_mode: 'READ_ONLY' } : {};
    if (options.checkpointThresholdBytes !== undefined) {
      config.checkpoint_threshold = `${Math.ceil(options.checkpointThresholdBytes / 1024)}KiB`;
    }
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, config);
    } catch (error) {
      throw lockedDatabaseError(error, path, readOnly);
    }
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
    // Retries are rare, so first try DuckDB's fastest path: append straight into the keyed table.
    // A stored id makes the key reject the append; then the whole transaction is rolled back and
    // redone through the staging table, which skips stored ids and says which rows it inserted.
    try {
      // Outside a transaction the appender's flush is its own transaction, committed when it
      // returns: the bench's direct path, and cheaper per commit than BEGIN + append + COMMIT.
      if (rows.length <= ONE_FLUSH_ROWS) await this.appendRows('events', rows);
      else await this.inTransaction(() => this.appendRows('events', rows));
      return new Set(rows.map((row) => row.eventId));
    } catch (error) {
      if (!isKeyViolation(error)) throw error;
    }
    return this.inTransaction(async () => {
      await this.appendRows(STAGING, rows, 'temp');
      const inserted = await this.writer.runAndReadAll(
        `INSERT OR IGNORE INTO events SELECT * FROM ${STAGING} RETURNING event_id`,
      );
      await this.writer.run(`DELETE FROM ${STAGING}`);
      return new Set(inserted.getColumnsJS()[0]?.map(String) ?? []);
    });
  }

  private async appendRows(table: string, rows: readonly EventRow[], catalog?: string): Promise<void> {
    const appender = await this.writer.createAppender(table, 'main', catalog);
    try {
      for (const row of rows) appendEventRow(appender, row);
      appender.flushSync();
    } catch (error) {
      // Drop the rows that failed before closing: an appender flushes whatever it still
      // holds when it is closed or garbage-collected, and that late flush would abort the
      // writer's next transaction ("Current transaction is aborted"). The caller rolls back.
      appender.clear();
      appender.closeSync();
      throw error;
    }
    appender.closeSync();
  }

  /** Runs `work` in one transaction on the writer connection: committed on success, rolled back on failure. */
  private async inTransaction<T>(work: () => Promise<T>): Promise<T> {
    await this.writer.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await this.writer.run('COMMIT');
      return result;
    } catch (error) {
      await this.writer.run('ROLLBACK').catch(() => undefined);
      await this.writer.run(`DELETE FROM ${STAGING}`).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Appends rows straight into `events` with DuckDB's appender, without the
   * dedupe step: only for trusted rows with unique ids (backfills, and the
   * ingest bench's baseline). An id already stored makes it fail.
   */
  appendUnchecked(rows: readonly EventRow[]): Promise<void> {
    return this.appendRows('events', rows);
  }

  /** Runs a read query on the reader connection and returns its rows as plain JS values. */
  query(sql: string, params?: Record<string, string | number | boolean>): Promise<ResultRow[]> {
    return this.onReader(async () => (await this.reader.runAndReadAll(sql, params)).getRowObjectsJS());
  }

  /** Runs a statement that returns nothing useful (e.g. `COPY … TO`) on the reader connection. */
  execute(sql: string): Promise<void> {
    return this.onReader(async () => {
      await this.reader.run(sql);
    });
  }

  /** One statement at a time on the reader connection: health checks, reports and exports may overlap. */
  private onReader<T>(task: () => Promise<T>): Promise<T> {
    const result = this.readerTail.then(task);
    this.readerTail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Checkpoints (so the file is complete without its WAL) and closes. */
  async close(): Promise<void> {
    if (!this.readOnly) await this.writer.run('CHECKPOINT').catch(() => undefined);
    this.writer.closeSync();
    this.reader.closeSync();
    this.instance.closeSync();
  }
}

/** True for DuckDB's primary-key violation (an `eventId` already stored). */
function isKeyViolation(error: unknown): boolean {
  return (
    error instanceof Error && /constraint/i.test(error.message) && /duplicate key|primary key/i.test(error.message)
  );
}
