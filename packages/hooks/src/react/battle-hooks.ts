/**
 * Hooks over a battle: a host's {@link BattleStore} or a viewer's
 * {@link SpectatorStore}, read through the contract they share
 * ({@link BattleClockSource}), with the battle clock ticking on screen.
 */
import { useMemo } from 'react';
import type { BattleStore } from '../pk/battle-store.js';
import type { BattleState } from '../pk/battle-types.js';
import type { BattleClockSource, SpectatorStore } from '../pk/spectator.js';
import { type BattleView, battleView } from './battle-view.js';
import { type Equality, type Selector, useStore } from './use-store.js';

/** How often the time left is refreshed while it runs, unless `useBattleClock` is told otherwise. */
const TICK_MS = 250;

/** This component's view of `store` with its clock (one timer, cleared on unmount). */
function useBattleView<T extends { battle: BattleState }>(store: BattleClockSource<T>, intervalMs: number) {
  return useMemo(() => battleView(store, intervalMs), [store, intervalMs]);
}

/**
 * The battle of a host's {@link BattleStore} or a viewer's
 * {@link SpectatorStore}, with `remainingMs`, the time left in its timed
 * phase. The time is refreshed every 250 ms by one timer per component,
 * only while time is left (no timer when idle, settling or in the result),
 * and the timer stops on unmount. Typed after the store: a host also gets
 * `relay`, `lastRejection` and `lastError`, a viewer `hostId`.
 *
 * With a selector the component re-renders only when the selection changes,
 * so one that selects the phase ignores both the clock and refused messages.
 *
 * @example
 * ```tsx
 * const { battle, remainingMs } = useBattle(pk); // a BattleStore or a SpectatorStore
 * if (battle.phase === 'active') return <ScoreBar scores={battle.scores} seconds={Math.ceil(remainingMs / 1000)} />;
 * ```
 */
export function useBattle<T extends { battle: BattleState }, S = BattleView<T>>(
  store: BattleClockSource<T>,
  selector?: Selector<BattleView<T>, S>,
  isEqual?: Equality<S>,
): S {
  return useStore(useBattleView(store, TICK_MS), selector, isEqual);
}

/** Alias of {@link useBattle}, under the name live-commerce teams use. */
export const usePk = useBattle;

const selectRemaining = (view: { remainingMs: number }) => view.remainingMs;

/**
 * Milliseconds left in the battle's current timed phase, refreshed every
 * `intervalMs` while time is left. Every viewer reads the same figure: it
 * comes from the inviter's timestamps and the room's server time offset.
 * Works on a `BattleStore` and a `SpectatorStore`; {@link useBattle} returns
 * it too, with the battle.
 */
export function useBattleClock(store: BattleClockSource, intervalMs = TICK_MS): number {
  return useStore(useBattleView(store, intervalMs), selectRemaining);
}
