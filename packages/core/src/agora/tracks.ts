/**
 * Agora's camera and microphone tracks as {@link ProviderLocalTrack}s. The
 * wrapper keeps the Agora track so the provider can publish, mute and close
 * the very object the SDK created.
 */
import type { CameraVideoTrackInitConfig, MicrophoneAudioTrackInitConfig } from 'agora-rtc-sdk-ng';
import type { CameraOptions, MicrophoneOptions, ProviderLocalTrack } from '../provider.js';
import type { TrackKind, TrackSource } from '../types.js';
import { fromAgoraError } from './errors.js';
import type { AgoraCameraTrack, AgoraLocalTrack, AgoraMicrophoneTrack } from './sdk.js';

/** A local track created by the Agora provider. */
export class AgoraLocalTrackHandle implements ProviderLocalTrack {
  readonly id: string;
  readonly kind: TrackKind;
  readonly source: TrackSource;
  /** The SDK's own track, passed to `publish()`/`unpublish()`. */
  readonly agoraTrack: AgoraLocalTrack;
  readonly #setDevice: (deviceId: string) => Promise<void>;
  readonly #onClose: (track: AgoraLocalTrackHandle) => void;

  constructor(
    source: TrackSource,
    agoraTrack: AgoraCameraTrack | AgoraMicrophoneTrack,
    onClose: (track: AgoraLocalTrackHandle) => void,
  ) {
    this.id = agoraTrack.getTrackId();
    this.kind = agoraTrack.trackMediaType;
    this.source = source;
    this.agoraTrack = agoraTrack;
    this.#setDevice = (deviceId) => agoraTrack.setDevice(deviceId);
    this.#onClose = onClose;
  }

  /** The current browser track; Agora replaces it when the device changes. */
  get mediaStreamTrack(): MediaStreamTrack {
    return this.agoraTrack.getMediaStreamTrack();
  }

  async switchDevice(deviceId: string): Promise<void> {
    try {
      await this.#setDevice(deviceId);
    } catch (error) {
      throw fromAgoraError(error, `switch the ${this.source} to device "${deviceId}"`);
    }
  }

  close(): void {
    this.agoraTrack.close();
    this.#onClose(this);
  }
}

/**
 * Camera options as Agora's init config. An explicit size or frame rate
 * becomes the encoder configuration; otherwise the provider's preset applies.
 */
export function cameraConfigOf(options: CameraOptions, preset: string): CameraVideoTrackInitConfig {
  const { width, height, frameRate, deviceId, facingMode } = options;
  const custom = width !== undefined || height !== undefined || frameRate !== undefined;
  return {
    encoderConfig: custom
      ? {
          ...(width === undefined ? {} : { width }),
          ...(height === undefined ? {} : { height }),
          ...(frameRate === undefined ? {} : { frameRate }),
        }
      : preset,
    ...(deviceId === undefined ? {} : { cameraId: deviceId }),
    ...(facingMode === undefined ? {} : { facingMode }),
  };
}

/** Microphone options as Agora's init config (AEC, ANS and AGC are Agora's names for the three filters). */
export function microphoneConfigOf(
  options: MicrophoneOptions,
  preset: MicrophoneAudioTrackInitConfig['encoderConfig'],
): MicrophoneAudioTrackInitConfig {
  const { deviceId, echoCancellation, noiseSuppression, autoGainControl } = options;
  return {
    ...(preset === undefined ? {} : { encoderConfig: preset }),
    ...(deviceId === undefined ? {} : { microphoneId: deviceId }),
    ...(echoCancellation === undefined ? {} : { AEC: echoCancellation }),
    ...(noiseSuppression === undefined ? {} : { ANS: noiseSuppression }),
    ...(autoGainControl === undefined ? {} : { AGC: autoGainControl }),
  };
}
