/**
 * The one table from Agora's error codes to {@link LiveroomErrorCode}s. Apps
 * branch on our codes; the original `AgoraRTCError` stays as `cause`.
 */
import type { AgoraRTCErrorCode, IAgoraRTCError } from 'agora-rtc-sdk-ng';
import { LiveroomError, type LiveroomErrorCode } from '../errors.js';

/**
 * Agora codes that have a liveroom meaning. Keyed by Agora's enum values, so
 * a code Agora renames fails to compile here. Codes not listed map to
 * `PROVIDER_ERROR`.
 */
export const AGORA_ERROR_CODES: Partial<Record<AgoraRTCErrorCode, LiveroomErrorCode>> = {
  INVALID_PARAMS: 'INVALID_CONFIG',
  MEDIA_OPTION_INVALID: 'INVALID_CONFIG',
  INVALID_OPERATION: 'INVALID_STATE',
  OPERATION_ABORTED: 'OPERATION_ABORTED',
  EXTERNAL_SIGNAL_ABORT: 'OPERATION_ABORTED',
  WS_ABORT: 'OPERATION_ABORTED',
  CAN_NOT_GET_GATEWAY_SERVER: 'CONNECTION_FAILED',
  CAN_NOT_GET_PROXY_SERVER: 'CONNECTION_FAILED',
  VOID_GATEWAY_ADDRESS: 'CONNECTION_FAILED',
  NETWORK_ERROR: 'CONNECTION_FAILED',
  NETWORK_TIMEOUT: 'CONNECTION_FAILED',
  NETWORK_RESPONSE_ERROR: 'CONNECTION_FAILED',
  WS_DISCONNECT: 'CONNECTION_FAILED',
  WS_ERR: 'CONNECTION_FAILED',
  ICE_FAILED: 'CONNECTION_FAILED',
  NO_ICE_CANDIDATE: 'CONNECTION_FAILED',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  DEVICE_NOT_FOUND: 'DEVICE_NOT_FOUND',
  CONSTRAINT_NOT_SATISFIED: 'DEVICE_NOT_FOUND',
  NOT_READABLE: 'DEVICE_IN_USE',
  TOKEN_EXPIRE: 'TOKEN_EXPIRED',
  UID_CONFLICT: 'UID_CONFLICT',
  NOT_SUPPORTED: 'NOT_SUPPORTED',
  WEB_SECURITY_RESTRICT: 'NOT_SUPPORTED',
};

/**
 * True for errors the Agora SDK throws. Their class, `AgoraRTCError`, is not
 * exported, so this checks what it sets: the name `AgoraRTCException` and a string `code`.
 */
export function isAgoraRTCError(error: unknown): error is IAgoraRTCError {
  return (
    error instanceof Error && error.name === 'AgoraRTCException' && 'code' in error && typeof error.code === 'string'
  );
}

/** The liveroom code of an Agora error code (`PROVIDER_ERROR` when it has no closer meaning). */
export function liveroomCodeOf(code: AgoraRTCErrorCode): LiveroomErrorCode {
  return AGORA_ERROR_CODES[code] ?? 'PROVIDER_ERROR';
}

/**
 * Turns whatever an Agora call threw into a {@link LiveroomError}, keeping
 * the original as `cause`. Liveroom errors pass through unchanged.
 *
 * @param doing - what the provider was doing, for the message (`'join the room'`).
 */
export function fromAgoraError(error: unknown, doing: string): LiveroomError {
  if (error instanceof LiveroomError) return error;
  if (isAgoraRTCError(error)) {
    return new LiveroomError(liveroomCodeOf(error.code), `Agora could not ${doing} (${error.message})`, {
      cause: error,
      provider: 'agora',
    });
  }
  const detail = error instanceof Error ? `: ${error.message}` : '';
  return new LiveroomError('PROVIDER_ERROR', `Agora could not ${doing}${detail}`, { cause: error, provider: 'agora' });
}

/**
 * Runs one Agora call and rejects with {@link fromAgoraError} when it fails.
 *
 * @param doing - what the call does, for the message (`'publish the camera'`).
 */
export async function callAgora<T>(doing: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw fromAgoraError(error, doing);
  }
}
