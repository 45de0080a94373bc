/**
 * The live room: one provider-neutral API over an {@link RtcProvider}.
 * Holds the session state, mirrors the provider's connection states, keeps
 * remote participants as immutable snapshots, and exposes everything both as
 * typed events and as state to watch ({@link Room.watch}; rxjs observables in
 * `@liveroom/core/rx`).
 */
import { EventEmitter } from 'eventemitter3';
import * as input from './config.js';
import { DEFAULT_JOIN_TIMEOUT_MS, type JoinOptions, type RoomOptions } from './config.js';
import { ConnectionStates } from './connection-state.js';
import { asLiveroomError, LiveroomError } from './errors.js';
import { JoinAttempt } from './join-attempt.js';
import { onEvents } from './listeners.js';
import { LocalPublications } from './local-publications.js';
import type { RemoteParticipant } from './participants.js';
import type { ProviderCapabilities, RelayDestination, RtcProvider, SendDataOptions } from './provider.js';
import { type OptionalMethod, type ProviderListeners, requireCapability } from './provider-binding.js';
import { PARTICIPANT_CHANGES, RemoteParticipants } from './remote-participants.js';
import type { EmitRoomEvent } from './room-emit.js';
import type { LeaveReason, RoomEventMap } from './room-events.js';
import { RoomSignals } from './room-signals.js';
import { type RoomState, type RoomStateName, type RoomStateSource, watchState } from './room-state.js';
import { endStateReason, joinFailureReason, randomUserId, type Session } from './session.js';
import type { ProviderStats } from './stats.js';
import type { LocalTrack, RemoteTrack, TrackAttachmentObserver } from './tracks.js';
import {
  type ConnectionState,
  type ConnectionStateReason,
  canPublish,
  type Role,
  type TrackKind,
  type TrackSource,
  type VideoStreamQuality,
} from './types.js';
import { parseInput } from './validation.js';

/**
 * A live room. Create it with {@link createRoom}.
 *
 * @example
 * ```ts
 * const room = createRoom({ provider: createLocalProvider({ signallingUrl: 'ws://127.0.0.1:8787' }) });
 * room.on('track-subscribed', (track) => track.attach(videoElement));
 * await room.join({ roomId: 'shop-42', role: 'audience' });
 * ```
 */
export class Room<P extends RtcProvider = RtcProvider> extends EventEmitter<RoomEventMap> {
  /** The provider this room runs on, for provider-specific features. */
  readonly provider: P;
  readonly #joinTimeoutMs: number;
  readonly #connection: ConnectionStates;
  #role: Role | undefined;
  readonly #attachments: TrackAttachmentObserver = {
    attached: (track, element) => this.#emit('track-attached', track, element),
    detached: (track, element) => this.#emit('track-detached', track, element),
    playbackBlocked: (track, element) => this.#emit('autoplay-blocked', track, element),
  };
  readonly #listeners: ProviderListeners;
  readonly #remote: RemoteParticipants;
  readonly #local: LocalPublications;
  readonly #signals: RoomSignals;
  #session: Session | undefined;
  #unbindProvider: () => void = () => {};
  #joinAttempt: JoinAttempt | undefined;

  /** How each piece of {@link RoomState} is read, and the events after which it may change. */
  readonly #stateSources: { [K in RoomStateName]: RoomStateSource<RoomState[K]> } = {
    connectionState: [[], () => this.#connection.current],
    participants: [PARTICIPANT_CHANGES, () => this.#remote.list],
    localTracks: [['local-track-published', 'local-track-unpublished'], () => this.#local.tracks],
    role: [['role-changed'], () => this.#role],
    activeSpeaker: [['active-speaker-changed'], () => this.#signals.activeSpeaker],
    networkQuality: [['network-quality'], () => this.#signals.networkQuality],
  };

  /** @internal Use {@link createRoom}. */
  constructor(options: RoomOptions & { provider: P }) {
    super();
    const parsed = parseInput(input.roomOptionsSchema, options, 'createRoom() options');
    this.provider = options.provider;
    this.#joinTimeoutMs = parsed.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS;
    const emit: EmitRoomEvent = (event, ...args) => this.#emit(event, ...args);
    this.#connection = new ConnectionStates(emit);
    this.#remote = new RemoteParticipants(this.provider, emit, this.#attachments, parsed.autoSubscribe ?? true);
    this.#local = new LocalPublications(this.provider, emit, this.#attachments);
    this.#signals = new RoomSignals(emit);
    this.#listeners = this.#providerListeners();
  }

  /** The connection state now. */
  get connectionState(): ConnectionState {
    return this.#connection.current;
  }
  /** The room id while in a room. */
  get roomId(): string | undefined {
    return this.#session?.roomId;
  }
  /** The local user's id while in a room. */
  get userId(): string | undefined {
    return this.#session?.userId;
  }
  /** The local user's role while in a room. */
  get role(): Role | undefined {
    return this.#role;
  }
  /** Server clock minus local clock in ms (0 when the provider does not know it). */
  get serverTimeOffsetMs(): number {
    return this.#session?.serverTimeOffsetMs ?? 0;
  }
  /** Remote participants by id. */
  get participants(): ReadonlyMap<string, RemoteParticipant> {
    return this.#remote.all;
  }
  /** The local user's published tracks. */
  get localTracks(): readonly LocalTrack[] {
    return this.#local.tracks;
  }
  /** The active speaker's id (`''` for the local user), `undefined` for silence. */
  get activeSpeaker(): string | undefined {
    return this.#signals.activeSpeaker;
  }

  /**
   * Joins a room. Rejects with `INVALID_STATE` when already joined or joining,
   * `JOIN_TIMEOUT` after `joinTimeoutMs`, `CONNECTION_FAILED` when the provider
   * cannot connect, and `INVALID_CONFIG` for bad options.
   */
  async join(options: JoinOptions): Promise<void> {
    const {
      roomId,
      role,
      token,
      userId = randomUserId(),
    } = parseInput(input.joinOptionsSchema, options, 'join() options');
    const state = this.#connection.current;
    if (state !== 'disconnected' && state !== 'failed') {
      throw new LiveroomError(
        'INVALID_STATE',
        `join() called while the room is ${state}. Call leave() first, or create another Room for a second room.`,
      );
    }
    const attempt = new JoinAttempt(this.#joinTimeoutMs, this.provider.name);
    this.#joinAttempt = attempt;
    this.#unbindProvider = onEvents(this.provider.events, this.#listeners);
    this.#emit('joining', { roomId, userId, role });
    this.#connection.set('connecting', 'join');
    try {
      const result = await attempt.run(
        this.provider.join({ roomId, userId, role, signal: attempt.signal, ...(token ? { token } : {}) }),
      );
      this.#session = { roomId, userId: result.userId, role, serverTimeOffsetMs: result.serverTimeOffsetMs ?? 0 };
      this.#role = role;
      this.#connection.set('connected', 'joined');
      this.#emit('joined', { roomId, userId: result.userId, role });
    } catch (error) {
      const failure = asLiveroomError(error, 'CONNECTION_FAILED', `Could not join room "${roomId}"`);
      await this.#teardown();
      if (failure.code === 'OPERATION_ABORTED') {
        this.#connection.set('disconnected', 'leave');
      } else {
        this.#connection.set('failed', joinFailureReason(failure.code));
      }
      throw failure;
    } finally {
      this.#joinAttempt = undefined;
      attempt.finish();
    }
  }

  /**
   * Leaves the room and releases everything: local tracks are stopped, remote
   * tracks detached, provider connections and listeners removed. Safe to call
   * in any state; a pending `join()` rejects with `OPERATION_ABORTED`.
   */
  async leave(): Promise<void> {
    if (this.#joinAttempt) {
      await this.#joinAttempt.cancel();
      return;
    }
    await this.#end('leave');
  }

  /** Creates and publishes the camera (idempotent: returns the published one). Needs a host or cohost role. */
  async publishCamera(options?: Parameters<RtcProvider['createCameraTrack']>[0]): Promise<LocalTrack> {
    const parsed = parseInput(input.cameraOptionsSchema, options, 'publishCamera() options') ?? {};
    const { role } = this.#requireConnected('publishCamera()');
    return this.#local.publish('camera', role, () => this.provider.createCameraTrack(parsed));
  }

  /** Creates and publishes the microphone (idempotent: returns the published one). Needs a host or cohost role. */
  async publishMicrophone(options?: Parameters<RtcProvider['createMicrophoneTrack']>[0]): Promise<LocalTrack> {
    const parsed = parseInput(input.microphoneOptionsSchema, options, 'publishMicrophone() options') ?? {};
    const { role } = this.#requireConnected('publishMicrophone()');
    return this.#local.publish('microphone', role, () => this.provider.createMicrophoneTrack(parsed));
  }

  /** Stops publishing the camera or microphone and releases the device. No-op when not published. */
  async unpublish(source: TrackSource): Promise<void> {
    parseInput(input.trackSourceSchema, source, 'unpublish() source');
    await this.#local.unpublish(source, this.#connection.current === 'connected');
  }

  /** Mutes or unmutes a published track; viewers see a mute as a pause, not a stall. */
  async setMuted(source: TrackSource, muted: boolean): Promise<void> {
    parseInput(input.trackSourceSchema, source, 'setMuted() source');
    await this.#local.setMuted(source, muted);
  }

  /** Switches the camera or microphone to another device without republishing. */
  async switchDevice(source: TrackSource, deviceId: string): Promise<void> {
    parseInput(input.trackSourceSchema, source, 'switchDevice() source');
    await this.#local.switchDevice(source, deviceId);
  }

  /**
   * Switches role without leaving. Stepping down to `audience` unpublishes and
   * releases the local tracks first.
   */
  async setRole(role: Role): Promise<void> {
    parseInput(input.roleSchema, role, 'setRole() role');
    const session = this.#requireConnected('setRole()');
    const previous = session.role;
    if (previous === role) return;
    if (!canPublish(role)) {
      for (const track of this.#local.tracks) await this.#local.unpublish(track.source, true);
    }
    await this.provider.setRole(role);
    session.role = role;
    this.#role = role;
    this.#emit('role-changed', role, previous);
  }

  /** Renews the token; call it on `token-will-expire`. */
  async renewToken(token: string): Promise<void> {
    parseInput(input.tokenSchema, token, 'renewToken() token');
    this.#requireConnected('renewToken()');
    await this.provider.renewToken(token);
  }

  /** Subscribes to a remote track by hand (when `autoSubscribe` is off). */
  async subscribe(participantId: string, kind: TrackKind): Promise<RemoteTrack> {
    parseInput(input.participantIdSchema, participantId, 'subscribe() participantId');
    parseInput(input.trackKindSchema, kind, 'subscribe() kind');
    this.#requireConnected('subscribe()');
    return this.#remote.subscribe(participantId, kind);
  }

  /** Stops receiving a remote track. */
  async unsubscribe(participantId: string, kind: TrackKind): Promise<void> {
    parseInput(input.participantIdSchema, participantId, 'unsubscribe() participantId');
    parseInput(input.trackKindSchema, kind, 'unsubscribe() kind');
    this.#requireConnected('unsubscribe()');
    await this.#remote.unsubscribe(participantId, kind);
  }

  /** Chooses the high or low stream of a remote publisher (needs `capabilities.dualStream`). */
  async setRemoteVideoQuality(participantId: string, quality: VideoStreamQuality): Promise<void> {
    parseInput(input.participantIdSchema, participantId, 'setRemoteVideoQuality() participantId');
    parseInput(input.videoStreamQualitySchema, quality, 'setRemoteVideoQuality() quality');
    await this.#optional('setRemoteVideoQuality()', 'setRemoteVideoQuality', 'dualStream')(participantId, quality);
  }

  /** Sends a data message to the room or to some participants (needs `capabilities.dataMessages`). */
  async sendData(payload: string, options: SendDataOptions = {}): Promise<void> {
    parseInput(input.sendDataSchema, { payload, options }, 'sendData() arguments');
    await this.#optional('sendData()', 'sendData', 'dataMessages')(payload, options);
  }

  /** Starts relaying the local media into other rooms (cross-room PK; needs `capabilities.mediaRelay`). */
  async startMediaRelay(destinations: RelayDestination[]): Promise<void> {
    parseInput(input.relayDestinationsSchema, destinations, 'startMediaRelay() destinations');
    await this.#optional('startMediaRelay()', 'startRelay', 'mediaRelay')(destinations);
  }

  /** Changes the relay's destinations. */
  async updateMediaRelay(destinations: RelayDestination[]): Promise<void> {
    parseInput(input.relayDestinationsSchema, destinations, 'updateMediaRelay() destinations');
    await this.#optional('updateMediaRelay()', 'updateRelay', 'mediaRelay')(destinations);
  }

  /** Stops the cross-room relay. */
  async stopMediaRelay(): Promise<void> {
    await this.#optional('stopMediaRelay()', 'stopRelay', 'mediaRelay')();
  }

  /** One stats snapshot in the neutral shape. */
  async getStats(): Promise<ProviderStats> {
    this.#requireConnected('getStats()');
    return this.provider.getStats();
  }

  /** Retries playback of every attached track; call it from a click after `autoplay-blocked`. */
  resumePlayback(): void {
    for (const track of [...this.#local.tracks, ...this.#remote.tracks()]) track.resume();
  }

  /**
   * Follows one piece of room state: calls `listener` with its value now, then
   * with each new value once (after the room event that changed it). Returns
   * the function that stops. Works in and out of a session; the room's events
   * stay the source (use `@liveroom/core/rx`'s `roomState$` for an observable).
   * The first call comes before `watch()` returns, so a listener that may stop
   * on the current value cannot call the returned function yet: check the value
   * after `watch()` returns, or use `roomState$` with `take`/`takeWhile`.
   *
   * @example
   * ```ts
   * const stop = room.watch('participants', (people) => renderGuests(people));
   * ```
   */
  watch<K extends RoomStateName>(state: K, listener: (value: RoomState[K]) => void): () => void {
    parseInput(input.watchSchema, { state, listener }, 'watch() arguments');
    return watchState(this, this.#stateSources[state] as RoomStateSource<RoomState[K]>, listener);
  }

  #emit<E extends keyof RoomEventMap>(event: E, ...args: RoomEventMap[E]): void {
    // Every room event passes here, so a debugger breakpoint or a logger sees them all.
    (this.emit as (event: E, ...args: RoomEventMap[E]) => boolean)(event, ...args);
  }

  #requireConnected(what: string): Session {
    if (this.#connection.current !== 'connected' || !this.#session) {
      throw new LiveroomError(
        'INVALID_STATE',
        `${what} needs a connected room, but the room is ${this.#connection.current}. Await join() first.`,
      );
    }
    return this.#session;
  }

  /** The provider's optional `method` for the call `what`: needs a connected room, then the provider's `capability`. */
  #optional<M extends OptionalMethod>(
    what: string,
    method: M,
    capability: keyof ProviderCapabilities,
  ): NonNullable<RtcProvider[M]> {
    this.#requireConnected(what);
    return requireCapability(this.provider, method, capability);
  }

  #providerListeners(): ProviderListeners {
    return {
      'connection-state-changed': (state, reason) => this.#onProviderState(state, reason),
      ...this.#remote.listeners(),
      ...this.#signals.listeners(),
      removed: (reason) => {
        this.#emit(reason === 'kicked' ? 'kicked' : 'room-closed');
        void this.#end(reason);
      },
    };
  }

  #onProviderState(state: ConnectionState, reason: ConnectionStateReason): void {
    if (!this.#session) return; // join() drives the states until it resolves.
    const outcome = this.#connection.mirror(state, reason);
    if (outcome === 'restored' && !this.provider.capabilities.keepsPublicationsOnReconnect) void this.#local.restore();
    if (outcome === 'lost') {
      const message = `The connection was lost (${reason}) and could not be restored.`;
      const error = new LiveroomError('CONNECTION_FAILED', message, { provider: this.provider.name });
      this.#emit('error', error);
      void this.#end('failed');
    }
  }

  async #teardown(): Promise<void> {
    this.#unbindProvider();
    this.#unbindProvider = () => {};
    this.#local.releaseAll();
    this.#remote.clear();
    this.#signals.clear();
    this.#role = undefined;
    this.#session = undefined;
    this.#connection.reset();
    await this.provider.leave().catch(() => undefined);
  }

  async #end(reason: LeaveReason): Promise<void> {
    if (!this.#session) return;
    await this.#teardown();
    this.#connection.set(reason === 'failed' ? 'failed' : 'disconnected', endStateReason(reason));
    this.#emit('left', reason);
  }
}

/**
 * Creates a room on the given provider.
 *
 * @example
 * ```ts
 * import { createRoom } from '@liveroom/core';
 * import { createLocalProvider } from '@liveroom/core/local';
 * const room = createRoom({ provider: createLocalProvider({ signallingUrl: 'ws://127.0.0.1:8787' }) });
 * ```
 */
export function createRoom<P extends RtcProvider>(options: RoomOptions & { provider: P }): Room<P> {
  return new Room(options);
}
