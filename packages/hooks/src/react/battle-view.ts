/**
 * A battle store seen with its clock: a store whose snapshot is the battle
 * store's snapshot plus the time left, refreshed by one timer while time is
 * left. One per component (`useBattle` and `useBattleClock` create it), so
 * `useSyncExternalStore` subscribes once and one timer runs per component.
 */
import type { BattleState } from '../pk/battle-types.js';
import type { BattleClockSource } from '../pk/spectator.js';
import type { ReadableStore } from '../store/subscribable.js';

/**
 * A battle store's snapshot and its clock, as {@link useBattle} returns it:
 * a host's `BattleSnapshot` (with `relay`, `lastRejection`, `lastError`) or a
 * viewer's `SpectatorSnapshot` (with `hostId`), plus `remainingMs`.
 */
export type BattleView<T extends { battle: BattleState }> = T & {
  /**
   * Milliseconds left in the battle's timed phase (the answer window, the
   * countdown, the scoring time), from the inviter's timestamps and this
   * room's server time offset; 0 when idle, settling or showing the result.
   */
  readonly remainingMs: number;
};

/** The view of `source`, its time refreshed every `intervalMs` while time is left. */
export function battleView<T extends { battle: BattleState }>(
  source: BattleClockSource<T>,
  intervalMs: number,
): ReadableStore<BattleView<T>> {
  let seen: T | undefined;
  let view: BattleView<T> | undefined;
  const getSnapshot = (): BattleView<T> => {
    const snapshot = source.getSnapshot();
    // The time is read again only when the battle changes or the timer fires, so React reads a stable snapshot.
    if (view === undefined || snapshot !== seen) {
      seen = snapshot;
      view = { ...snapshot, remainingMs: source.remainingMs() };
    }
    return view;
  };
  const subscribe = (listener: () => void) => {
    let timer: ReturnType<typeof setInterval> | undefined;
    // One timer while time is left: none when idle, settling or in the result.
    const follow = () => {
      const running = getSnapshot().remainingMs > 0;
      if (running && timer === undefined) timer = setInterval(tick, intervalMs);
      if (!running && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
      }
    };
    const tick = () => {
      const current = getSnapshot();
      const remainingMs = source.remainingMs();
      if (remainingMs !== current.remainingMs) {
        view = { ...current, remainingMs };
        listener();
      }
      follow();
    };
    const stop = source.subscribe(() => {
      listener();
      follow();
    });
    follow();
    return () => {
      stop();
      clearInterval(timer);
    };
  };
  return { subscribe, getSnapshot };
}
