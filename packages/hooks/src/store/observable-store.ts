/**
 * A store fed by an rxjs observable: how core's public observables
 * (`room.participants$`, `room.connectionState$`, …) become snapshots that
 * `useSyncExternalStore` can read at any time.
 */
import type { Observable, Subscription } from 'rxjs';
import { type ReadableStore, ValueStore } from './subscribable.js';

/**
 * Holds the latest value of `source` (subscribed at once, so the snapshot is
 * always current, even before anyone listens). Call `destroy()` to stop.
 */
export class ObservableStore<T> extends ValueStore<T> implements ReadableStore<T> {
  readonly #subscription: Subscription;

  constructor(source: Observable<T>, initial: T) {
    super(initial);
    this.#subscription = source.subscribe((value) => this.set(value));
  }

  /** Stops following the source; the last snapshot stays readable. */
  destroy(): void {
    this.#subscription.unsubscribe();
  }
}
