/** Hooks over a {@link BattleStore}: its state, and its clock ticking on screen. */
import { useEffect, useState } from 'react';
import type { BattleSnapshot, BattleStore } from '../pk/battle-store.js';
import type { BattleClockSource, SpectatorSnapshot, SpectatorStore } from '../pk/spectator.js';
import { type Equality, type Selector, useStore } from './use-store.js';

/**
 * The battle snapshot, or a selection of it.
 *
 * @example
 * ```tsx
 * const phase = useBattle(battle, (s) => s.battle.phase);
 * ```
 */
export function useBattle<S = BattleSnapshot>(
  store: BattleStore,
  selector?: Selector<BattleSnapshot, S>,
  isEqual?: Equality<S>,
): S {
  return useStore(store, selector, isEqual);
}

/** Alias of {@link useBattle}, under the name live-commerce teams use. */
export const usePk = useBattle;

/**
 * A viewer's mirror of the host's battle ({@link SpectatorStore}), or a selection of it.
 *
 * @example
 * ```tsx
 * const scores = useSpectator(pk, (s) => (s.battle.phase === 'active' ? s.battle.scores : undefined));
 * ```
 */
export function useSpectator<S = SpectatorSnapshot>(
  store: SpectatorStore,
  selector?: Selector<SpectatorSnapshot, S>,
  isEqual?: Equality<S>,
): S {
  return useStore(store, selector, isEqual);
}

/**
 * Milliseconds left in the battle's current timed phase, refreshed every
 * `intervalMs` while a phase is timed. Every viewer reads the same figure:
 * it comes from the inviter's timestamps and the room's server time offset.
 */
export function useBattleClock(store: BattleClockSource, intervalMs = 250): number {
  const phase = useStore(store, (s) => s.battle.phase);
  const [remaining, setRemaining] = useState(() => store.remainingMs());
  useEffect(() => {
    setRemaining(store.remainingMs());
    if (phase === 'idle' || phase === 'settling' || phase === 'result') return;
    const timer = setInterval(() => setRemaining(store.remainingMs()), intervalMs);
    return () => clearInterval(timer);
  }, [store, phase, intervalMs]);
  return remaining;
}
