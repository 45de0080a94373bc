/** Shared vocabulary of the room and its providers. */

/** What a participant does in the room: hosts and co-hosts publish, the audience watches. */
export type Role = 'host' | 'cohost' | 'audience';

/** Every role, in the order the UI usually lists them. */
export const ROLES: readonly Role[] = ['host', 'cohost', 'audience'];

/** True for the roles that may publish media. */
export function canPublish(role: Role): boolean {
  return role !== 'audience';
}

/** The kind of a media track. */
export type TrackKind = 'video' | 'audio';

/** Where a local track comes from. */
export type TrackSource = 'camera' | 'microphone';

/**
 * The room's connection to its provider.
 *
 * `disconnected` is the idle state before `join()` and after `leave()`;
 * `failed` means the provider gave up (join failed, or reconnection ran out of attempts).
 */
export type ConnectionState = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

/** Why the connection state changed. */
export type ConnectionStateReason =
  | 'join'
  | 'joined'
  | 'leave'
  | 'network'
  | 'reconnected'
  | 'server-unreachable'
  | 'join-timeout'
  | 'token-expired'
  | 'kicked'
  | 'room-closed'
  | 'uid-conflict'
  | 'retries-exhausted';

/** One connection-state transition. */
export interface ConnectionStateChange {
  /** The state now. */
  state: ConnectionState;
  /** The state before this change (never equal to `state`). */
  previous: ConnectionState;
  /** Why it changed: e.g. `network` for a drop, `reconnected` after one, `token-expired` or `retries-exhausted` for a failure. */
  reason: ConnectionStateReason;
}

/**
 * Network quality on the 0–6 scale Agora uses: 0 unknown, 1 excellent, 2 good,
 * 3 poor, 4 bad, 5 very bad, 6 disconnected.
 */
export type NetworkQualityLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Uplink and downlink quality of one participant (the local one when `participantId` is absent). */
export interface NetworkQuality {
  /** Whose quality this is; absent for the local user. Agora reports the remote hosts this client subscribes to, the local provider every participant it exchanges media with. */
  participantId?: string;
  /** Quality of the sending side (Agora `uplinkNetworkQuality`), 0–6. */
  uplink: NetworkQualityLevel;
  /** Quality of the receiving side (Agora `downlinkNetworkQuality`), 0–6. */
  downlink: NetworkQualityLevel;
}

/** Which of a publisher's simulcast / dual streams a viewer receives. */
export type VideoStreamQuality = 'high' | 'low';
