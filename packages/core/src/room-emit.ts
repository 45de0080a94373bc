/** The one emit function the room hands to its parts, so every event still passes through `Room`. */
import type { RoomEventMap } from './room-events.js';

/** Emits one room event. */
export type EmitRoomEvent = <E extends keyof RoomEventMap>(event: E, ...args: RoomEventMap[E]) => void;
