/**
 * A fake `AgoraRTC` entry point: creates {@link FakeAgoraClient}s and fake
 * tracks, records what it was asked for, and can fail track creation with
 * any Agora error code.
 */
import type { CameraVideoTrackInitConfig, ClientConfig, MicrophoneAudioTrackInitConfig } from 'agora-rtc-sdk-ng';
import type { AgoraSdk } from '../../src/agora/sdk.js';
import { FakeAgoraClient } from './fake-agora-client.js';
import type { ErrorCodeName } from './fake-agora-enums.js';
import { FakeAgoraError, FakeCameraTrack, FakeMicrophoneTrack, FakeRelayConfiguration } from './fake-agora-parts.js';

/** The fake SDK. */
export class FakeAgoraSdk implements AgoraSdk {
  readonly clients: FakeAgoraClient[] = [];
  readonly clientConfigs: ClientConfig[] = [];
  readonly cameraConfigs: (CameraVideoTrackInitConfig | undefined)[] = [];
  readonly microphoneConfigs: (MicrophoneAudioTrackInitConfig | undefined)[] = [];
  readonly cameras: FakeCameraTrack[] = [];
  readonly microphones: FakeMicrophoneTrack[] = [];
  readonly relayConfigurations: FakeRelayConfiguration[] = [];
  /** When true, clients' `join()` never settles by itself (Agora offline). */
  hangOnJoin = false;
  #trackFailure: ErrorCodeName | undefined;
  #joinFailure: ErrorCodeName | undefined;

  /** The client of the latest `createClient()`. */
  get client(): FakeAgoraClient {
    const client = this.clients.at(-1);
    if (!client) throw new Error('fake: no client created yet');
    return client;
  }

  /** Makes the next track creation reject with an Agora error of `code`. */
  failNextTrack(code: ErrorCodeName): void {
    this.#trackFailure = code;
  }

  /** Makes the next client's `join()` reject with an Agora error of `code`. */
  failNextJoin(code: ErrorCodeName): void {
    this.#joinFailure = code;
  }

  createClient(config: ClientConfig): FakeAgoraClient {
    this.clientConfigs.push(config);
    const client = new FakeAgoraClient({ hangOnJoin: this.hangOnJoin });
    if (this.#joinFailure) client.failNext('join', this.#joinFailure);
    this.#joinFailure = undefined;
    this.clients.push(client);
    return client;
  }

  async createCameraVideoTrack(config?: CameraVideoTrackInitConfig): Promise<FakeCameraTrack> {
    this.cameraConfigs.push(config);
    this.#throwIfFailing();
    const track = new FakeCameraTrack();
    this.cameras.push(track);
    return track;
  }

  async createMicrophoneAudioTrack(config?: MicrophoneAudioTrackInitConfig): Promise<FakeMicrophoneTrack> {
    this.microphoneConfigs.push(config);
    this.#throwIfFailing();
    const track = new FakeMicrophoneTrack();
    this.microphones.push(track);
    return track;
  }

  createChannelMediaRelayConfiguration(): FakeRelayConfiguration {
    const configuration = new FakeRelayConfiguration();
    this.relayConfigurations.push(configuration);
    return configuration;
  }

  #throwIfFailing(): void {
    const code = this.#trackFailure;
    this.#trackFailure = undefined;
    if (code !== undefined) throw new FakeAgoraError(code);
  }
}
