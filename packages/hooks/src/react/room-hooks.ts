/**
 * Hooks over one room's shared stores ({@link roomStores}). Each takes the
 * room and an optional selector; a store update that leaves the selection
 * unchanged does not re-render.
 */
import type { LocalTrack, NetworkQuality, RemoteParticipant, Room } from '@liveroom/core';
import { type RoomSnapshot, roomStores } from '../stores/room-stores.js';
import { type Equality, type Selector, useStore } from './use-store.js';

/**
 * The room's connection state, ids and role.
 *
 * @example
 * ```tsx
 * const state = useRoom(room, (r) => r.connectionState);
 * ```
 */
export function useRoom<S = RoomSnapshot>(room: Room, selector?: Selector<RoomSnapshot, S>, isEqual?: Equality<S>): S {
  return useStore(roomStores(room).room, selector, isEqual);
}

/**
 * Remote participants in join order, or a selection of them.
 *
 * @example
 * ```tsx
 * const ids = useParticipants(room, (list) => list.map((p) => p.id), shallowEqual);
 * ```
 */
export function useParticipants<S = readonly RemoteParticipant[]>(
  room: Room,
  selector?: Selector<readonly RemoteParticipant[], S>,
  isEqual?: Equality<S>,
): S {
  return useStore(roomStores(room).participants, selector, isEqual);
}

/**
 * The latest network quality of one participant (the local user when
 * `participantId` is omitted), `undefined` until the provider reports one.
 */
export function useConnectionQuality(room: Room, participantId = ''): NetworkQuality | undefined {
  return useStore(roomStores(room).quality, (byId) => byId.get(participantId));
}

/** The active speaker's id (`''` for the local user, `undefined` in silence). */
export function useActiveSpeaker(room: Room): string | undefined {
  return useStore(roomStores(room).activeSpeaker);
}

/** The local user's published tracks, or a selection of them. */
export function useLocalTracks<S = readonly LocalTrack[]>(
  room: Room,
  selector?: Selector<readonly LocalTrack[], S>,
  isEqual?: Equality<S>,
): S {
  return useStore(roomStores(room).localTracks, selector, isEqual);
}
