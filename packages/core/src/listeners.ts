/**
 * Listening to several typed events of one emitter with one function to stop:
 * the room binds its provider this way, and stores and collectors built on a
 * room use it to listen without rxjs.
 */
import type { EventEmitter } from 'eventemitter3';

type Listener = (...args: unknown[]) => void;

/** One optional listener per event of an eventemitter3 event map whose values are argument tuples. */
export type EventListeners<Events extends object> = {
  [E in keyof Events]?: (...args: Events[E] extends unknown[] ? Events[E] : never) => void;
};

/**
 * Adds each of `listeners` to `emitter` and returns the function that removes
 * exactly those (and no one else's listeners for the same events).
 *
 * @example
 * ```ts
 * const stop = onEvents(room, {
 *   'participant-left': (participant, reason) => console.log(participant.id, reason),
 *   left: () => stop(),
 * });
 * ```
 */
export function onEvents<Events extends object>(
  emitter: Pick<EventEmitter<Events>, 'on' | 'off'>,
  listeners: EventListeners<Events>,
): () => void {
  // eventemitter3 types each listener from the same map; the cast only restates it for a generic map.
  const target = emitter as unknown as Record<'on' | 'off', (event: string, listener: Listener) => unknown>;
  const entries = Object.entries(listeners) as [string, Listener][];
  for (const [event, listener] of entries) target.on(event, listener);
  return () => {
    for (const [event, listener] of entries) target.off(event, listener);
  };
}
