/**
 * Errors the collector raises about its own state, as opposed to a client's
 * request (those are `RequestError`s, answered with a 4xx). Operators and
 * scripts branch on `code`; the message says what to do.
 */

/**
 * Every code a {@link CollectorError} can carry.
 *
 * - `DB_LOCKED`: another process holds the DuckDB file's lock, usually a second
 *   `liveroom-collector serve` on the same file (DuckDB lets one process write a file,
 *   decision 16). `lockedPath`, `holderPid` and `holderProgram` say which file and who.
 */
export type CollectorErrorCode = 'DB_LOCKED';

/** Details of a {@link CollectorError}. */
export interface CollectorErrorDetails {
  /** The underlying error (DuckDB's). */
  cause?: unknown;
  /** The database file that could not be opened, for `DB_LOCKED`. */
  lockedPath?: string;
  /** Process id of the lock's holder, when DuckDB names it. */
  holderPid?: number;
  /** Executable of the lock's holder (e.g. `/usr/bin/node`), when DuckDB names it. */
  holderProgram?: string;
}

/**
 * The error the collector throws when it cannot run as asked.
 *
 * @example
 * ```ts
 * try { await startCollector({ dbPath, writeKey }); }
 * catch (e) { if (e instanceof CollectorError && e.code === 'DB_LOCKED') console.error(`stop PID ${e.holderPid}`); }
 * ```
 */
export class CollectorError extends Error {
  /** Stable, machine-readable code: branch on this. */
  readonly code: CollectorErrorCode;
  /** The database file that could not be opened, for `DB_LOCKED`. */
  readonly lockedPath: string | undefined;
  /** Process id of the lock's holder, when known. */
  readonly holderPid: number | undefined;
  /** Executable of the lock's holder, when known. */
  readonly holderProgram: string | undefined;

  constructor(code: CollectorErrorCode, message: string, details: CollectorErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'CollectorError';
    this.code = code;
    this.lockedPath = details.lockedPath;
    this.holderPid = details.holderPid;
    this.holderProgram = details.holderProgram;
  }
}

/**
 * DuckDB's words for a file another process has locked, e.g. `IO Error: Could not set lock
 * on file "/data/t.duckdb": Conflicting lock is held in /usr/bin/node (PID 2502)`.
 */
const LOCK_MESSAGE =
  /Could not set lock on file "(?<path>[^"]*)"(?:: Conflicting lock is held in (?<program>.+?) \(PID (?<pid>\d+)\))?/;

/**
 * Turns DuckDB's lock failure on opening `path` into a `DB_LOCKED` error that says who holds
 * the file and what to do; any other error comes back unchanged.
 */
export function lockedDatabaseError(error: unknown, path: string, readOnly: boolean): unknown {
  const match = error instanceof Error ? LOCK_MESSAGE.exec(error.message) : null;
  if (match?.groups === undefined) return error;
  const { program, pid } = match.groups;
  const holder = pid === undefined ? 'another process' : `process ${pid} (${program})`;
  const advice = readOnly
    ? 'Stop the running `liveroom-collector serve`, or read through it with --url and --admin-key.'
    : 'Stop the other `liveroom-collector serve` (or whatever holds the file), or give this one its own file with --db (dbPath).';
  return new CollectorError('DB_LOCKED', `The database file ${path} is locked by ${holder}. ${advice}`, {
    cause: error,
    lockedPath: path,
    ...(pid === undefined ? {} : { holderPid: Number(pid) }),
    ...(program === undefined ? {} : { holderProgram: program }),
  });
}
