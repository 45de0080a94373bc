/**
 * Listening to one of a room's typed events with a plain function to stop.
 * Stores that only need to be told use the room's eventemitter3 API directly
 * rather than core's `roomEvent$` observables, so hooks bundle no rxjs
 * operators of their own.
 */
import type { Room, RoomEventMap } from '@liveroom/core';

/** Calls `listener` with the arguments of every `event` of `room`; returns the function that stops. */
export function onRoomEvent<E extends keyof RoomEventMap>(
  room: Room,
  event: E,
  listener: (...args: RoomEventMap[E]) => void,
): () => void {
  // eventemitter3 types its listener from the same map; the cast only restates it for a generic `E`.
  const typed = listener as Parameters<Room['on']>[1];
  room.on(event, typed);
  return () => {
    room.off(event, typed);
  };
}
