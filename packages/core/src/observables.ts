/**
 * Room events and room state as rxjs observables, typed from {@link RoomEventMap}.
 * Both are built on the room's own events, so the events stay the one source
 * of truth and the browser bundle carries rxjs's `Observable` but no `Subject`.
 */
import type { EventEmitter } from 'eventemitter3';
import { Observable } from 'rxjs';
import { type EventListeners, onEvents } from './listeners.js';
import type { RoomEventMap, RoomEventName } from './room-events.js';

/**
 * An observable of one room event. Emits the event's arguments as a tuple;
 * unsubscribing removes the listener.
 *
 * @example
 * ```ts
 * roomEvent$(room, 'participant-left').subscribe(([participant, reason]) => …);
 * ```
 */
export function roomEvent$<E extends RoomEventName>(
  room: Pick<EventEmitter<RoomEventMap>, 'on' | 'off'>,
  event: E,
): Observable<RoomEventMap[E]> {
  return new Observable<RoomEventMap[E]>((subscriber) =>
    onEvents(room, { [event]: (...args: RoomEventMap[E]) => subscriber.next(args) } as EventListeners<RoomEventMap>),
  );
}

/**
 * An observable of one piece of room state: emits `read()` on subscribe, then
 * again after each of `changedBy` whose handling changed it (compared by
 * identity, so the readers return immutable snapshots). Unsubscribing removes
 * its listeners.
 *
 * @param changedBy - every room event emitted after the state changes, besides
 * `connection-state-changed`, which is always listened to: a session's
 * teardown (and every state it resets) ends with it.
 */
export function roomState$<T>(
  room: Pick<EventEmitter<RoomEventMap>, 'on' | 'off'>,
  changedBy: readonly RoomEventName[],
  read: () => T,
): Observable<T> {
  return new Observable<T>((subscriber) => {
    let last = read();
    subscriber.next(last);
    const emitIfChanged = () => {
      const value = read();
      if (value === last) return;
      last = value;
      subscriber.next(value);
    };
    const events = [...changedBy, 'connection-state-changed'];
    return onEvents(room, Object.fromEntries(events.map((event) => [event, emitIfChanged])));
  });
}
