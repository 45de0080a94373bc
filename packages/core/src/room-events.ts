/**
 * Every event a {@link Room} emits, with its arguments. `Room` is an
 * eventemitter3 emitter typed with this map, and every emit passes through
 * one method, so a debug logger sees them all.
 */
import type { LiveroomError } from './errors.js';
import type { RemoteParticipant } from './participants.js';
import type { AudioLevel, DataMessage, RelayState } from './provider.js';
import type { LocalTrack, RemoteTrack, Track } from './tracks.js';
import type { ConnectionStateChange, NetworkQuality, Role, TrackKind } from './types.js';

/** Why the local user's session ended. */
export type LeaveReason = 'leave' | 'kicked' | 'room-closed' | 'failed';

/** The event map of {@link Room}. */
export interface RoomEventMap {
  /** The connection moved to another state; the change says why. */
  'connection-state-changed': [change: ConnectionStateChange];
  /** `join()` started; the ids are known from here on, even if the join then fails. */
  joining: [info: { roomId: string; userId: string; role: Role }];
  /** `join()` succeeded. */
  joined: [info: { roomId: string; userId: string; role: Role }];
  /** The session ended; the room is back in `disconnected` (or `failed`). */
  left: [reason: LeaveReason];
  /** A remote participant entered the room (all roles, audience included where the provider reports it). */
  'participant-joined': [participant: RemoteParticipant];
  /** A remote participant left. */
  'participant-left': [participant: RemoteParticipant, reason: 'left' | 'timeout' | 'kicked' | 'role-changed'];
  /** A remote participant switched role. */
  'participant-role-changed': [participant: RemoteParticipant, previous: Role];
  /** A remote participant published a track (subscription follows when `autoSubscribe` is on). */
  'track-published': [participant: RemoteParticipant, kind: TrackKind];
  /** A remote participant stopped publishing a track. */
  'track-unpublished': [participant: RemoteParticipant, kind: TrackKind];
  /** A remote track is ready to `attach()`. */
  'track-subscribed': [track: RemoteTrack, participant: RemoteParticipant];
  /** A remote track is gone; it has been detached from its elements. */
  'track-unsubscribed': [track: RemoteTrack, participant: RemoteParticipant];
  /** A remote publisher muted a track (viewers count this as a pause, not a stall). */
  'track-muted': [participant: RemoteParticipant, kind: TrackKind];
  /** A remote publisher unmuted a track. */
  'track-unmuted': [participant: RemoteParticipant, kind: TrackKind];
  /** The local user published a track. */
  'local-track-published': [track: LocalTrack];
  /** The local user stopped publishing a track; it has been closed. */
  'local-track-unpublished': [track: LocalTrack];
  /** The local user muted or unmuted a track. */
  'local-track-muted-changed': [track: LocalTrack, muted: boolean];
  /** The local user's role changed. */
  'role-changed': [role: Role, previous: Role];
  /** A track started playing in an element (how `@liveroom/metrics` finds video elements). */
  'track-attached': [track: Track, element: HTMLMediaElement];
  /** A track stopped playing in an element. */
  'track-detached': [track: Track, element: HTMLMediaElement];
  /** The browser refused to autoplay; call `room.resumePlayback()` from a click. */
  'autoplay-blocked': [track: Track, element: HTMLMediaElement];
  /** Uplink/downlink quality, 0–6, of the local user or a remote participant. */
  'network-quality': [quality: NetworkQuality];
  /** Audio levels, when the provider reports them. */
  'audio-levels': [levels: AudioLevel[]];
  /** The loudest speaker changed (`undefined`: nobody speaks; `''`: the local user). */
  'active-speaker-changed': [participantId: string | undefined];
  /** The token expires soon: call `room.renewToken()`. */
  'token-will-expire': [];
  /** The token expired; the provider will disconnect. */
  'token-expired': [];
  /** A data message from another participant. */
  'data-message': [message: DataMessage];
  /** The cross-room media relay changed state. */
  'relay-state-changed': [state: RelayState, error: LiveroomError | undefined];
  /** The local user was removed from the room by the server. */
  kicked: [];
  /** The room was closed by the server. */
  'room-closed': [];
  /** Something failed without ending the session. */
  warning: [error: LiveroomError];
  /** Something failed and ended or blocked the session. */
  error: [error: LiveroomError];
}

/** Names of the room's events. */
export type RoomEventName = keyof RoomEventMap;
