/**
 * Room events and room state as rxjs observables, typed from
 * {@link RoomEventMap} and {@link RoomState}. Both are built on the room's
 * own events (state through {@link Room.watch}), so the events stay the one
 * source of truth and nothing here needs a `Subject`.
 */
import {
  type EventListeners,
  onEvents,
  type Room,
  type RoomEventMap,
  type RoomEventName,
  type RoomState,
  type RoomStateName,
} from '@liveroom/core';
import type { EventEmitter } from 'eventemitter3';
import { Observable } from 'rxjs';

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
 * An observable of one piece of room state ({@link RoomState}): emits the
 * current value on subscribe, then each change once. Never completes (the
 * room lives on after `leave()`); unsubscribing removes its listeners. An
 * unknown `state` name errors the subscriber with `INVALID_CONFIG`.
 *
 * @example
 * ```ts
 * roomState$(room, 'participants').subscribe((people) => renderGuests(people));
 * roomState$(room, 'connectionState').pipe(filter((s) => s === 'reconnecting')).subscribe(showBanner);
 * ```
 */
export function roomState$<K extends RoomStateName>(room: Pick<Room, 'watch'>, state: K): Observable<RoomState[K]> {
  return new Observable<RoomState[K]>((subscriber) => room.watch(state, (value) => subscriber.next(value)));
}
