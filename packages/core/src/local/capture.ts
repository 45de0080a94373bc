/**
 * Camera and microphone capture for the local provider: `getUserMedia` wrapped
 * as a {@link ProviderLocalTrack}, with the browser's `DOMException` names
 * mapped onto liveroom's error codes so apps can show the right help.
 */
import { LiveroomError, type LiveroomErrorCode } from '../errors.js';
import type { CameraOptions, MicrophoneOptions, ProviderLocalTrack } from '../provider.js';
import type { TrackKind, TrackSource } from '../types.js';

/** `getUserMedia` failure names → liveroom codes (names from the Media Capture and Streams spec). */
const CAPTURE_ERRORS: Record<string, LiveroomErrorCode> = {
  NotAllowedError: 'PERMISSION_DENIED',
  SecurityError: 'PERMISSION_DENIED',
  NotFoundError: 'DEVICE_NOT_FOUND',
  OverconstrainedError: 'DEVICE_NOT_FOUND',
  NotReadableError: 'DEVICE_IN_USE',
  AbortError: 'DEVICE_IN_USE',
};

/** Maps a `getUserMedia` rejection onto a {@link LiveroomError}. */
export function captureError(error: unknown, source: TrackSource): LiveroomError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const code = CAPTURE_ERRORS[name] ?? 'PROVIDER_ERROR';
  return new LiveroomError(code, `Could not start the ${source} (${name || 'unknown error'}).`, {
    cause: error,
    provider: 'local',
  });
}

/** Called when a capture track switches device, so senders can swap tracks. */
export type TrackSwap = (track: CaptureTrack, next: MediaStreamTrack) => void;

/** A `getUserMedia` track as a {@link ProviderLocalTrack}. */
export class CaptureTrack implements ProviderLocalTrack {
  readonly id = crypto.randomUUID();
  readonly kind: TrackKind;
  readonly source: TrackSource;
  #track: MediaStreamTrack;
  readonly #constraints: MediaTrackConstraints;
  readonly #onSwap: TrackSwap;

  constructor(source: TrackSource, track: MediaStreamTrack, constraints: MediaTrackConstraints, onSwap: TrackSwap) {
    this.source = source;
    this.kind = source === 'camera' ? 'video' : 'audio';
    this.#track = track;
    this.#constraints = constraints;
    this.#onSwap = onSwap;
  }

  get mediaStreamTrack(): MediaStreamTrack {
    return this.#track;
  }

  async switchDevice(deviceId: string): Promise<void> {
    const next = await capture(this.source, { ...this.#constraints, deviceId: { exact: deviceId } });
    this.#onSwap(this, next);
    this.#track.stop();
    this.#track = next;
  }

  close(): void {
    this.#track.stop();
  }
}

/** Opens one capture track with `constraints`, mapping failures. */
async function capture(source: TrackSource, constraints: MediaTrackConstraints): Promise<MediaStreamTrack> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia(
      source === 'camera' ? { video: constraints } : { audio: constraints },
    );
    const [track] = stream.getTracks();
    if (!track) throw new DOMException('No track returned', 'NotFoundError');
    return track;
  } catch (error) {
    throw captureError(error, source);
  }
}

/** Camera constraints from the neutral options (absent fields left to the browser). */
export function cameraConstraints(options: CameraOptions): MediaTrackConstraints {
  const c: MediaTrackConstraints = {};
  if (options.deviceId) c.deviceId = { exact: options.deviceId };
  if (options.width) c.width = { ideal: options.width };
  if (options.height) c.height = { ideal: options.height };
  if (options.frameRate) c.frameRate = { ideal: options.frameRate };
  if (options.facingMode) c.facingMode = options.facingMode;
  return c;
}

/** Microphone constraints from the neutral options. */
export function microphoneConstraints(options: MicrophoneOptions): MediaTrackConstraints {
  const c: MediaTrackConstraints = {};
  if (options.deviceId) c.deviceId = { exact: options.deviceId };
  if (options.echoCancellation !== undefined) c.echoCancellation = options.echoCancellation;
  if (options.noiseSuppression !== undefined) c.noiseSuppression = options.noiseSuppression;
  if (options.autoGainControl !== undefined) c.autoGainControl = options.autoGainControl;
  return c;
}

/** Starts the camera or microphone. */
export async function openCapture(
  source: TrackSource,
  constraints: MediaTrackConstraints,
  onSwap: TrackSwap,
): Promise<CaptureTrack> {
  return new CaptureTrack(source, await capture(source, constraints), constraints, onSwap);
}
