/**
 * The clock the battle store reads and schedules with. Injected so tests
 * (and apps with their own time source) control time exactly.
 */

/** An opaque timer handle. */
export type TimerHandle = unknown;

/** Local time and timers. */
export interface BattleClock {
  /** Local epoch ms (the store adds the room's `serverTimeOffsetMs`). */
  now(): number;
  /** Calls `callback` once after `delayMs` ms; returns the handle that {@link BattleClock.clearTimeout} takes. */
  setTimeout(callback: () => void, delayMs: number): TimerHandle;
  /** Cancels a timer of {@link BattleClock.setTimeout} that has not fired yet. */
  clearTimeout(handle: TimerHandle): void;
}

/** The browser's clock: `Date.now()` and the global timers. */
export const systemClock: BattleClock = {
  now: () => Date.now(),
  // Property names bind nothing: these call the global timers.
  setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
