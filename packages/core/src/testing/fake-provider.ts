/**
 * An in-memory {@link RtcProvider}. Calls are recorded in {@link FakeProvider.calls};
 * remote behaviour is scripted with the `remote*` methods; failures are
 * injected with {@link FakeProvider.failNext}.
 */
import { EventEmitter } from 'eventemitter3';
import type { LiveroomError } from '../errors.js';
import type {
  CameraOptions,
  MicrophoneOptions,
  ProviderCapabilities,
  ProviderEventMap,
  ProviderJoinParams,
  ProviderJoinResult,
  ProviderLocalTrack,
  ProviderRemoteTrack,
  RelayDestination,
  RtcProvider,
  SendDataOptions,
} from '../provider.js';
import type { ProviderStats } from '../stats.js';
import type { Role, TrackKind, TrackSource } from '../types.js';

/** One recorded call: the method name and its arguments. */
export interface FakeCall {
  /** The {@link RtcProvider} method called, e.g. `'publish'` (plus `'switchDevice'` for a track's device switch). */
  method: string;
  /** Its arguments, simplified for assertions: a track is recorded as its `source`, join params without the signal. */
  args: unknown[];
}

/** Options of {@link FakeProvider}. */
export interface FakeProviderOptions {
  /** Overrides of the default capabilities (everything on except `keepsPublicationsOnReconnect`). */
  capabilities?: Partial<ProviderCapabilities>;
  /** When true, `join()` never settles by itself (only its abort signal ends it). */
  hangOnJoin?: boolean;
}

/** The methods {@link FakeProvider.failNext} can make reject. */
export type FakeFailableMethod =
  | 'join'
  | 'publish'
  | 'subscribe'
  | 'setRole'
  | 'renewToken'
  | 'createCameraTrack'
  | 'createMicrophoneTrack'
  | 'startRelay';

/** A stand-in MediaStreamTrack for environments without WebRTC (Node, jsdom). */
class FakeMediaStreamTrack {
  readyState: 'live' | 'ended' = 'live';
  enabled = true;
  readonly id = crypto.randomUUID();
  constructor(readonly kind: TrackKind) {}
  stop(): void {
    this.readyState = 'ended';
  }
}

/** The in-memory provider. Every {@link RtcProvider} method records its call in {@link FakeProvider.calls}. */
export class FakeProvider implements RtcProvider {
  /** `'fake'`, the provider name telemetry records. */
  readonly name = 'fake';
  /** Everything on except `keepsPublicationsOnReconnect`, unless the options say otherwise. */
  readonly capabilities: ProviderCapabilities;
  /** The provider events; the `remote*` methods emit on it, and a test may emit any other event itself. */
  readonly events = new EventEmitter<ProviderEventMap>();
  /** Every call made to the provider, in order. */
  readonly calls: FakeCall[] = [];
  /** Local tracks created and not yet closed. */
  readonly openTracks = new Set<ProviderLocalTrack>();
  readonly #failures = new Map<FakeFailableMethod, LiveroomError>();
  readonly #hangOnJoin: boolean;
  #joined = false;

  constructor(options: FakeProviderOptions = {}) {
    this.capabilities = {
      dataMessages: true,
      mediaRelay: true,
      dualStream: true,
      audioLevels: true,
      keepsPublicationsOnReconnect: false,
      ...options.capabilities,
    };
    this.#hangOnJoin = options.hangOnJoin ?? false;
  }

  /** True between a successful `join()` and `leave()`. */
  get joined(): boolean {
    return this.#joined;
  }

  /** Makes the next call of `method` reject with `error`. */
  failNext(method: FakeFailableMethod, error: LiveroomError): void {
    this.#failures.set(method, error);
  }

  /** Names of the calls made, in order. */
  methods(): string[] {
    return this.calls.map((c) => c.method);
  }

  /** A remote participant joins. */
  remoteJoin(id: string, role: Role = 'host'): void {
    this.events.emit('participant-joined', { id, role });
  }
  /** A remote participant publishes a track. */
  remotePublish(id: string, kind: TrackKind): void {
    this.events.emit('track-published', id, kind);
  }
  /** A remote participant stops publishing a track. */
  remoteUnpublish(id: string, kind: TrackKind): void {
    this.events.emit('track-unpublished', id, kind);
  }
  /** A remote participant leaves. */
  remoteLeave(id: string): void {
    this.events.emit('participant-left', id, 'left');
  }
  /** The transport drops and the provider starts reconnecting. */
  dropConnection(): void {
    this.events.emit('connection-state-changed', 'reconnecting', 'network');
  }
  /** The provider reconnected. */
  restoreConnection(): void {
    this.events.emit('connection-state-changed', 'connected', 'reconnected');
  }

  /**
   * Resolves with `params.userId` and a zero clock offset. Rejects with the
   * error armed by `failNext('join')`, or, with `hangOnJoin`, with the signal's reason once it aborts.
   */
  async join(params: ProviderJoinParams): Promise<ProviderJoinResult> {
    this.#record('join', [{ roomId: params.roomId, userId: params.userId, role: params.role, token: params.token }]);
    this.#throwIfFailing('join');
    if (this.#hangOnJoin) {
      return new Promise((_resolve, reject) => {
        params.signal.addEventListener('abort', () => reject(params.signal.reason), { once: true });
      });
    }
    this.#joined = true;
    return { userId: params.userId, serverTimeOffsetMs: 0 };
  }
  /** Marks the provider as left ({@link FakeProvider.joined} becomes false). */
  async leave(): Promise<void> {
    this.#record('leave', []);
    this.#joined = false;
  }
  /** Resolves, unless `failNext('setRole')` armed an error. */
  async setRole(role: Role): Promise<void> {
    this.#record('setRole', [role]);
    this.#throwIfFailing('setRole');
  }
  /** Resolves, unless `failNext('renewToken')` armed an error. */
  async renewToken(token: string): Promise<void> {
    this.#record('renewToken', [token]);
    this.#throwIfFailing('renewToken');
  }
  /** A fake camera track, listed in {@link FakeProvider.openTracks} until closed; `failNext` can make it reject. */
  async createCameraTrack(options: CameraOptions): Promise<ProviderLocalTrack> {
    this.#record('createCameraTrack', [options]);
    this.#throwIfFailing('createCameraTrack');
    return this.#track('video', 'camera');
  }
  /** A fake microphone track, listed in {@link FakeProvider.openTracks} until closed. */
  async createMicrophoneTrack(options: MicrophoneOptions): Promise<ProviderLocalTrack> {
    this.#record('createMicrophoneTrack', [options]);
    this.#throwIfFailing('createMicrophoneTrack');
    return this.#track('audio', 'microphone');
  }
  /** Resolves, unless `failNext('publish')` armed an error. Nothing is sent anywhere. */
  async publish(track: ProviderLocalTrack): Promise<void> {
    this.#record('publish', [track.source]);
    this.#throwIfFailing('publish');
  }
  /** Always resolves. */
  async unpublish(track: ProviderLocalTrack): Promise<void> {
    this.#record('unpublish', [track.source]);
  }
  /** Always resolves; no mute event is emitted to anyone. */
  async setMuted(track: ProviderLocalTrack, muted: boolean): Promise<void> {
    this.#record('setMuted', [track.source, muted]);
  }
  /** Resolves with a stand-in `MediaStreamTrack` (no media), unless `failNext('subscribe')` armed an error. */
  async subscribe(participantId: string, kind: TrackKind): Promise<ProviderRemoteTrack> {
    this.#record('subscribe', [participantId, kind]);
    this.#throwIfFailing('subscribe');
    return { participantId, kind, mediaStreamTrack: new FakeMediaStreamTrack(kind) as unknown as MediaStreamTrack };
  }
  /** Always resolves. */
  async unsubscribe(participantId: string, kind: TrackKind): Promise<void> {
    this.#record('unsubscribe', [participantId, kind]);
  }
  /** Empty stats: no remote video or audio, no local or transport figures. */
  async getStats(): Promise<ProviderStats> {
    this.#record('getStats', []);
    return { timestamp: Date.now(), remoteVideo: [], remoteAudio: [] };
  }
  /** Delivers nothing; to script an incoming message, emit `data-message` on {@link FakeProvider.events}. */
  async sendData(payload: string, options: SendDataOptions): Promise<void> {
    this.#record('sendData', [payload, options]);
  }

  /** Emits `relay-state-changed` `running`, unless `failNext('startRelay')` armed an error. */
  async startRelay(destinations: RelayDestination[]): Promise<void> {
    this.#record('startRelay', [destinations]);
    this.#throwIfFailing('startRelay');
    this.events.emit('relay-state-changed', 'running');
  }
  /** Always resolves; the relay state does not change. */
  async updateRelay(destinations: RelayDestination[]): Promise<void> {
    this.#record('updateRelay', [destinations]);
  }
  /** Emits `relay-state-changed` `idle`. */
  async stopRelay(): Promise<void> {
    this.#record('stopRelay', []);
    this.events.emit('relay-state-changed', 'idle');
  }

  #record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
  }

  #throwIfFailing(method: FakeFailableMethod): void {
    const error = this.#failures.get(method);
    if (!error) return;
    this.#failures.delete(method);
    throw error;
  }

  #track(kind: TrackKind, source: TrackSource): ProviderLocalTrack {
    const capture = () => new FakeMediaStreamTrack(kind) as unknown as MediaStreamTrack;
    let current = capture();
    const track: ProviderLocalTrack = {
      id: crypto.randomUUID(),
      kind,
      source,
      get mediaStreamTrack() {
        return current;
      },
      // Like real providers, a device switch replaces the capture track.
      switchDevice: async (deviceId: string) => {
        this.#record('switchDevice', [source, deviceId]);
        current.stop();
        current = capture();
      },
      close: () => {
        current.stop();
        this.openTracks.delete(track);
      },
    };
    this.openTracks.add(track);
    return track;
  }
}
