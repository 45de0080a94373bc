/**
 * `@liveroom/core/agora`: the production provider over `agora-rtc-sdk-ng`
 * (an optional peer dependency, imported only when the provider first needs it).
 *
 * @packageDocumentation
 */
export { AGORA_ERROR_CODES, fromAgoraError, isAgoraRTCError, liveroomCodeOf } from './errors.js';
export type {
  AgoraProviderOptions,
  AgoraTokenProvider,
  AgoraTokenRequest,
  ResolvedAgoraProviderOptions,
} from './options.js';
export { agoraProviderOptionsSchema } from './options.js';
export { AgoraProvider, createAgoraProvider } from './provider.js';
export type {
  AgoraCameraTrack,
  AgoraClient,
  AgoraLocalTrack,
  AgoraMicrophoneTrack,
  AgoraRemoteTrack,
  AgoraSdk,
  AgoraSdkLoader,
  AgoraSdkSource,
} from './sdk.js';
