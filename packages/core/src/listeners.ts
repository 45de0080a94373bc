/**
 * Listening to several typed events of one emitter with one function to stop:
 * the room binds its provider this way, and stores and collectors built on a
 * room use it to listen without rxjs.
 */
import type { EventEmitter } from 'eventemitter3';
import { LiveroomError } from './errors.js';
import type { RoomEventMap } from './room-events.js';

type Listener = (...args: unknown[]) => void;

/** One optional listener per event of an eventemitter3 event map whose values are argument tuples. */
export type EventListeners<Events extends object> = {
  [E in keyof Events]?: (...args: Events[E] extends unknown[] ? Events[E] : never) => void;
};

/**
 * Adds each of `listeners` to `room` (or any eventemitter3 emitter) and
 * returns the function that removes exactly those (and no one else's
 * listeners for the same events). A listener left `undefined` is skipped;
 * one that is not a function throws `INVALID_CONFIG` before any is added.
 *
 * TypeScript cannot infer an event map through a subclass of the emitter
 * such as `Room` (eventemitter3 uses the map only in generic methods), so
 * this first overload names the room's map; the second serves other emitters.
 *
 * @example
 * ```ts
 * const stop = onEvents(room, {
 *   'participant-left': (participant, reason) => console.log(participant.id, reason),
 *   left: () => stop(),
 * });
 * ```
 */
export function onEvents(
  room: Pick<EventEmitter<RoomEventMap>, 'on' | 'off'>,
  listeners: EventListeners<RoomEventMap>,
): () => void;
/** Adds each of `listeners` to any eventemitter3 `emitter` typed with an event map of argument tuples. */
export function onEvents<Events extends object>(
  emitter: Pick<EventEmitter<Events>, 'on' | 'off'>,
  listeners: EventListeners<Events>,
): () => void;
export function onEvents<Events extends object>(
  emitter: Pick<EventEmitter<Events>, 'on' | 'off'>,
  listeners: EventListeners<Events>,
): () => void {
  // eventemitter3 types each listener from the same map; the cast only restates it for a generic map.
  const target = emitter as unknown as Record<'on' | 'off', (event: string, listener: Listener) => unknown>;
  const entries = Object.entries(listeners).filter(([, listener]) => listener !== undefined) as [string, Listener][];
  const wrong = entries.find(([, listener]) => typeof listener !== 'function');
  if (wrong) {
    throw new LiveroomError(
      'INVALID_CONFIG',
      `onEvents(): the listener for "${wrong[0]}" must be a function (or left out), e.g. { '${wrong[0]}': (...args) => … }.`,
    );
  }
  for (const [event, listener] of entries) target.on(event, listener);
  return () => {
    for (const [event, listener] of entries) target.off(event, listener);
  };
}
