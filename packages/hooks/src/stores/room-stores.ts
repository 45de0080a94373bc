/**
 * Framework-agnostic stores over one room, built only on core's public
 * observables and events. One set per room ({@link roomStores}), shared by
 * every component that reads it.
 */
import {
  type ConnectionState,
  type LocalTrack,
  type NetworkQuality,
  type RemoteParticipant,
  type Role,
  type Room,
  roomEvent$,
} from '@liveroom/core';
import { combineLatest, distinctUntilChanged, map, merge, scan, startWith } from 'rxjs';
import { ObservableStore } from '../store/observable-store.js';
import { shallowEqual } from '../store/shallow-equal.js';

/** The room's session as one snapshot. */
export interface RoomSnapshot {
  connectionState: ConnectionState;
  roomId: string | undefined;
  userId: string | undefined;
  role: Role | undefined;
}

/** Network quality by participant id (`''` is the local user, as for the active speaker). */
export type QualityByParticipant = ReadonlyMap<string, NetworkQuality>;

/** The stores of one room. */
export interface RoomStores {
  /** Connection state, ids and role. */
  room: ObservableStore<RoomSnapshot>;
  /** Remote participants in join order. */
  participants: ObservableStore<readonly RemoteParticipant[]>;
  /** Latest network quality per participant; entries go when participants leave. */
  quality: ObservableStore<QualityByParticipant>;
  /** The active speaker (`''` for the local user, `undefined` for silence). */
  activeSpeaker: ObservableStore<string | undefined>;
  /** The local user's published tracks. */
  localTracks: ObservableStore<readonly LocalTrack[]>;
}

const cache = new WeakMap<Room, RoomStores>();

/** The shared stores of `room`, created on first use. */
export function roomStores(room: Room): RoomStores {
  let stores = cache.get(room);
  if (!stores) {
    stores = createRoomStores(room);
    cache.set(room, stores);
  }
  return stores;
}

function snapshotOf(room: Room): RoomSnapshot {
  return { connectionState: room.connectionState, roomId: room.roomId, userId: room.userId, role: room.role };
}

type QualityChange = { set: NetworkQuality } | { drop: string } | { clear: true };

function createRoomStores(room: Room): RoomStores {
  const session$ = combineLatest([room.connectionState$, room.role$]).pipe(
    map(() => snapshotOf(room)),
    distinctUntilChanged<RoomSnapshot>(shallowEqual),
  );
  const quality$ = merge(
    roomEvent$(room, 'network-quality').pipe(map(([set]): QualityChange => ({ set }))),
    roomEvent$(room, 'participant-left').pipe(map(([p]): QualityChange => ({ drop: p.id }))),
    roomEvent$(room, 'left').pipe(map((): QualityChange => ({ clear: true }))),
  ).pipe(
    scan((byId: QualityByParticipant, change) => applyQuality(byId, change), new Map()),
    startWith(new Map() as QualityByParticipant),
  );
  return {
    room: new ObservableStore(session$, snapshotOf(room)),
    participants: new ObservableStore(room.participants$, [...room.participants.values()]),
    quality: new ObservableStore(quality$, new Map()),
    activeSpeaker: new ObservableStore(room.activeSpeaker$, room.activeSpeaker),
    localTracks: new ObservableStore(room.localTracks$, room.localTracks),
  };
}

function applyQuality(byId: QualityByParticipant, change: QualityChange): QualityByParticipant {
  if ('clear' in change) return byId.size === 0 ? byId : new Map();
  const next = new Map(byId);
  if ('drop' in change) {
    if (!next.delete(change.drop)) return byId;
  } else {
    const id = change.set.participantId ?? '';
    const known = byId.get(id);
    if (known && known.uplink === change.set.uplink && known.downlink === change.set.downlink) return byId;
    next.set(id, change.set);
  }
  return next;
}
