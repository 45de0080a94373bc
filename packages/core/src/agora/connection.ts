/**
 * Agora's `connection-state-change` (curState, revState, reason) in neutral
 * terms. Agora reconnects by itself: `RECONNECTING` and the `CONNECTED` after
 * it are mirrored; a `DISCONNECTED` the app did not ask for ends the session,
 * and a ban is a removal by the server, not a network failure.
 *
 * Source: `ConnectionState` and `ConnectionDisconnectedReason` in
 * agora-rtc-sdk-ng 4.24.8 `rtc-sdk_en.d.ts`.
 */
import type { ConnectionState as AgoraConnectionState, ConnectionDisconnectedReason } from 'agora-rtc-sdk-ng';
import type { ConnectionState, ConnectionStateReason } from '../types.js';

/** What one Agora transition means for the room. */
export type ConnectionChange =
  | { kind: 'state'; state: ConnectionState; reason: ConnectionStateReason }
  | { kind: 'removed'; reason: 'kicked' | 'room-closed' }
  /** Intermediate or self-inflicted (`DISCONNECTING`, `LEAVE`): nothing to report. */
  | { kind: 'none' };

/** Why Agora gave up, for the reasons that end a session without a ban. */
const FAILURE_REASONS: Partial<Record<ConnectionDisconnectedReason, ConnectionStateReason>> = {
  NETWORK_ERROR: 'retries-exhausted',
  SERVER_ERROR: 'server-unreachable',
  TOKEN_EXPIRE: 'token-expired',
  UID_CONFLICT: 'uid-conflict',
};

/**
 * Maps one `connection-state-change`. `UID_BANNED` and `IP_BANNED` (the
 * server's kicking rule on this user) are a kick; `CHANNEL_BANNED` (the rule
 * on the whole channel) closes the room for everyone, so it is `room-closed`.
 */
export function mapConnectionChange(
  current: AgoraConnectionState,
  previous: AgoraConnectionState,
  reason: ConnectionDisconnectedReason | undefined,
): ConnectionChange {
  switch (current) {
    case 'CONNECTING':
      return { kind: 'state', state: 'connecting', reason: 'join' };
    case 'CONNECTED':
      return { kind: 'state', state: 'connected', reason: previous === 'RECONNECTING' ? 'reconnected' : 'joined' };
    case 'RECONNECTING':
      return { kind: 'state', state: 'reconnecting', reason: 'network' };
    case 'DISCONNECTING':
      return { kind: 'none' };
    case 'DISCONNECTED':
      if (reason === 'LEAVE') return { kind: 'none' };
      if (reason === 'UID_BANNED' || reason === 'IP_BANNED') return { kind: 'removed', reason: 'kicked' };
      if (reason === 'CHANNEL_BANNED') return { kind: 'removed', reason: 'room-closed' };
      return { kind: 'state', state: 'failed', reason: (reason && FAILURE_REASONS[reason]) ?? 'server-unreachable' };
  }
}
