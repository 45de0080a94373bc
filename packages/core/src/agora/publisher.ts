/**
 * The Agora provider's local side: the camera and microphone tracks it
 * created, and publishing, unpublishing and muting them in the session's
 * channel. A track closed by the app is forgotten at once, because Agora
 * cannot use a closed track again.
 */
import { LiveroomError } from '../errors.js';
import type { CameraOptions, MicrophoneOptions, ProviderLocalTrack } from '../provider.js';
import { callAgora } from './errors.js';
import type { ResolvedAgoraProviderOptions } from './options.js';
import type { AgoraClient, AgoraSdk } from './sdk.js';
import { AgoraLocalTrackHandle, cameraConfigOf, microphoneConfigOf } from './tracks.js';

/** What publishing needs from the provider's current session. */
export interface PublishingSession {
  readonly client: AgoraClient;
  /** Local tracks published in this session. */
  readonly published: Set<AgoraLocalTrackHandle>;
  /** Whether `enableDualStream()` already ran on this client. */
  dualStreamEnabled: boolean;
}

/** The provider options publishing reads. */
export type PublisherOptions = Pick<
  ResolvedAgoraProviderOptions,
  'videoEncoderPreset' | 'audioEncoderPreset' | 'dualStream'
>;

/** The local tracks of one Agora provider. */
export class AgoraPublisher {
  readonly #created = new Set<AgoraLocalTrackHandle>();
  readonly #options: PublisherOptions;
  readonly #loadSdk: () => Promise<AgoraSdk>;
  readonly #session: () => PublishingSession | undefined;

  /** `session` returns the provider's current session, so closing a track also unpublishes it there. */
  constructor(
    options: PublisherOptions,
    loadSdk: () => Promise<AgoraSdk>,
    session: () => PublishingSession | undefined,
  ) {
    this.#options = options;
    this.#loadSdk = loadSdk;
    this.#session = session;
  }

  /** Opens the camera with `createCameraVideoTrack()`, at `videoEncoderPreset` unless a size is given. */
  async createCameraTrack(options: CameraOptions): Promise<ProviderLocalTrack> {
    const sdk = await this.#loadSdk();
    const track = await callAgora('open the camera', () =>
      sdk.createCameraVideoTrack(cameraConfigOf(options, this.#options.videoEncoderPreset)),
    );
    return this.#keep(new AgoraLocalTrackHandle('camera', track, (t) => this.#forget(t)));
  }

  /** Opens the microphone with `createMicrophoneAudioTrack()`, at `audioEncoderPreset`. */
  async createMicrophoneTrack(options: MicrophoneOptions): Promise<ProviderLocalTrack> {
    const sdk = await this.#loadSdk();
    const track = await callAgora('open the microphone', () =>
      sdk.createMicrophoneAudioTrack(microphoneConfigOf(options, this.#options.audioEncoderPreset)),
    );
    return this.#keep(new AgoraLocalTrackHandle('microphone', track, (t) => this.#forget(t)));
  }

  /** Publishes the track to the channel, enabling the low stream first when `dualStream` is on. */
  async publish(session: PublishingSession, track: ProviderLocalTrack): Promise<void> {
    const handle = this.#handleOf(track);
    await callAgora(`publish the ${handle.source}`, async () => {
      if (handle.kind === 'video' && this.#options.dualStream && !session.dualStreamEnabled) {
        await session.client.enableDualStream();
        session.dualStreamEnabled = true;
      }
      await session.client.publish(handle.agoraTrack);
    });
    session.published.add(handle);
  }

  /** Unpublishes the track from the channel without closing it. */
  async unpublish(session: PublishingSession, track: ProviderLocalTrack): Promise<void> {
    const handle = this.#handleOf(track);
    await callAgora(`unpublish the ${handle.source}`, () => session.client.unpublish(handle.agoraTrack));
    session.published.delete(handle);
  }

  /** Agora's `track.setMuted()`: frames stop and remote users get `user-info-updated` (`mute-video`, `mute-audio`). */
  async setMuted(track: ProviderLocalTrack, muted: boolean): Promise<void> {
    const handle = this.#handleOf(track);
    await callAgora(`${muted ? 'mute' : 'unmute'} the ${handle.source}`, () => handle.agoraTrack.setMuted(muted));
  }

  /** Closes every track this provider created (the session is ending). */
  closeAll(): void {
    for (const track of [...this.#created]) track.close();
  }

  #handleOf(track: ProviderLocalTrack): AgoraLocalTrackHandle {
    if (track instanceof AgoraLocalTrackHandle && this.#created.has(track)) return track;
    throw new LiveroomError('INVALID_STATE', 'This track was not created by this Agora provider, or it was closed.', {
      provider: 'agora',
    });
  }

  #keep(handle: AgoraLocalTrackHandle): AgoraLocalTrackHandle {
    this.#created.add(handle);
    return handle;
  }

  /** A closed track cannot be used again (Agora), so it no longer counts as created or published. */
  #forget(handle: AgoraLocalTrackHandle): void {
    this.#created.delete(handle);
    this.#session()?.published.delete(handle);
  }
}
