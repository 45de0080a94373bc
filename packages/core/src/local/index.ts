/**
 * `@liveroom/core/local`: the embedded local provider (a WebRTC mesh on
 * loopback, for development, QA and tests) and the signalling protocol that
 * `@liveroom/signalling` speaks.
 *
 * @packageDocumentation
 */
export type { CrossRoomEvent, CrossRoomListener } from './cross-room.js';
export { createLocalProvider, LocalProvider } from './local-provider.js';
export type { LocalProviderConfig, LocalProviderOptions } from './options.js';
export { localProviderOptionsSchema } from './options.js';
export type {
  ClientMessage,
  Impairment,
  ParticipantInfo,
  ServerMessage,
  ServerMessageOf,
  SignallingErrorCode,
  TrackAnnouncement,
} from './protocol.js';
export {
  clientMessageSchema,
  decodeMessage,
  impairmentSchema,
  MAX_DATA_PAYLOAD,
  MAX_PUBLISHERS,
  MAX_VIEWERS,
  participantInfoSchema,
  serverMessageSchema,
  signallingErrorCodeSchema,
} from './protocol.js';
