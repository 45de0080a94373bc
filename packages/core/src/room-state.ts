/**
 * Room state by name: what {@link Room.watch} follows, and how. Each piece is
 * read from the room and re-read after the room events that may change it, so
 * the events stay the one source of truth. Plain listeners, no rxjs: apps that
 * want observables take them from `@liveroom/core/rx`, built on `watch()`.
 */
import type { EventEmitter } from 'eventemitter3';
import { onEvents } from './listeners.js';
import type { RemoteParticipant } from './participants.js';
import type { RoomEventMap, RoomEventName } from './room-events.js';
import type { LocalTrack } from './tracks.js';
import type { ConnectionState, NetworkQuality, Role } from './types.js';

/** The room state {@link Room.watch} can follow, by name, with the type of each value. */
export interface RoomState {
  /** Where the connection stands. */
  connectionState: ConnectionState;
  /** The remote participants, in join order. */
  participants: readonly RemoteParticipant[];
  /** The local user's published tracks. */
  localTracks: readonly LocalTrack[];
  /** The local user's role, `undefined` when not in a room. */
  role: Role | undefined;
  /** The active speaker's id: `''` for the local user, `undefined` for silence. */
  activeSpeaker: string | undefined;
  /** The local user's network quality, `undefined` until reported. */
  networkQuality: NetworkQuality | undefined;
}

/** A name of {@link RoomState}: `'participants'`, `'connectionState'`, … */
export type RoomStateName = keyof RoomState;

/** @internal Every {@link RoomStateName}, to validate one. */
export const ROOM_STATE_NAMES = [
  'connectionState',
  'participants',
  'localTracks',
  'role',
  'activeSpeaker',
  'networkQuality',
] as const satisfies readonly RoomStateName[];

/** How the room reads one piece of state, and the events (besides `connection-state-changed`) after which it may change. */
export type RoomStateSource<T> = readonly [changedBy: readonly RoomEventName[], read: () => T];

/**
 * Calls `listener` with `read()` now, then again after each of `changedBy`
 * (and every `connection-state-changed`: a session's teardown, and every state
 * it resets, ends with it) whose handling changed the value, compared by
 * identity (so readers return immutable snapshots). Returns the function that
 * stops: from then on `listener` is never called, even for the change being handled.
 */
export function watchState<T>(
  room: Pick<EventEmitter<RoomEventMap>, 'on' | 'off'>,
  [changedBy, read]: RoomStateSource<T>,
  listener: (value: T) => void,
): () => void {
  let last = read();
  listener(last);
  const callIfChanged = () => {
    const value = read();
    if (value === last) return;
    last = value;
    listener(value);
  };
  const events = [...changedBy, 'connection-state-changed'];
  const stop = onEvents(room, Object.fromEntries(events.map((event) => [event, callIfChanged])));
  return () => {
    stop();
    // An earlier listener of the same event may stop this one, and the emitter still calls it then.
    listener = () => {};
  };
}
