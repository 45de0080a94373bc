/**
 * Framework-agnostic stores over one room, built only on core's public
 * events and `room.watch()`. One set per room ({@link roomStores}), shared by
 * every component that reads it.
 */
import {
  type ConnectionState,
  type LocalTrack,
  type NetworkQuality,
  onEvents,
  type RemoteParticipant,
  type Role,
  type Room,
  type RoomEventMap,
  type RoomState,
  type RoomStateName,
} from '@liveroom/core';
import { shallowEqual } from '../store/shallow-equal.js';
import { type ReadableStore, ValueStore } from '../store/subscribable.js';

/** The room's session as one snapshot. */
export interface RoomSnapshot {
  /** Where the connection stands (`room.connectionState`), e.g. to show a reconnecting banner. */
  connectionState: ConnectionState;
  /** The room joined, `undefined` while not in a room. */
  roomId: string | undefined;
  /** The local user's id in that room, `undefined` while not in a room. */
  userId: string | undefined;
  /** The local user's role while in a room (`host`, `cohost` or `audience`); follows `room.setRole()`. */
  role: Role | undefined;
}

/** Network quality by participant id (`''` is the local user, as for the active speaker). */
export type QualityByParticipant = ReadonlyMap<string, NetworkQuality>;

/** The stores of one room. They follow the room for as long as it lives, and are read-only. */
export interface RoomStores {
  /** Connection state, ids and role. */
  room: ReadableStore<RoomSnapshot>;
  /** Remote participants in join order. */
  participants: ReadableStore<readonly RemoteParticipant[]>;
  /** Latest network quality per participant; entries go when participants leave. */
  quality: ReadableStore<QualityByParticipant>;
  /** The active speaker (`''` for the local user, `undefined` for silence). */
  activeSpeaker: ReadableStore<string | undefined>;
  /** The local user's published tracks. */
  localTracks: ReadableStore<readonly LocalTrack[]>;
}

const cache = new WeakMap<Room, RoomStores>();

/** The shared stores of `room`, created on first use. */
export function roomStores(room: Room): RoomStores {
  let stores = cache.get(room);
  if (!stores) {
    stores = {
      room: sessionStore(room),
      participants: watchedStore(room, 'participants'),
      quality: qualityStore(room),
      activeSpeaker: watchedStore(room, 'activeSpeaker'),
      localTracks: watchedStore(room, 'localTracks'),
    };
    cache.set(room, stores);
  }
  return stores;
}

/** The session snapshot, replaced when the connection state or the role moves (ids change only with them). */
function sessionStore(room: Room): ReadableStore<RoomSnapshot> {
  const read = (): RoomSnapshot => ({
    connectionState: room.connectionState,
    roomId: room.roomId,
    userId: room.userId,
    role: room.role,
  });
  const store = new ValueStore(read());
  const update = () => {
    const next = read();
    if (!shallowEqual(next, store.getSnapshot())) store.set(next);
  };
  room.watch('connectionState', update);
  room.watch('role', update);
  return store;
}

/** A store holding one piece of room state, kept current by `room.watch()` (which reads it at once). */
function watchedStore<K extends RoomStateName>(room: Room, state: K): ReadableStore<RoomState[K]> {
  let store: ValueStore<RoomState[K]> | undefined;
  room.watch(state, (value) => {
    if (store) store.set(value);
    else store = new ValueStore(value);
  });
  return store as ValueStore<RoomState[K]>;
}

function qualityStore(room: Room): ReadableStore<QualityByParticipant> {
  const store = new ValueStore<QualityByParticipant>(new Map());
  onEvents<RoomEventMap>(room, {
    'network-quality': (quality) => {
      const id = quality.participantId ?? '';
      const known = store.getSnapshot().get(id);
      if (known?.uplink === quality.uplink && known.downlink === quality.downlink) return;
      store.set(new Map(store.getSnapshot()).set(id, quality));
    },
    'participant-left': ({ id }) => {
      const next = new Map(store.getSnapshot());
      if (next.delete(id)) store.set(next);
    },
    left: () => {
      if (store.getSnapshot().size > 0) store.set(new Map());
    },
  });
  return store;
}
