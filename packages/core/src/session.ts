/** What the room knows about its current session, and how a session's end maps to a connection state. */
import type { LiveroomErrorCode } from './errors.js';
import type { LeaveReason } from './room-events.js';
import type { ConnectionStateReason, Role } from './types.js';

/** The current session, present between a successful `join()` and the session's end. */
export interface Session {
  roomId: string;
  userId: string;
  role: Role;
  serverTimeOffsetMs: number;
}

/** The connection-state reason reported when a session ends for `reason`. */
export function endStateReason(reason: LeaveReason): ConnectionStateReason {
  switch (reason) {
    case 'kicked':
      return 'kicked';
    case 'room-closed':
      return 'room-closed';
    case 'failed':
      return 'retries-exhausted';
    default:
      return 'leave';
  }
}

/** The connection-state reason reported when `join()` fails with `code`. */
export function joinFailureReason(code: LiveroomErrorCode): ConnectionStateReason {
  switch (code) {
    case 'JOIN_TIMEOUT':
      return 'join-timeout';
    case 'UID_CONFLICT':
      return 'uid-conflict';
    case 'TOKEN_EXPIRED':
      return 'token-expired';
    default:
      return 'server-unreachable';
  }
}

/** A pseudonymous user id for joins that do not give one. */
export function randomUserId(): string {
  return `user-${crypto.randomUUID().slice(0, 8)}`;
}
