/**
 * The part of `agora-rtc-sdk-ng` the provider uses, as types narrowed from
 * the SDK's own declarations. Narrowing (instead of using `IAgoraRTC`
 * whole) lets tests pass a fake that the compiler checks against the real
 * signatures: Agora's interfaces extend a class with private members, which
 * no fake could `implement`. The default loader assigns the real SDK to
 * {@link AgoraSdk} without a cast, so any drift in Agora's declarations
 * breaks the build here.
 *
 * DESIGN.md decision 7: the SDK is loaded with a dynamic `import()`, so
 * server-side rendering and Node imports of `@liveroom/core/agora` never
 * evaluate it (it needs `window`).
 */
import type {
  CameraVideoTrackInitConfig,
  ClientConfig,
  IAgoraRTC,
  IAgoraRTCClient,
  ICameraVideoTrack,
  IChannelMediaRelayConfiguration,
  ILocalTrack,
  IMicrophoneAudioTrack,
  IRemoteTrack,
  MicrophoneAudioTrackInitConfig,
  UID,
} from 'agora-rtc-sdk-ng';

/** What the provider needs of any local Agora track. */
export type AgoraLocalTrack = Pick<
  ILocalTrack,
  'trackMediaType' | 'getTrackId' | 'getMediaStreamTrack' | 'setMuted' | 'close'
>;

/** A camera track as the provider uses it. */
export type AgoraCameraTrack = AgoraLocalTrack & Pick<ICameraVideoTrack, 'setDevice'>;

/** A microphone track as the provider uses it. */
export type AgoraMicrophoneTrack = AgoraLocalTrack & Pick<IMicrophoneAudioTrack, 'setDevice'>;

/** A subscribed remote track as the provider uses it. */
export type AgoraRemoteTrack = Pick<IRemoteTrack, 'trackMediaType' | 'getUserId' | 'getMediaStreamTrack'>;

/**
 * The client as the provider uses it. `on()`/`off()` keep Agora's typed
 * overloads, so every listener in `events.ts` is typed by Agora's own
 * declarations.
 */
export type AgoraClient = Pick<
  IAgoraRTCClient,
  | 'connectionState'
  | 'remoteUsers'
  | 'on'
  | 'off'
  | 'removeAllListeners'
  | 'join'
  | 'leave'
  | 'setClientRole'
  | 'renewToken'
  | 'unsubscribe'
  | 'enableDualStream'
  | 'setRemoteVideoStreamType'
  | 'enableAudioVolumeIndicator'
  | 'getRTCStats'
  | 'getRemoteVideoStats'
  | 'getRemoteAudioStats'
  | 'getLocalVideoStats'
  | 'getRemoteNetworkQuality'
  | 'startChannelMediaRelay'
  | 'updateChannelMediaRelay'
  | 'stopChannelMediaRelay'
> & {
  publish(tracks: AgoraLocalTrack | AgoraLocalTrack[]): Promise<void>;
  unpublish(tracks?: AgoraLocalTrack | AgoraLocalTrack[]): Promise<void>;
  subscribe(user: UID, mediaType: 'video'): Promise<AgoraRemoteTrack>;
  subscribe(user: UID, mediaType: 'audio'): Promise<AgoraRemoteTrack>;
};

/** The SDK entry point as the provider uses it (the real one is `AgoraRTC`, the module's default export). */
export interface AgoraSdk {
  /** `AgoraRTC.createClient()`: one client per joined session, in `live` mode. */
  createClient(config: ClientConfig): AgoraClient;
  /** `AgoraRTC.createCameraVideoTrack()`: opens the camera. */
  createCameraVideoTrack(config?: CameraVideoTrackInitConfig): Promise<AgoraCameraTrack>;
  /** `AgoraRTC.createMicrophoneAudioTrack()`: opens the microphone. */
  createMicrophoneAudioTrack(config?: MicrophoneAudioTrackInitConfig): Promise<AgoraMicrophoneTrack>;
  /** `AgoraRTC.createChannelMediaRelayConfiguration()`: the source and destinations of a cross-room relay. */
  createChannelMediaRelayConfiguration(): IChannelMediaRelayConfiguration;
}

/** Loads the SDK on demand; tests pass their own. */
export type AgoraSdkLoader = () => Promise<AgoraSdk>;

/** The `sdk` option: the SDK itself, or a loader of it. */
export type AgoraSdkSource = AgoraSdk | AgoraSdkLoader;

/** Imports the real `agora-rtc-sdk-ng` (browser only) the first time it is called. */
export const loadAgoraSdk: AgoraSdkLoader = async () => {
  const module = await import('agora-rtc-sdk-ng');
  const sdk: IAgoraRTC = module.default;
  return sdk;
};
