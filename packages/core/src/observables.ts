/**
 * Room events as rxjs observables, typed from {@link RoomEventMap}.
 */
import type { EventEmitter } from 'eventemitter3';
import { Observable } from 'rxjs';
import type { RoomEventMap } from './room-events.js';

/**
 * An observable of one room event. Emits the event's arguments as a tuple;
 * unsubscribing removes the listener.
 *
 * @example
 * ```ts
 * roomEvent$(room, 'participant-left').subscribe(([participant, reason]) => …);
 * ```
 */
export function roomEvent$<E extends keyof RoomEventMap>(
  room: Pick<EventEmitter<RoomEventMap>, 'on' | 'off'>,
  event: E,
): Observable<RoomEventMap[E]> {
  return new Observable<RoomEventMap[E]>((subscriber) => {
    const listener = (...args: RoomEventMap[E]) => subscriber.next(args);
    // eventemitter3's listener type is built from the same map; the cast only restates it.
    const typed = listener as unknown as EventEmitter.EventListener<RoomEventMap, E>;
    room.on(event, typed);
    return () => {
      room.off(event, typed);
    };
  });
}
