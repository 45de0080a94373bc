/**
 * One error class for the whole SDK. Apps branch on {@link LiveroomError.code},
 * never on the message, which is written for the developer reading the console.
 */
import type { ValidationIssue } from './validation.js';

/**
 * Every code a {@link LiveroomError} can carry.
 *
 * - `INVALID_CONFIG`: an option or argument failed validation; see `issues`.
 * - `INVALID_STATE`: the call is not allowed in the room's current state (e.g. `publish()` before `join()`).
 * - `CONNECTION_FAILED`: the provider could not connect, or gave up reconnecting.
 * - `JOIN_TIMEOUT`: `join()` did not complete within `joinTimeoutMs`.
 * - `PERMISSION_DENIED`: the user or browser refused camera or microphone access.
 * - `DEVICE_NOT_FOUND`: no camera or microphone matches the request.
 * - `DEVICE_IN_USE`: the device exists but could not be started (busy or hardware error).
 * - `TOKEN_EXPIRED`: the token expired or was rejected.
 * - `UID_CONFLICT`: another participant already uses this user id in the room.
 * - `NOT_SUPPORTED`: the provider or browser lacks the capability (see `RtcProvider.capabilities`).
 * - `OPERATION_ABORTED`: the call was cancelled, usually by `leave()`.
 * - `PROVIDER_ERROR`: the provider failed in a way not listed above; see `cause`.
 */
export type LiveroomErrorCode =
  | 'INVALID_CONFIG'
  | 'INVALID_STATE'
  | 'CONNECTION_FAILED'
  | 'JOIN_TIMEOUT'
  | 'PERMISSION_DENIED'
  | 'DEVICE_NOT_FOUND'
  | 'DEVICE_IN_USE'
  | 'TOKEN_EXPIRED'
  | 'UID_CONFLICT'
  | 'NOT_SUPPORTED'
  | 'OPERATION_ABORTED'
  | 'PROVIDER_ERROR';

/** Extra details a {@link LiveroomError} may carry. */
export interface LiveroomErrorDetails {
  /** The underlying error (a provider error, a DOMException, …). */
  cause?: unknown;
  /** Validation issues, for `INVALID_CONFIG`. */
  issues?: readonly ValidationIssue[];
  /** The provider that raised it, when one did. */
  provider?: string;
}

/**
 * The error every liveroom API throws or rejects with.
 *
 * @example
 * ```ts
 * try { await room.join({ roomId, role: 'host' }); }
 * catch (e) { if (e instanceof LiveroomError && e.code === 'PERMISSION_DENIED') showCameraHelp(); }
 * ```
 */
export class LiveroomError extends Error {
  /** Stable, machine-readable code: branch on this. */
  readonly code: LiveroomErrorCode;
  /** Validation issues (path and message), for `INVALID_CONFIG`. */
  readonly issues: readonly ValidationIssue[];
  /** The provider that raised it, when one did. */
  readonly provider: string | undefined;

  constructor(code: LiveroomErrorCode, message: string, details: LiveroomErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'LiveroomError';
    this.code = code;
    this.issues = details.issues ?? [];
    this.provider = details.provider;
  }
}

/** True when `value` is a {@link LiveroomError}, optionally with the given code. */
export function isLiveroomError(value: unknown, code?: LiveroomErrorCode): value is LiveroomError {
  return value instanceof LiveroomError && (code === undefined || value.code === code);
}

/**
 * Passes a {@link LiveroomError} through and wraps anything else as
 * `fallback`, keeping the original as `cause`.
 */
export function asLiveroomError(error: unknown, fallback: LiveroomErrorCode, message: string): LiveroomError {
  if (error instanceof LiveroomError) return error;
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new LiveroomError(fallback, `${message}${detail}`, { cause: error });
}
