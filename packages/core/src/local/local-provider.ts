/**
 * The embedded local provider: a WebRTC mesh on loopback with the
 * `@liveroom/signalling` server. Each publisher sends to each other
 * participant over its own `RTCPeerConnection` (no STUN/TURN). It is a real
 * provider for development, QA and tests; large rooms are Agora's job
 * (DESIGN.md decision 22).
 */
import { EventEmitter } from 'eventemitter3';
import { isLiveroomError, LiveroomError } from '../errors.js';
import type {
  CameraOptions,
  MicrophoneOptions,
  ProviderCapabilities,
  ProviderEventMap,
  ProviderJoinParams,
  ProviderJoinResult,
  ProviderLocalTrack,
  ProviderRemoteTrack,
  RtcProvider,
  SendDataOptions,
} from '../provider.js';
import type { ProviderStats } from '../stats.js';
import { canPublish, type Role, type TrackKind } from '../types.js';
import { parseInput } from '../validation.js';
import { AudioLevelReporter } from './audio-levels.js';
import { cameraConstraints, microphoneConstraints, openCapture } from './capture.js';
import { type CrossRoomListener, CrossRoomMessages, roomMessageInputSchema } from './cross-room.js';
import { enterRoom } from './entry.js';
import { Mesh } from './mesh.js';
import { type LocalProviderConfig, type LocalProviderOptions, localProviderOptionsSchema } from './options.js';
import { generateCertificate } from './peer-link.js';
import { type Impairment, impairmentSchema, type ParticipantInfo, type ServerMessage } from './protocol.js';
import { MeshPublications } from './publications.js';
import { NetworkQualityReporter } from './quality-reporter.js';
import { RemoteRoster } from './remote-roster.js';
import type { SignallingSocket } from './signalling-socket.js';
import { StatsSampler } from './webrtc-stats.js';

interface Session {
  roomId: string;
  userId: string;
  role: Role;
}

/** The local provider. Create it with {@link createLocalProvider}. */
export class LocalProvider implements RtcProvider {
  /** `'local'`, the provider name telemetry records. */
  readonly name = 'local';
  /** Data messages and audio levels; no media relay or dual stream; the room republishes after a reconnect. */
  readonly capabilities: ProviderCapabilities = {
    dataMessages: true,
    mediaRelay: false,
    dualStream: false,
    audioLevels: true,
    keepsPublicationsOnReconnect: false,
  };
  /** The neutral provider events, from the signalling server and the mesh. */
  readonly events = new EventEmitter<ProviderEventMap>();
  /** Cross-room traffic stays off {@link ProviderEventMap}: it is this provider's own API. */
  readonly #crossRoom = new CrossRoomMessages();
  readonly #roster = new RemoteRoster(this.events);
  readonly #audioLevels = new AudioLevelReporter(() => this.#mesh, this.events);
  readonly #networkQuality = new NetworkQualityReporter(
    () => this.#mesh,
    this.events,
    (id) => this.#roster.has(id),
  );
  readonly #config: LocalProviderConfig;
  /** Lets the server tell this client's reconnect from a second user with the same id. */
  readonly #sessionId = crypto.randomUUID();
  readonly #publications = new MeshPublications({
    mesh: () => this.#mesh,
    announce: (message) => this.#request(message),
    connected: () => this.#socket?.open === true,
  });
  readonly #stats = new StatsSampler();
  #session: Session | undefined;
  #socket: SignallingSocket | undefined;
  #mesh: Mesh | undefined;
  /** Aborted by `leave()`: ends a pending join or reconnect loop. */
  #lifetime: AbortController | undefined;
  #removed = false;
  /** Made at the first join, reused by every connection and rejoin after it. */
  #certificate: Promise<RTCCertificate | undefined> | undefined;

  /** Validates `options` (`INVALID_CONFIG` on bad input); connects nothing until `join()`. Prefer {@link createLocalProvider}. */
  constructor(options: LocalProviderOptions) {
    this.#config = parseInput(localProviderOptionsSchema, options, 'createLocalProvider() options');
  }

  /** Peer connections open now (0 after `leave()`): for tests and debugging. */
  get openPeerConnections(): number {
    return this.#mesh?.size ?? 0;
  }

  /**
   * Connects to the signalling server (up to `joinAttempts` tries, with
   * backoff) and enters the room. Rejects with `INVALID_STATE` when already in
   * a room, `CONNECTION_FAILED` when the server cannot be reached,
   * `UID_CONFLICT` when another session uses `userId`, or the signal's reason.
   */
  async join(params: ProviderJoinParams): Promise<ProviderJoinResult> {
    if (this.#session) throw new LiveroomError('INVALID_STATE', 'The local provider is already in a room.');
    const lifetime = new AbortController();
    this.#lifetime = lifetime;
    this.#session = { roomId: params.roomId, userId: params.userId, role: params.role };
    const certificates: RTCCertificate[] = [];
    this.#mesh = new Mesh({ relay: (message) => this.#socket?.send(message), certificates }, (id) =>
      this.#roster.reannounce(id),
    );
    this.#certificate ??= generateCertificate().catch(() => undefined);
    try {
      const signal = AbortSignal.any([params.signal, lifetime.signal]);
      const entry = await this.#enter(signal, this.#config.joinAttempts);
      // Learn the snapshot before yielding, so announcements that follow it apply to it.
      // Nothing is published yet, so it needs no uplinks.
      this.#roster.learn(entry.joined.participants, false);
      const certificate = await this.#certificate;
      // leave() or the caller (the room's timeout or leave()) may have ended the join meanwhile.
      signal.throwIfAborted();
      if (certificate) certificates.push(certificate);
      this.#audioLevels.start(this.#config.audioLevelIntervalMs);
      this.#networkQuality.start(this.#config.networkQualityIntervalMs);
      return { userId: params.userId, serverTimeOffsetMs: entry.serverTimeOffsetMs };
    } catch (error) {
      // After leave() the session is released already, and a later join() may own a new one.
      if (this.#lifetime === lifetime) this.#release();
      throw error;
    }
  }

  /** Tells the server, then closes every peer connection and the socket. Safe in any state and twice. */
  async leave(): Promise<void> {
    this.#socket?.send({ type: 'leave' });
    this.#release();
  }

  /** Switches role through the server; stepping down to `audience` closes this client's uplinks. */
  async setRole(role: Role): Promise<void> {
    const session = this.#requireSession('setRole()');
    await this.#request({ type: 'set-role', role });
    session.role = role;
    if (!canPublish(role)) {
      this.#publications.clear();
      this.#mesh?.closeUplinks();
    }
  }

  /** The local provider has no tokens; accepted and ignored. */
  async renewToken(_token: string): Promise<void> {}

  /** Opens the camera with `getUserMedia` (before joining too, for a preview). */
  createCameraTrack(options: CameraOptions): Promise<ProviderLocalTrack> {
    return openCapture('camera', cameraConstraints(options), (track, next) => this.#publications.swap(track, next));
  }

  /** Opens the microphone with `getUserMedia`. */
  createMicrophoneTrack(options: MicrophoneOptions): Promise<ProviderLocalTrack> {
    return openCapture('microphone', microphoneConstraints(options), (track, next) =>
      this.#publications.swap(track, next),
    );
  }

  /**
   * Announces the track and sends it to every other participant over one peer
   * connection each. Rejects with `INVALID_STATE` before joining or for the audience.
   */
  async publish(track: ProviderLocalTrack): Promise<void> {
    const session = this.#requireSession('publish()');
    if (!canPublish(session.role)) throw new LiveroomError('INVALID_STATE', 'The audience cannot publish.');
    await this.#publications.publish(this.#mesh as Mesh, track, () => this.#roster.ids());
  }

  /** Stops sending the track to everyone; a track not published resolves at once. */
  unpublish(track: ProviderLocalTrack): Promise<void> {
    return this.#publications.unpublish(track);
  }

  /** Sends no frames while muted (`replaceTrack(null)`), so viewers see a W3C pause, not black frames. */
  setMuted(track: ProviderLocalTrack, muted: boolean): Promise<void> {
    return this.#publications.setMuted(track, muted);
  }

  /**
   * Waits up to `subscribeTimeoutMs` for the publisher's media to arrive over
   * the mesh. Rejects with `INVALID_STATE` when it does not publish `kind`.
   */
  async subscribe(participantId: string, kind: TrackKind): Promise<ProviderRemoteTrack> {
    this.#requireSession('subscribe()');
    if (!this.#roster.publishes(participantId, kind)) {
      throw new LiveroomError('INVALID_STATE', `${participantId} does not publish ${kind}.`, { provider: 'local' });
    }
    const mediaStreamTrack = await (this.#mesh as Mesh).waitForTrack(
      participantId,
      kind,
      this.#config.subscribeTimeoutMs,
    );
    return { participantId, kind, mediaStreamTrack };
  }

  /** Media keeps flowing in the mesh; the room just stops showing it. */
  async unsubscribe(_participantId: string, _kind: TrackKind): Promise<void> {}

  /** Samples `getStats()` of every peer connection (W3C webrtc-stats); bitrates need a previous sample. */
  async getStats(): Promise<ProviderStats> {
    const mesh = this.#mesh;
    if (!mesh) return { timestamp: Date.now(), remoteVideo: [], remoteAudio: [] };
    return this.#stats.sample([...mesh.downlinks.values()], [...mesh.uplinks.values()]);
  }

  /** Sends through the signalling server (at most {@link MAX_DATA_PAYLOAD} characters), to `options.to` or everyone. */
  async sendData(payload: string, options: SendDataOptions): Promise<void> {
    await this.#request({ type: 'data', payload, ...(options.to ? { to: options.to } : {}) });
  }

  /**
   * Sends `payload` to `userId` in room `roomId` on the same signalling
   * server (this room too). Hosts and cohosts only. Rejects with
   * `INVALID_STATE` when that room or user does not exist, `INVALID_CONFIG`
   * for bad arguments. The recipient gets it through {@link onRoomMessage}.
   *
   * @example
   * ```ts
   * await provider.sendToRoom('shop-b', 'host-b', JSON.stringify({ hello: 1 }));
   * ```
   */
  async sendToRoom(roomId: string, userId: string, payload: string): Promise<void> {
    const input = parseInput(roomMessageInputSchema, { roomId, userId, payload }, 'sendToRoom()');
    await this.#request({ type: 'room-message', roomId: input.roomId, to: input.userId, payload: input.payload });
  }

  /** Listens to cross-room messages and contacts' departures; returns the function that stops. */
  onRoomMessage(listener: CrossRoomListener): () => void {
    return this.#crossRoom.listen(listener);
  }

  /**
   * QA and tests only (DESIGN.md decision 20): asks `publisherId` to impair
   * the stream it sends to this viewer, and to no one else.
   *
   * @example
   * ```ts
   * await provider.impair('host-1', { stallMs: 1500 }); // one freeze of ~1.5 s
   * await provider.impair('host-1', { scaleResolutionDownBy: 2, maxBitrateKbps: 300 });
   * ```
   */
  async impair(publisherId: string, impairment: Impairment): Promise<void> {
    const parsed = parseInput(impairmentSchema, impairment, 'impair() impairment');
    await this.#request({ type: 'impair', to: publisherId, impairment: parsed });
  }

  /** Removes a participant from the room (hosts only). */
  async kick(userId: string): Promise<void> {
    await this.#request({ type: 'kick', userId });
  }

  /** Closes the room for everyone (hosts only). */
  async closeRoom(): Promise<void> {
    await this.#request({ type: 'close-room' });
  }

  #enter(signal: AbortSignal, attempts: number) {
    const { roomId, userId, role } = this.#session as Session;
    return enterRoom(this.#config, { roomId, userId, role, sessionId: this.#sessionId }, attempts, signal, (m) =>
      this.#onMessage(m),
    ).then((entry) => {
      this.#socket = entry.socket;
      entry.socket.events.once('lost', () => void this.#reconnect());
      return entry;
    });
  }

  /** A participant arrived: announce it, and send to it too when publishing. */
  #admit(p: ParticipantInfo): void {
    this.#roster.admit(p);
    if (this.#publications.active) this.#mesh?.connectViewer(p.id);
  }

  #onMessage(message: ServerMessage): void {
    const mesh = this.#mesh;
    if (!mesh) return;
    switch (message.type) {
      case 'participant-joined':
        this.#admit(message.participant);
        return;
      case 'participant-left':
        mesh.dropPeer(message.userId);
        this.#roster.leave(message.userId, message.reason);
        return;
      case 'role-changed':
        if (!canPublish(message.role)) mesh.dropDownlink(message.userId);
        this.#roster.changeRole(message.userId, message.role);
        return;
      case 'publish':
      case 'unpublish':
      case 'mute':
      case 'unmute':
        this.#roster.announce(message.type, message.userId, message.kind);
        return;
      case 'sdp':
      case 'ice':
      case 'impair':
        mesh.receive(message).catch((error: unknown) => this.#warn(error, `${message.type} from ${message.from}`));
        return;
      case 'data':
        this.events.emit('data-message', { from: message.from, payload: message.payload });
        return;
      case 'room-message':
      case 'room-peer-left':
        this.#crossRoom.deliver(message);
        return;
      case 'removed':
        this.#removed = true;
        this.events.emit('removed', message.reason);
        return;
      case 'error':
        this.events.emit('warning', new LiveroomError('PROVIDER_ERROR', message.message, { provider: 'local' }));
        return;
    }
  }

  /** The socket dropped after joining: retry with backoff, rejoin, and announce the room again. */
  async #reconnect(): Promise<void> {
    const lifetime = this.#lifetime;
    if (!this.#session || this.#removed || !lifetime) return;
    this.#socket = undefined;
    this.#mesh?.closeAll(new LiveroomError('CONNECTION_FAILED', 'The connection was lost.', { provider: 'local' }));
    // The room publishes again after the reconnect (keepsPublicationsOnReconnect: false).
    this.#publications.clear();
    this.events.emit('connection-state-changed', 'reconnecting', 'network');
    this.#networkQuality.reconnecting();
    try {
      const entry = await this.#enter(lifetime.signal, this.#config.reconnectAttempts);
      this.events.emit('connection-state-changed', 'connected', 'reconnected');
      this.#networkQuality.reconnected();
      this.#roster.learn(entry.joined.participants, true);
    } catch (error) {
      if (lifetime.signal.aborted) return;
      this.#release();
      const reason = isLiveroomError(error, 'UID_CONFLICT') ? 'uid-conflict' : 'retries-exhausted';
      this.events.emit('connection-state-changed', 'failed', reason);
    }
  }

  async #request(message: Parameters<SignallingSocket['request']>[0]): Promise<void> {
    const socket = this.#socket;
    if (!socket) {
      throw new LiveroomError('INVALID_STATE', `"${message.type}" needs a connected room.`, { provider: 'local' });
    }
    await socket.request(message);
  }

  #requireSession(what: string): Session {
    if (!this.#session || !this.#mesh) {
      throw new LiveroomError('INVALID_STATE', `${what} needs a joined room.`, { provider: 'local' });
    }
    return this.#session;
  }

  #warn(error: unknown, what: string): void {
    const message = error instanceof Error ? error.message : String(error);
    this.events.emit(
      'warning',
      new LiveroomError('PROVIDER_ERROR', `${what} failed: ${message}`, { provider: 'local' }),
    );
  }

  /** Closes every peer connection and the socket, stops every timer, and ends a join or reconnect under way. */
  #release(): void {
    const left = new LiveroomError('OPERATION_ABORTED', 'The local provider left.', { provider: 'local' });
    this.#lifetime?.abort(left);
    this.#audioLevels.stop();
    this.#networkQuality.stop();
    this.#mesh?.closeAll(left);
    this.#mesh = undefined;
    this.#socket?.close();
    this.#socket = undefined;
    this.#session = undefined;
    this.#lifetime = undefined;
    this.#roster.clear();
    this.#publications.clear();
    this.#removed = false;
  }
}

/**
 * Creates the local provider.
 *
 * @example
 * ```ts
 * import { createRoom } from '@liveroom/core';
 * import { createLocalProvider } from '@liveroom/core/local';
 * const room = createRoom({ provider: createLocalProvider({ signallingUrl: 'ws://127.0.0.1:8787' }) });
 * await room.join({ roomId: 'shop-42', role: 'host' });
 * await room.publishCamera();
 * ```
 */
export function createLocalProvider(options: LocalProviderOptions): LocalProvider {
  return new LocalProvider(options);
}
