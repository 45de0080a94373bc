/**
 * The live room: one provider-neutral API over an {@link RtcProvider}.
 * Holds the session state, mirrors the provider's connection states, keeps
 * remote participants as immutable snapshots, and exposes everything both as
 * typed events and as rxjs observables.
 */
import EventEmitter from 'eventemitter3';
import { BehaviorSubject, distinctUntilChanged, map, type Observable } from 'rxjs';
import { pickActiveSpeaker } from './active-speaker.js';
import {
  cameraOptionsSchema,
  type JoinOptions,
  joinOptionsSchema,
  microphoneOptionsSchema,
  participantIdSchema,
  type RoomOptions,
  roleSchema,
  roomOptionsSchema,
  tokenSchema,
  trackKindSchema,
  trackSourceSchema,
} from './config.js';
import { asLiveroomError, LiveroomError } from './errors.js';
import { newParticipant, type RemoteParticipant, trackOf, withKind, withTrack } from './participants.js';
import type {
  AudioLevel,
  ProviderEventMap,
  ProviderLocalTrack,
  RelayDestination,
  RtcProvider,
  SendDataOptions,
} from './provider.js';
import type { LeaveReason, RoomEventMap } from './room-events.js';
import type { ProviderStats } from './stats.js';
import { LocalTrack, RemoteTrack, type Track, type TrackAttachmentObserver } from './tracks.js';
import {
  type ConnectionState,
  type ConnectionStateChange,
  type ConnectionStateReason,
  canPublish,
  type NetworkQuality,
  type Role,
  type TrackKind,
  type TrackSource,
  type VideoStreamQuality,
} from './types.js';
import { parseInput } from './validation.js';

/** The current session, present between `join()` and the end of the session. */
interface Session {
  roomId: string;
  userId: string;
  role: Role;
  serverTimeOffsetMs: number;
}

type ProviderListeners = { [E in keyof ProviderEventMap]: (...args: ProviderEventMap[E]) => void };

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
  readonly #autoSubscribe: boolean;
  readonly #joinTimeoutMs: number;
  readonly #state = new BehaviorSubject<ConnectionState>('disconnected');
  readonly #participants = new BehaviorSubject<ReadonlyMap<string, RemoteParticipant>>(new Map());
  readonly #localTracks = new BehaviorSubject<readonly LocalTrack[]>([]);
  readonly #role = new BehaviorSubject<Role | undefined>(undefined);
  readonly #activeSpeaker = new BehaviorSubject<string | undefined>(undefined);
  readonly #networkQuality = new BehaviorSubject<NetworkQuality | undefined>(undefined);
  readonly #attachments: TrackAttachmentObserver = {
    attached: (track, element) => this.#emit('track-attached', track, element),
    detached: (track, element) => this.#emit('track-detached', track, element),
    playbackBlocked: (track, element) => this.#emit('autoplay-blocked', track, element),
  };
  readonly #listeners: ProviderListeners;
  #session: Session | undefined;
  #joinAbort: AbortController | undefined;
  /** Settles when the pending join() has finished cleaning up, so leave() can wait for it. */
  #joinSettled: Promise<void> | undefined;
  #wasReconnecting = false;

  /** Emits the current connection state, then every change. */
  readonly connectionState$: Observable<ConnectionState> = this.#state.asObservable();
  /** Emits the remote participants (in join order) on every change. */
  readonly participants$: Observable<readonly RemoteParticipant[]> = this.#participants.pipe(
    map((participants) => [...participants.values()]),
  );
  /** Emits the local user's published tracks on every change. */
  readonly localTracks$: Observable<readonly LocalTrack[]> = this.#localTracks.asObservable();
  /** Emits the local user's role (`undefined` when not in a room). */
  readonly role$: Observable<Role | undefined> = this.#role.pipe(distinctUntilChanged());
  /** Emits the active speaker's id (`''` for the local user, `undefined` for silence). */
  readonly activeSpeaker$: Observable<string | undefined> = this.#activeSpeaker.asObservable();
  /** Emits the local user's network quality as the provider reports it. */
  readonly networkQuality$: Observable<NetworkQuality | undefined> = this.#networkQuality.asObservable();

  /** @internal Use {@link createRoom}. */
  constructor(options: RoomOptions & { provider: P }) {
    super();
    const parsed = parseInput(roomOptionsSchema, options, 'createRoom() options');
    this.provider = options.provider;
    this.#autoSubscribe = parsed.autoSubscribe;
    this.#joinTimeoutMs = parsed.joinTimeoutMs;
    this.#listeners = this.#providerListeners();
  }

  /** The connection state now. */
  get connectionState(): ConnectionState {
    return this.#state.value;
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
    return this.#role.value;
  }
  /** Server clock minus local clock in ms (0 when the provider does not know it). */
  get serverTimeOffsetMs(): number {
    return this.#session?.serverTimeOffsetMs ?? 0;
  }
  /** Remote participants by id. */
  get participants(): ReadonlyMap<string, RemoteParticipant> {
    return this.#participants.value;
  }
  /** The local user's published tracks. */
  get localTracks(): readonly LocalTrack[] {
    return this.#localTracks.value;
  }
  /** The active speaker's id (`''` for the local user), `undefined` for silence. */
  get activeSpeaker(): string | undefined {
    return this.#activeSpeaker.value;
  }

  /**
   * Joins a room. Rejects with `INVALID_STATE` when already joined or joining,
   * `JOIN_TIMEOUT` after `joinTimeoutMs`, `CONNECTION_FAILED` when the provider
   * cannot connect, and `INVALID_CONFIG` for bad options.
   */
  async join(options: JoinOptions): Promise<void> {
    const { roomId, role, token, userId = randomUserId() } = parseInput(joinOptionsSchema, options, 'join() options');
    if (this.#state.value !== 'disconnected' && this.#state.value !== 'failed') {
      throw new LiveroomError(
        'INVALID_STATE',
        `join() called while the room is ${this.#state.value}. Call leave() first, or create another Room for a second room.`,
      );
    }
    const abort = new AbortController();
    this.#joinAbort = abort;
    let settle = () => {};
    this.#joinSettled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    this.#attachProvider();
    this.#setState('connecting', 'join');
    const timeout = setTimeout(
      () =>
        abort.abort(
          new LiveroomError(
            'JOIN_TIMEOUT',
            `join() did not complete within ${this.#joinTimeoutMs} ms. Check the network or the signalling URL, or raise joinTimeoutMs.`,
            { provider: this.provider.name },
          ),
        ),
      this.#joinTimeoutMs,
    );
    try {
      const result = await raceAbort(
        this.provider.join({ roomId, userId, role, signal: abort.signal, ...(token ? { token } : {}) }),
        abort.signal,
      );
      this.#session = { roomId, userId: result.userId, role, serverTimeOffsetMs: result.serverTimeOffsetMs ?? 0 };
      this.#role.next(role);
      this.#setState('connected', 'joined');
      this.#emit('joined', { roomId, userId: result.userId, role });
    } catch (error) {
      const failure = asLiveroomError(error, 'CONNECTION_FAILED', `Could not join room "${roomId}"`);
      await this.#teardown();
      if (failure.code === 'OPERATION_ABORTED') {
        this.#setState('disconnected', 'leave');
      } else {
        this.#setState('failed', failure.code === 'JOIN_TIMEOUT' ? 'join-timeout' : 'server-unreachable');
      }
      throw failure;
    } finally {
      clearTimeout(timeout);
      this.#joinAbort = undefined;
      settle();
    }
  }

  /**
   * Leaves the room and releases everything: local tracks are stopped, remote
   * tracks detached, provider connections and listeners removed. Safe to call
   * in any state; a pending `join()` rejects with `OPERATION_ABORTED`.
   */
  async leave(): Promise<void> {
    if (this.#joinAbort) {
      this.#joinAbort.abort(new LiveroomError('OPERATION_ABORTED', 'join() was cancelled by leave().'));
      await this.#joinSettled;
      return;
    }
    await this.#end('leave');
  }

  /** Creates and publishes the camera (idempotent: returns the published one). Needs a host or cohost role. */
  async publishCamera(options?: Parameters<RtcProvider['createCameraTrack']>[0]): Promise<LocalTrack> {
    const parsed = parseInput(cameraOptionsSchema, options, 'publishCamera() options') ?? {};
    return this.#publish('camera', () => this.provider.createCameraTrack(parsed));
  }

  /** Creates and publishes the microphone (idempotent: returns the published one). Needs a host or cohost role. */
  async publishMicrophone(options?: Parameters<RtcProvider['createMicrophoneTrack']>[0]): Promise<LocalTrack> {
    const parsed = parseInput(microphoneOptionsSchema, options, 'publishMicrophone() options') ?? {};
    return this.#publish('microphone', () => this.provider.createMicrophoneTrack(parsed));
  }

  /** Stops publishing the camera or microphone and releases the device. No-op when not published. */
  async unpublish(source: TrackSource): Promise<void> {
    parseInput(trackSourceSchema, source, 'unpublish() source');
    const track = this.#localTrack(source);
    if (!track) return;
    this.#localTracks.next(this.#localTracks.value.filter((t) => t !== track));
    try {
      if (this.#state.value === 'connected') await this.provider.unpublish(track.providerTrack);
    } finally {
      track.detach();
      track.providerTrack.close();
      this.#emit('local-track-unpublished', track);
    }
  }

  /** Mutes or unmutes a published track; viewers see a mute as a pause, not a stall. */
  async setMuted(source: TrackSource, muted: boolean): Promise<void> {
    parseInput(trackSourceSchema, source, 'setMuted() source');
    const track = this.#localTrack(source);
    if (!track) throw new LiveroomError('INVALID_STATE', `setMuted("${source}") called with no ${source} published.`);
    await this.provider.setMuted(track.providerTrack, muted);
    track.setMuted(muted);
    this.#emit('local-track-muted-changed', track, muted);
  }

  /** Switches the camera or microphone to another device without republishing. */
  async switchDevice(source: TrackSource, deviceId: string): Promise<void> {
    parseInput(trackSourceSchema, source, 'switchDevice() source');
    const track = this.#localTrack(source);
    if (!track)
      throw new LiveroomError('INVALID_STATE', `switchDevice("${source}") called with no ${source} published.`);
    await track.providerTrack.switchDevice(deviceId);
  }

  /**
   * Switches role without leaving. Stepping down to `audience` unpublishes and
   * releases the local tracks first.
   */
  async setRole(role: Role): Promise<void> {
    parseInput(roleSchema, role, 'setRole() role');
    const session = this.#requireConnected('setRole()');
    const previous = session.role;
    if (previous === role) return;
    if (!canPublish(role)) {
      for (const track of this.#localTracks.value) await this.unpublish(track.source);
    }
    await this.provider.setRole(role);
    session.role = role;
    this.#role.next(role);
    this.#emit('role-changed', role, previous);
  }

  /** Renews the token; call it on `token-will-expire`. */
  async renewToken(token: string): Promise<void> {
    parseInput(tokenSchema, token, 'renewToken() token');
    this.#requireConnected('renewToken()');
    await this.provider.renewToken(token);
  }

  /** Subscribes to a remote track by hand (when `autoSubscribe` is off). */
  async subscribe(participantId: string, kind: TrackKind): Promise<RemoteTrack> {
    parseInput(participantIdSchema, participantId, 'subscribe() participantId');
    parseInput(trackKindSchema, kind, 'subscribe() kind');
    this.#requireConnected('subscribe()');
    const participant = this.#participants.value.get(participantId);
    if (!participant?.published.has(kind)) {
      throw new LiveroomError(
        'INVALID_STATE',
        `${participantId} does not publish ${kind}. Wait for 'track-published'.`,
      );
    }
    return trackOf(participant, kind) ?? this.#subscribe(participantId, kind);
  }

  /** Stops receiving a remote track. */
  async unsubscribe(participantId: string, kind: TrackKind): Promise<void> {
    parseInput(participantIdSchema, participantId, 'unsubscribe() participantId');
    parseInput(trackKindSchema, kind, 'unsubscribe() kind');
    this.#requireConnected('unsubscribe()');
    if (!this.#dropTrack(participantId, kind)) return;
    await this.provider.unsubscribe(participantId, kind);
  }

  /** Chooses the high or low stream of a remote publisher (needs `capabilities.dualStream`). */
  async setRemoteVideoQuality(participantId: string, quality: VideoStreamQuality): Promise<void> {
    parseInput(participantIdSchema, participantId, 'setRemoteVideoQuality() participantId');
    this.#requireConnected('setRemoteVideoQuality()');
    const set = this.#capability('setRemoteVideoQuality', 'dualStream');
    await set(participantId, quality);
  }

  /** Sends a data message to the room or to some participants (needs `capabilities.dataMessages`). */
  async sendData(payload: string, options: SendDataOptions = {}): Promise<void> {
    this.#requireConnected('sendData()');
    const send = this.#capability('sendData', 'dataMessages');
    await send(payload, options);
  }

  /** Starts relaying the local media into other rooms (cross-room PK; needs `capabilities.mediaRelay`). */
  async startMediaRelay(destinations: RelayDestination[]): Promise<void> {
    this.#requireConnected('startMediaRelay()');
    await this.#capability('startRelay', 'mediaRelay')(destinations);
  }

  /** Changes the relay's destinations. */
  async updateMediaRelay(destinations: RelayDestination[]): Promise<void> {
    this.#requireConnected('updateMediaRelay()');
    await this.#capability('updateRelay', 'mediaRelay')(destinations);
  }

  /** Stops the cross-room relay. */
  async stopMediaRelay(): Promise<void> {
    this.#requireConnected('stopMediaRelay()');
    await this.#capability('stopRelay', 'mediaRelay')();
  }

  /** One stats snapshot in the neutral shape. */
  async getStats(): Promise<ProviderStats> {
    this.#requireConnected('getStats()');
    return this.provider.getStats();
  }

  /** Retries playback of every attached track; call it from a click after `autoplay-blocked`. */
  resumePlayback(): void {
    for (const track of this.#allTracks()) track.resume();
  }

  #emit<E extends keyof RoomEventMap>(event: E, ...args: RoomEventMap[E]): void {
    // Every room event passes here, so a debugger breakpoint or a logger sees them all.
    (this.emit as (event: E, ...args: RoomEventMap[E]) => boolean)(event, ...args);
  }

  #setState(state: ConnectionState, reason: ConnectionStateReason): void {
    const previous = this.#state.value;
    if (previous === state) return;
    this.#state.next(state);
    const change: ConnectionStateChange = { state, previous, reason };
    this.#emit('connection-state-changed', change);
  }

  #requireConnected(what: string): Session {
    if (this.#state.value !== 'connected' || !this.#session) {
      throw new LiveroomError(
        'INVALID_STATE',
        `${what} needs a connected room, but the room is ${this.#state.value}. Await join() first.`,
      );
    }
    return this.#session;
  }

  #capability<M extends 'setRemoteVideoQuality' | 'sendData' | 'startRelay' | 'updateRelay' | 'stopRelay'>(
    method: M,
    capability: keyof RtcProvider['capabilities'],
  ): NonNullable<RtcProvider[M]> {
    const fn = this.provider[method];
    if (!this.provider.capabilities[capability] || typeof fn !== 'function') {
      throw new LiveroomError('NOT_SUPPORTED', `The ${this.provider.name} provider does not support ${capability}.`, {
        provider: this.provider.name,
      });
    }
    return fn.bind(this.provider) as NonNullable<RtcProvider[M]>;
  }

  #localTrack(source: TrackSource): LocalTrack | undefined {
    return this.#localTracks.value.find((t) => t.source === source);
  }

  async #publish(source: TrackSource, create: () => Promise<ProviderLocalTrack>): Promise<LocalTrack> {
    const session = this.#requireConnected(`publish ${source}`);
    if (!canPublish(session.role)) {
      throw new LiveroomError(
        'INVALID_STATE',
        `The audience cannot publish a ${source}. Call setRole('cohost') (or join as host) first.`,
      );
    }
    const existing = this.#localTrack(source);
    if (existing) return existing;
    const providerTrack = await create();
    try {
      await this.provider.publish(providerTrack);
    } catch (error) {
      providerTrack.close();
      throw asLiveroomError(error, 'PROVIDER_ERROR', `Could not publish the ${source}`);
    }
    const track = new LocalTrack(providerTrack, this.#attachments);
    this.#localTracks.next([...this.#localTracks.value, track]);
    this.#emit('local-track-published', track);
    return track;
  }

  async #subscribe(participantId: string, kind: TrackKind): Promise<RemoteTrack> {
    const remote = await this.provider.subscribe(participantId, kind);
    const participant = this.#participants.value.get(participantId);
    const track = new RemoteTrack(participantId, kind, remote.mediaStreamTrack, this.#attachments);
    if (!participant?.published.has(kind)) {
      // Unpublished while the subscription was in flight.
      await this.provider.unsubscribe(participantId, kind).catch(() => undefined);
      throw new LiveroomError('OPERATION_ABORTED', `${participantId} stopped publishing ${kind} during subscribe().`);
    }
    track.setMuted(participant.muted.has(kind));
    const updated = withTrack(participant, kind, track);
    this.#putParticipant(updated);
    this.#emit('track-subscribed', track, updated);
    return track;
  }

  /** Removes a subscribed track from its participant; returns false when there was none. */
  #dropTrack(participantId: string, kind: TrackKind): boolean {
    const participant = this.#participants.value.get(participantId);
    const track = participant && trackOf(participant, kind);
    if (!participant || !track) return false;
    track.detach();
    const updated = withTrack(participant, kind, undefined);
    this.#putParticipant(updated);
    this.#emit('track-unsubscribed', track, updated);
    return true;
  }

  #putParticipant(participant: RemoteParticipant): void {
    const next = new Map(this.#participants.value);
    next.set(participant.id, participant);
    this.#participants.next(next);
  }

  #updateParticipant(id: string, update: (p: RemoteParticipant) => RemoteParticipant): RemoteParticipant | undefined {
    const participant = this.#participants.value.get(id);
    if (!participant) return undefined;
    const updated = update(participant);
    this.#putParticipant(updated);
    return updated;
  }

  #allTracks(): Track[] {
    const remote = [...this.#participants.value.values()].flatMap((p) =>
      [p.videoTrack, p.audioTrack].filter((t): t is RemoteTrack => t !== undefined),
    );
    return [...this.#localTracks.value, ...remote];
  }

  #autoSubscribeTo(participantId: string, kind: TrackKind): void {
    if (!this.#autoSubscribe) return;
    this.#subscribe(participantId, kind).catch((error: unknown) => {
      const failure = asLiveroomError(error, 'PROVIDER_ERROR', `Could not subscribe to ${participantId}'s ${kind}`);
      if (failure.code !== 'OPERATION_ABORTED') this.#emit('warning', failure);
    });
  }

  #providerListeners(): ProviderListeners {
    return {
      'connection-state-changed': (state, reason) => this.#onProviderState(state, reason),
      'participant-joined': ({ id, role }) => {
        const known = this.#participants.value.get(id);
        if (known) {
          if (known.role !== role) this.#listeners['participant-role-changed'](id, role);
          return;
        }
        const participant = newParticipant(id, role, Date.now());
        this.#putParticipant(participant);
        this.#emit('participant-joined', participant);
      },
      'participant-left': (id, reason) => {
        const participant = this.#participants.value.get(id);
        if (!participant) return;
        this.#dropTrack(id, 'video');
        this.#dropTrack(id, 'audio');
        const last = this.#participants.value.get(id) ?? participant;
        const next = new Map(this.#participants.value);
        next.delete(id);
        this.#participants.next(next);
        this.#emit('participant-left', last, reason);
      },
      'participant-role-changed': (id, role) => {
        const previous = this.#participants.value.get(id)?.role;
        const updated = this.#updateParticipant(id, (p) => ({ ...p, role }));
        if (updated && previous && previous !== role) this.#emit('participant-role-changed', updated, previous);
      },
      'track-published': (id, kind) => {
        if (!this.#participants.value.has(id)) this.#listeners['participant-joined']({ id, role: 'host' });
        // A publication announced again (e.g. after a reconnect) restarts the subscription.
        this.#dropTrack(id, kind);
        const updated = this.#updateParticipant(id, (p) =>
          withKind(withKind(p, 'published', kind, true), 'muted', kind, false),
        );
        if (!updated) return;
        this.#emit('track-published', updated, kind);
        this.#autoSubscribeTo(id, kind);
      },
      'track-unpublished': (id, kind) => {
        this.#dropTrack(id, kind);
        const updated = this.#updateParticipant(id, (p) => withKind(p, 'published', kind, false));
        if (updated) this.#emit('track-unpublished', updated, kind);
      },
      'track-muted': (id, kind) => this.#onRemoteMute(id, kind, true),
      'track-unmuted': (id, kind) => this.#onRemoteMute(id, kind, false),
      'network-quality': (quality) => {
        if (quality.participantId === undefined) this.#networkQuality.next(quality);
        this.#emit('network-quality', quality);
      },
      'audio-levels': (levels: AudioLevel[]) => {
        this.#emit('audio-levels', levels);
        const speaker = pickActiveSpeaker(levels, this.#activeSpeaker.value);
        if (speaker !== this.#activeSpeaker.value) {
          this.#activeSpeaker.next(speaker);
          this.#emit('active-speaker-changed', speaker);
        }
      },
      'token-will-expire': () => this.#emit('token-will-expire'),
      'token-expired': () => this.#emit('token-expired'),
      'data-message': (message) => this.#emit('data-message', message),
      'relay-state-changed': (state, error) => this.#emit('relay-state-changed', state, error),
      removed: (reason) => {
        this.#emit(reason === 'kicked' ? 'kicked' : 'room-closed');
        void this.#end(reason);
      },
      warning: (error) => this.#emit('warning', error),
    };
  }

  #onRemoteMute(id: string, kind: TrackKind, muted: boolean): void {
    const updated = this.#updateParticipant(id, (p) => withKind(p, 'muted', kind, muted));
    if (!updated) return;
    trackOf(updated, kind)?.setMuted(muted);
    this.#emit(muted ? 'track-muted' : 'track-unmuted', updated, kind);
  }

  #onProviderState(state: ConnectionState, reason: ConnectionStateReason): void {
    if (!this.#session) return; // join() drives the states until it resolves.
    if (state === 'reconnecting') {
      this.#wasReconnecting = true;
      this.#setState('reconnecting', reason);
    } else if (state === 'connected') {
      const restored = this.#wasReconnecting;
      this.#wasReconnecting = false;
      this.#setState('connected', restored ? 'reconnected' : reason);
      if (restored && !this.provider.capabilities.keepsPublicationsOnReconnect) void this.#restorePublications();
    } else if (state === 'failed' || state === 'disconnected') {
      const error = new LiveroomError(
        'CONNECTION_FAILED',
        `The connection was lost (${reason}) and could not be restored.`,
        {
          provider: this.provider.name,
        },
      );
      this.#emit('error', error);
      void this.#end('failed');
    }
  }

  async #restorePublications(): Promise<void> {
    for (const track of this.#localTracks.value) {
      try {
        await this.provider.publish(track.providerTrack);
      } catch (error) {
        this.#emit('warning', asLiveroomError(error, 'PROVIDER_ERROR', `Could not republish the ${track.source}`));
      }
    }
  }

  #attachProvider(): void {
    for (const [event, listener] of Object.entries(this.#listeners)) {
      this.provider.events.on(event as keyof ProviderEventMap, listener as (...args: unknown[]) => void);
    }
  }

  async #teardown(): Promise<void> {
    for (const [event, listener] of Object.entries(this.#listeners)) {
      this.provider.events.off(event as keyof ProviderEventMap, listener as (...args: unknown[]) => void);
    }
    for (const track of this.#localTracks.value) {
      track.detach();
      track.providerTrack.close();
    }
    for (const participant of this.#participants.value.values()) {
      participant.videoTrack?.detach();
      participant.audioTrack?.detach();
    }
    this.#localTracks.next([]);
    this.#participants.next(new Map());
    this.#activeSpeaker.next(undefined);
    this.#networkQuality.next(undefined);
    this.#role.next(undefined);
    this.#session = undefined;
    this.#wasReconnecting = false;
    await this.provider.leave().catch(() => undefined);
  }

  async #end(reason: LeaveReason): Promise<void> {
    if (!this.#session) return;
    await this.#teardown();
    this.#setState(reason === 'failed' ? 'failed' : 'disconnected', stateReasonOf(reason));
    this.#emit('left', reason);
  }
}

function stateReasonOf(reason: LeaveReason): ConnectionStateReason {
  switch (reason) {
    case 'kicked':
      return 'kicked';
    case 'room-closed':
      return 'room-closed';
    case 'failed':
      return 'retries-exhausted';
    default:
      return 'leave';
  }
}

function randomUserId(): string {
  return `user-${crypto.randomUUID().slice(0, 8)}`;
}

/** Rejects with the signal's reason as soon as it aborts, whatever the provider does. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
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
