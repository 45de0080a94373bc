/**
 * Pieces of the fake Agora SDK: its error class, local and remote tracks and
 * the relay configuration. Each `implements` the provider's narrowed view of
 * the real declarations (or the real interface where Agora's has no private
 * members), so a change in `agora-rtc-sdk-ng` breaks this file at compile time.
 */
import type {
  AgoraRTCErrorCode,
  ChannelMediaRelayInfo,
  IAgoraRTCError,
  IChannelMediaRelayConfiguration,
  UID,
} from 'agora-rtc-sdk-ng';
import type { AgoraCameraTrack, AgoraMicrophoneTrack, AgoraRemoteTrack } from '../../src/agora/sdk.js';
import { type ErrorCodeName, errorCode } from './fake-agora-enums.js';
import { FakeMediaStreamTrack } from './fake-media-track.js';

/** What `AgoraRTCError` looks like at runtime: name `AgoraRTCException`, a string code. */
export class FakeAgoraError extends Error implements IAgoraRTCError {
  override readonly name = 'AgoraRTCException';
  readonly data?: unknown;
  readonly code: AgoraRTCErrorCode;
  constructor(code: ErrorCodeName, message = 'fake failure') {
    super(`AgoraRTCError ${code}: ${message}`);
    this.code = errorCode(code);
  }
  print(): IAgoraRTCError {
    return this;
  }
  throw(): never {
    throw this;
  }
}

/** A camera or microphone track as Agora creates it. */
class FakeLocalTrack {
  readonly trackId = crypto.randomUUID();
  readonly media: FakeMediaStreamTrack;
  /** Every device the track was switched to. */
  readonly devices: string[] = [];
  muted = false;
  closed = false;

  constructor(readonly trackMediaType: 'audio' | 'video') {
    this.media = new FakeMediaStreamTrack(trackMediaType);
  }
  getTrackId(): string {
    return this.trackId;
  }
  getMediaStreamTrack(): MediaStreamTrack {
    return this.media;
  }
  async setMuted(muted: boolean): Promise<void> {
    this.muted = muted;
  }
  close(): void {
    this.closed = true;
    this.media.stop();
  }
}

/** `createCameraVideoTrack()`'s result. */
export class FakeCameraTrack extends FakeLocalTrack implements AgoraCameraTrack {
  constructor() {
    super('video');
  }
  async setDevice(device: Parameters<AgoraCameraTrack['setDevice']>[0]): Promise<void> {
    this.devices.push(typeof device === 'string' ? device : (device.deviceId ?? String(device.facingMode)));
  }
}

/** `createMicrophoneAudioTrack()`'s result. */
export class FakeMicrophoneTrack extends FakeLocalTrack implements AgoraMicrophoneTrack {
  constructor() {
    super('audio');
  }
  async setDevice(deviceId: string): Promise<void> {
    this.devices.push(deviceId);
  }
}

/** A subscribed remote track. */
export class FakeRemoteTrack implements AgoraRemoteTrack {
  readonly media: FakeMediaStreamTrack;
  constructor(
    readonly uid: UID,
    readonly trackMediaType: 'audio' | 'video',
  ) {
    this.media = new FakeMediaStreamTrack(trackMediaType);
  }
  getUserId(): UID {
    return this.uid;
  }
  getMediaStreamTrack(): MediaStreamTrack {
    return this.media;
  }
}

/** `createChannelMediaRelayConfiguration()`'s result, recording what was set. */
export class FakeRelayConfiguration implements IChannelMediaRelayConfiguration {
  source: ChannelMediaRelayInfo | undefined;
  readonly destinations: ChannelMediaRelayInfo[] = [];
  setSrcChannelInfo(info: ChannelMediaRelayInfo): void {
    this.source = info;
  }
  addDestChannelInfo(info: ChannelMediaRelayInfo): void {
    this.destinations.push(info);
  }
  removeDestChannelInfo(channelName: string): void {
    const index = this.destinations.findIndex((d) => d.channelName === channelName);
    if (index >= 0) this.destinations.splice(index, 1);
  }
}
