/**
 * `@liveroom/core`: the provider-neutral live room.
 *
 * Providers live in subpaths so apps bundle only the one they use:
 * `@liveroom/core/local` (embedded WebRTC, the default) and
 * `@liveroom/core/agora` (production, over `agora-rtc-sdk-ng`).
 *
 * @packageDocumentation
 */

export { pickActiveSpeaker, SPEAKING_THRESHOLD } from './active-speaker.js';
export { type BackoffPolicy, backoffDelay } from './backoff.js';
export type { JoinOptions, RoomOptions } from './config.js';
export type { LiveroomErrorCode, LiveroomErrorDetails } from './errors.js';
export { asLiveroomError, isLiveroomError, LiveroomError } from './errors.js';
export { type EventListeners, onEvents } from './listeners.js';
export type { RemoteParticipant } from './participants.js';
export type {
  AudioLevel,
  CameraOptions,
  DataMessage,
  MicrophoneOptions,
  ProviderCapabilities,
  ProviderEventMap,
  ProviderEvents,
  ProviderJoinParams,
  ProviderJoinResult,
  ProviderLocalTrack,
  ProviderParticipant,
  ProviderRemoteTrack,
  RelayDestination,
  RelayState,
  RtcProvider,
  SendDataOptions,
} from './provider.js';
export { createRoom, Room } from './room.js';
export type { LeaveReason, RoomEventMap, RoomEventName } from './room-events.js';
export type { RoomState, RoomStateName } from './room-state.js';
export type {
  LocalVideoStats,
  ProviderStats,
  RemoteAudioStats,
  RemoteVideoStats,
  StatsSource,
  TransportStats,
} from './stats.js';
export type { TrackAttachmentObserver } from './tracks.js';
export { LocalTrack, RemoteTrack, Track } from './tracks.js';
export type {
  ConnectionState,
  ConnectionStateChange,
  ConnectionStateReason,
  NetworkQuality,
  NetworkQualityLevel,
  Role,
  TrackKind,
  TrackSource,
  VideoStreamQuality,
} from './types.js';
export { canPublish, ROLES } from './types.js';
export type { ValidationIssue } from './validation.js';
export { parseInput, toValidationIssues, valueWhere, wholeNumber, withDefaults } from './validation.js';
