/**
 * The one seam a UI framework needs: `subscribe(listener)` and
 * `getSnapshot()`, the contract of React's `useSyncExternalStore` (after
 * TanStack Query's 30-line `Subscribable`). Every store in this package is one.
 */

/** A listener that is told "something changed"; it reads the new snapshot itself. */
export type StoreListener = () => void;

/**
 * A read-only store: an immutable snapshot that is replaced, never mutated,
 * on change, so consumers can compare snapshots by reference.
 */
export interface ReadableStore<T> {
  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: StoreListener): () => void;
  /** The current snapshot (the same reference until something changes). */
  getSnapshot(): T;
}

/**
 * Base class that keeps listeners. `subscribe` is an arrow property so it can
 * be passed to `useSyncExternalStore` without binding.
 */
export abstract class Subscribable {
  readonly #listeners = new Set<StoreListener>();

  /** Registers a listener; returns the function that removes it. */
  readonly subscribe = (listener: StoreListener): (() => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  /** True while anyone listens. */
  hasListeners(): boolean {
    return this.#listeners.size > 0;
  }

  /** Tells every listener that the snapshot changed. */
  protected notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/**
 * A store holding one value. `set()` notifies only when the value changes by
 * reference (`Object.is`), so an unchanged snapshot never re-renders anything.
 */
export class ValueStore<T> extends Subscribable implements ReadableStore<T> {
  #value: T;

  constructor(initial: T) {
    super();
    this.#value = initial;
  }

  /** The current value. */
  readonly getSnapshot = (): T => this.#value;

  /** Replaces the value and notifies listeners when it changed. */
  set(next: T): void {
    if (Object.is(next, this.#value)) return;
    this.#value = next;
    this.notify();
  }
}
