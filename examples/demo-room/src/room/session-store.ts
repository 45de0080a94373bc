/**
 * A tiny external store: a snapshot, replaced on every change, and
 * listeners. React reads it with `useSyncExternalStore`; the same object
 * works without React.
 */
export class SnapshotStore<S> {
  #snapshot: S;
  readonly #listeners = new Set<() => void>();

  constructor(initial: S) {
    this.#snapshot = initial;
  }

  /** The current snapshot (same object until something changes). */
  readonly getSnapshot = (): S => this.#snapshot;

  /** Calls `listener` after every change; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Replaces the snapshot with `patch` merged in, and notifies. */
  protected update(patch: Partial<S>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    for (const listener of this.#listeners) listener();
  }
}
