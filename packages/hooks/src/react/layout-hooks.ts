/** Hooks over a {@link LayoutStore}. */
import { useEffect, useRef } from 'react';
import type { LayoutStore } from '../layout/layout-store.js';
import type { Layout } from '../layout/layout-types.js';
import { type Equality, type Selector, useStore } from './use-store.js';

/**
 * The stage layout, or a selection of it (e.g. one participant's tile).
 *
 * @example
 * ```tsx
 * const tile = useLayout(stage, (l) => l.tiles.find((t) => t.participantId === id));
 * ```
 */
export function useLayout<S = Layout>(store: LayoutStore, selector?: Selector<Layout, S>, isEqual?: Equality<S>): S {
  return useStore(store, selector, isEqual);
}

/**
 * A ref for the stage element: its size feeds `store.setContainer` through
 * a `ResizeObserver`, so the layout follows the element.
 *
 * @example
 * ```tsx
 * const ref = useStageContainer(stage);
 * return <div ref={ref} className="stage">…</div>;
 * ```
 */
export function useStageContainer<E extends HTMLElement>(store: LayoutStore) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) store.setContainer({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [store]);
  return ref;
}
