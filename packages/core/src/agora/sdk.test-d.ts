import type {
  IAgoraRTC,
  IAgoraRTCClient,
  ICameraVideoTrack,
  IMicrophoneAudioTrack,
  IRemoteAudioTrack,
  IRemoteVideoTrack,
} from 'agora-rtc-sdk-ng';
import { describe, expectTypeOf, it } from 'vitest';
import type { AgoraProviderOptions } from './options.js';
import type {
  AgoraCameraTrack,
  AgoraClient,
  AgoraMicrophoneTrack,
  AgoraRemoteTrack,
  AgoraSdk,
  AgoraSdkLoader,
} from './sdk.js';

describe('the narrowed SDK view', () => {
  it('is satisfied by the real agora-rtc-sdk-ng declarations', () => {
    expectTypeOf<IAgoraRTC>().toExtend<AgoraSdk>();
    expectTypeOf<IAgoraRTCClient>().toExtend<AgoraClient>();
    expectTypeOf<ICameraVideoTrack>().toExtend<AgoraCameraTrack>();
    expectTypeOf<IMicrophoneAudioTrack>().toExtend<AgoraMicrophoneTrack>();
    expectTypeOf<IRemoteVideoTrack>().toExtend<AgoraRemoteTrack>();
    expectTypeOf<IRemoteAudioTrack>().toExtend<AgoraRemoteTrack>();
  });

  it('lets apps pass the real SDK object or a loader', () => {
    expectTypeOf<IAgoraRTC>().toExtend<NonNullable<AgoraProviderOptions['sdk']>>();
    expectTypeOf<() => Promise<IAgoraRTC>>().toExtend<AgoraSdkLoader>();
  });
});
