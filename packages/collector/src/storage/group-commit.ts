/**
 * Group commit: requests that arrive while a transaction is running wait and
 * share the next one. One commit per request would cap ingest at the disk's
 * sync rate; one per group keeps the per-event cost near DuckDB's bulk path
 * while every request still resolves only after its own rows are committed
 * (decision 16).
 */
import type { EventRow } from './event-row.js';

/** What one write resolved to, per row: stored now, or already present. */
export type WriteOutcome = 'accepted' | 'duplicate';

/** The part of the store the committer needs (an `EventStore` in production). */
export interface RowSink {
  insert(rows: readonly EventRow[]): Promise<Set<string>>;
}

interface PendingWrite {
  rows: readonly EventRow[];
  resolve: (outcomes: WriteOutcome[]) => void;
  reject: (error: unknown) => void;
}

/** How groups are formed. */
export interface GroupPolicy {
  /** Upper bound on rows per transaction; a single larger write still goes in one. */
  maxRows: number;
  /**
   * How long a group waits for company, in ms, while it holds fewer than `maxRows` rows.
   * A commit has a fixed cost (in DuckDB about as much CPU as appending a few hundred rows),
   * so under load a few milliseconds of waiting buys much larger, cheaper groups; when
   * idle it only delays the answer by that much. `0` commits as soon as the last commit ends.
   */
  lingerMs: number;
}

/** Serialises writes into as few transactions as the load allows. */
export class GroupCommit {
  private queue: PendingWrite[] = [];
  private queuedRows = 0;
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly sink: RowSink,
    private readonly policy: GroupPolicy,
  ) {}

  /** Queues rows and resolves, after their commit, with one outcome per row. */
  write(rows: readonly EventRow[]): Promise<WriteOutcome[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      this.queuedRows += rows.length;
      if (this.queuedRows >= this.policy.maxRows) this.wake?.();
      this.running ??= this.drain();
    });
  }

  /** Resolves once every queued write has been committed or failed. */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      if (this.policy.lingerMs > 0 && this.queuedRows < this.policy.maxRows) await this.linger();
      const group = this.takeGroup();
      await this.commit(group);
    }
    this.running = undefined;
  }

  /** Waits up to `lingerMs` for the queue to reach `maxRows`. */
  private async linger(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.policy.lingerMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = undefined;
  }

  private takeGroup(): PendingWrite[] {
    const group: PendingWrite[] = [];
    let rows = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (group.length > 0 && rows + next.rows.length > this.policy.maxRows) break;
      group.push(next);
      rows += next.rows.length;
      this.queuedRows -= next.rows.length;
      this.queue.shift();
    }
    return group;
  }

  private async commit(group: PendingWrite[]): Promise<void> {
    // The first occurrence of an id in the group is the one inserted; later ones are duplicates.
    const firstOwner = new Map<string, EventRow>();
    for (const write of group)
      for (const row of write.rows) if (!firstOwner.has(row.eventId)) firstOwner.set(row.eventId, row);
    try {
      const inserted = await this.sink.insert([...firstOwner.values()]);
      for (const write of group) {
        write.resolve(
          write.rows.map((row) =>
            firstOwner.get(row.eventId) === row && inserted.has(row.eventId) ? 'accepted' : 'duplicate',
          ),
        );
      }
    } catch (error) {
      for (const write of group) write.reject(error);
    }
  }
}
