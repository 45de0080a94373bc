/**
 * Agora's string enums (`AgoraRTCErrorCode`, `ConnectionDisconnectedReason`,
 * `ChannelMediaRelayState`, `ChannelMediaRelayError`) exist at runtime only
 * inside the SDK bundle, which cannot load in Node. The fakes name members
 * by value: each parameter is the enum's template-literal type, so the
 * compiler rejects any value that is not a member, and the assertion below
 * is the fakes' only one.
 */
import type {
  AgoraRTCErrorCode,
  ChannelMediaRelayError,
  ChannelMediaRelayState,
  ConnectionDisconnectedReason,
} from 'agora-rtc-sdk-ng';

/** An `AgoraRTCErrorCode` member by its value. */
export const errorCode = (value: `${AgoraRTCErrorCode}`): AgoraRTCErrorCode => value as AgoraRTCErrorCode;

/** A `ConnectionDisconnectedReason` member by its value. */
export const disconnectReason = (value: `${ConnectionDisconnectedReason}`): ConnectionDisconnectedReason =>
  value as ConnectionDisconnectedReason;

/** A `ChannelMediaRelayState` member by its value. */
export const relayState = (value: `${ChannelMediaRelayState}`): ChannelMediaRelayState =>
  value as ChannelMediaRelayState;

/** A `ChannelMediaRelayError` member by its value. */
export const relayError = (value: `${ChannelMediaRelayError}`): ChannelMediaRelayError =>
  value as ChannelMediaRelayError;

/** Literal spellings of the enums, for the fakes' public parameters. */
export type ErrorCodeName = `${AgoraRTCErrorCode}`;
export type DisconnectReasonName = `${ConnectionDisconnectedReason}`;
export type RelayStateName = `${ChannelMediaRelayState}`;
export type RelayErrorName = `${ChannelMediaRelayError}`;
