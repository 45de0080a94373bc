/**
 * The one React binding every hook goes through: `useSyncExternalStore`
 * over a {@link ReadableStore}, with a selector. The selection is cached per
 * snapshot and selector, and a new selection equal (by `isEqual`) to the last one is
 * replaced by the last one, so React sees no change and skips the render.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { ReadableStore } from '../store/subscribable.js';

/** Picks the part of a snapshot a component needs. */
export type Selector<T, S> = (snapshot: T) => S;
/** Decides whether two selections are the same (default `Object.is`; use `shallowEqual` for derived arrays). */
export type Equality<S> = (a: S, b: S) => boolean;

const identity = <T>(value: T) => value;

/**
 * Reads a store in a component and re-renders only when the selected slice
 * changes.
 *
 * @example
 * ```tsx
 * const phase = useStore(battleStore, (s) => s.battle.phase);
 * ```
 */
export function useStore<T, S = T>(
  store: ReadableStore<T>,
  selector: Selector<T, S> = identity as Selector<T, S>,
  isEqual: Equality<S> = Object.is,
): S {
  const last = useRef<{ snapshot: T; selector: Selector<T, S>; selection: S } | undefined>(undefined);
  const select = useCallback(() => {
    const snapshot = store.getSnapshot();
    const cached = last.current;
    if (cached && Object.is(cached.snapshot, snapshot) && cached.selector === selector) return cached.selection;
    const fresh = selector(snapshot);
    const selection = cached && isEqual(cached.selection, fresh) ? cached.selection : fresh;
    last.current = { snapshot, selector, selection };
    return selection;
  }, [store, selector, isEqual]);
  return useSyncExternalStore(store.subscribe, select, select);
}
