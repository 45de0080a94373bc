/**
 * A fake `IAgoraRTCClient` for Node tests. It `implements` the provider's
 * {@link AgoraClient}, which is picked from the real declaration, so any
 * method signature Agora changes breaks this file at compile time; every
 * event it emits is checked against Agora's own `on()` overloads
 * ({@link AgoraClientEventArgs}). Scenario methods emit Agora's events in
 * the order the Agora Web SDK documents (and, where the docs are silent, the
 * order it is observed to use, e.g. `user-unpublished` before `user-left`).
 */
import type {
  AgoraRTCStats,
  ClientRole,
  ClientRoleOptions,
  ConnectionState,
  IAgoraRTCRemoteUser,
  IChannelMediaRelayConfiguration,
  LocalVideoTrackStats,
  NetworkQuality,
  RemoteAudioTrackStats,
  RemoteStreamType,
  RemoteVideoTrackStats,
  UID,
} from 'agora-rtc-sdk-ng';
import type { AgoraClient, AgoraLocalTrack, AgoraRemoteTrack } from '../../src/agora/sdk.js';
import type { AgoraClientEventArgs, AgoraClientEventName } from './agora-client-events.js';
import {
  type DisconnectReasonName,
  disconnectReason,
  type ErrorCodeName,
  type RelayErrorName,
  type RelayStateName,
  relayError,
  relayState,
} from './fake-agora-enums.js';
import { FakeAgoraError, FakeRemoteTrack } from './fake-agora-parts.js';

type Listener = (...args: never[]) => unknown;

/** One recorded call. */
export interface FakeAgoraCall {
  method: string;
  args: unknown[];
}

/** Client methods a test can make fail once. */
export type FailingClientMethod =
  | 'join'
  | 'publish'
  | 'subscribe'
  | 'setClientRole'
  | 'renewToken'
  | 'startChannelMediaRelay'
  | 'setRemoteVideoStreamType';

/** The fake client. */
export class FakeAgoraClient implements AgoraClient {
  connectionState: ConnectionState = 'DISCONNECTED';
  remoteUsers: IAgoraRTCRemoteUser[] = [];
  readonly calls: FakeAgoraCall[] = [];
  /** Tracks currently published. */
  readonly published = new Set<AgoraLocalTrack>();
  /** Stats the `get*Stats()` methods return. */
  remoteVideoStats: Record<string, RemoteVideoTrackStats> = {};
  remoteAudioStats: Record<string, RemoteAudioTrackStats> = {};
  localVideoStats: LocalVideoTrackStats | undefined;
  /**
   * Agora's `DELETE_NEQ_AFTER_USER_LEAVE` parameter (on by default, set with
   * `AgoraRTC.setParameter()`): when off, `getRemoteNetworkQuality()` keeps
   * reporting users who left.
   */
  deleteQualityAfterUserLeave = true;
  rtcStats: AgoraRTCStats = {
    Duration: 0,
    RecvBitrate: 0,
    RecvBytes: 0,
    SendBitrate: 0,
    SendBytes: 0,
    UserCount: 1,
    RTT: 0,
    OutgoingAvailableBandwidth: 0,
  };
  readonly #listeners = new Map<string, Set<Listener>>();
  /** Agora's per-user stats entries, by uid as a string: created on subscribe, cleared on leave. */
  readonly #remoteQuality = new Map<string, NetworkQuality>();
  readonly #failures = new Map<FailingClientMethod, ErrorCodeName>();
  readonly #hangOnJoin: boolean;
  #pendingJoin: ((error: FakeAgoraError) => void) | undefined;
  #uid: UID | undefined;

  constructor(options: { hangOnJoin?: boolean } = {}) {
    this.#hangOnJoin = options.hangOnJoin ?? false;
  }

  /** Makes the next call of `method` reject with an Agora error of `code`. */
  failNext(method: FailingClientMethod, code: ErrorCodeName): void {
    this.#failures.set(method, code);
  }

  /** Names of the calls made, in order. */
  methods(): string[] {
    return this.calls.map((c) => c.method);
  }

  /** Number of listeners still registered (0 after the provider released the client). */
  listenerCount(): number {
    return [...this.#listeners.values()].reduce((n, set) => n + set.size, 0);
  }

  on(event: string, listener: Listener): void {
    const set = this.#listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    this.#listeners.set(event, set);
  }
  off(event: string, listener: Listener): void {
    this.#listeners.get(event)?.delete(listener);
  }
  removeAllListeners(event?: string): void {
    if (event === undefined) this.#listeners.clear();
    else this.#listeners.delete(event);
  }

  async join(appid: string, channel: string, token: string | null, uid?: UID | null): Promise<UID> {
    this.#record('join', [appid, channel, token, uid]);
    this.#setState('CONNECTING');
    if (this.#hangOnJoin) {
      // Offline, Agora's join() retries forever; only leave() ends it (with OPERATION_ABORTED).
      return new Promise<UID>((_resolve, reject) => {
        this.#pendingJoin = reject;
      });
    }
    const failure = this.#takeFailure('join');
    if (failure) {
      this.#setState('DISCONNECTED', failure.code === 'UID_CONFLICT' ? 'UID_CONFLICT' : 'SERVER_ERROR');
      throw failure;
    }
    this.#uid = uid ?? 4242;
    this.#setState('CONNECTED');
    return this.#uid;
  }

  async leave(): Promise<void> {
    this.#record('leave', []);
    this.published.clear();
    this.remoteUsers = [];
    this.#remoteQuality.clear();
    const pending = this.#pendingJoin;
    this.#pendingJoin = undefined;
    if (this.connectionState !== 'DISCONNECTED') {
      this.#setState('DISCONNECTING');
      this.#setState('DISCONNECTED', 'LEAVE');
    }
    pending?.(new FakeAgoraError('OPERATION_ABORTED', 'cancel token canceled'));
  }

  async publish(tracks: AgoraLocalTrack | AgoraLocalTrack[]): Promise<void> {
    this.#record('publish', [tracks]);
    this.#throwIfFailing('publish');
    if (this.connectionState !== 'CONNECTED') throw new FakeAgoraError('INVALID_OPERATION', 'not joined');
    for (const track of Array.isArray(tracks) ? tracks : [tracks]) this.published.add(track);
  }

  async unpublish(tracks?: AgoraLocalTrack | AgoraLocalTrack[]): Promise<void> {
    this.#record('unpublish', [tracks]);
    if (tracks === undefined) this.published.clear();
    else for (const track of Array.isArray(tracks) ? tracks : [tracks]) this.published.delete(track);
  }

  subscribe(user: UID, mediaType: 'video'): Promise<AgoraRemoteTrack>;
  subscribe(user: UID, mediaType: 'audio'): Promise<AgoraRemoteTrack>;
  async subscribe(user: UID, mediaType: 'video' | 'audio'): Promise<AgoraRemoteTrack> {
    this.#record('subscribe', [user, mediaType]);
    this.#throwIfFailing('subscribe');
    const remote = this.remoteUsers.find((u) => u.uid === user);
    const publishes = mediaType === 'video' ? remote?.hasVideo : remote?.hasAudio;
    if (!publishes) throw new FakeAgoraError('REMOTE_USER_IS_NOT_PUBLISHED', `${user} has no ${mediaType}`);
    // Agora starts a stats entry per subscribed user; its levels stay unknown until its server reports.
    if (!this.#remoteQuality.has(String(user))) {
      this.#remoteQuality.set(String(user), { uplinkNetworkQuality: 0, downlinkNetworkQuality: 0 });
    }
    return new FakeRemoteTrack(user, mediaType);
  }

  async unsubscribe(user: IAgoraRTCRemoteUser | UID, mediaType?: 'video' | 'audio' | 'datachannel'): Promise<void> {
    this.#record('unsubscribe', [typeof user === 'object' ? user.uid : user, mediaType]);
  }

  async setClientRole(role: ClientRole, options?: ClientRoleOptions): Promise<void> {
    this.#record('setClientRole', options === undefined ? [role] : [role, options]);
    this.#throwIfFailing('setClientRole');
  }

  async renewToken(token: string): Promise<void> {
    this.#record('renewToken', [token]);
    this.#throwIfFailing('renewToken');
  }

  async enableDualStream(): Promise<void> {
    this.#record('enableDualStream', []);
  }

  async setRemoteVideoStreamType(uid: UID, streamType: RemoteStreamType): Promise<void> {
    this.#record('setRemoteVideoStreamType', [uid, streamType]);
    this.#throwIfFailing('setRemoteVideoStreamType');
  }

  enableAudioVolumeIndicator(): void {
    this.#record('enableAudioVolumeIndicator', []);
  }

  getRTCStats(): AgoraRTCStats {
    return this.rtcStats;
  }
  getRemoteVideoStats(): Record<string, RemoteVideoTrackStats> {
    return this.remoteVideoStats;
  }
  getRemoteAudioStats(): Record<string, RemoteAudioTrackStats> {
    return this.remoteAudioStats;
  }
  getLocalVideoStats(): LocalVideoTrackStats {
    if (!this.localVideoStats) throw new Error('set localVideoStats first');
    return this.localVideoStats;
  }

  /** Like Agora 4.24.8: every subscribed user's entry, without users who left unless the parameter is off. */
  getRemoteNetworkQuality(): Record<string, NetworkQuality> {
    const present = new Set(this.remoteUsers.map((u) => String(u.uid)));
    const entries = [...this.#remoteQuality].filter(([uid]) => !this.deleteQualityAfterUserLeave || present.has(uid));
    return Object.fromEntries(entries.map(([uid, quality]) => [uid, { ...quality }]));
  }

  async startChannelMediaRelay(config: IChannelMediaRelayConfiguration): Promise<void> {
    this.#record('startChannelMediaRelay', [config]);
    this.#throwIfFailing('startChannelMediaRelay');
    this.relayState('RELAY_STATE_CONNECTING');
    this.relayState('RELAY_STATE_RUNNING');
  }
  async updateChannelMediaRelay(config: IChannelMediaRelayConfiguration): Promise<void> {
    this.#record('updateChannelMediaRelay', [config]);
  }
  async stopChannelMediaRelay(): Promise<void> {
    this.#record('stopChannelMediaRelay', []);
    this.relayState('RELAY_STATE_IDLE');
  }

  // --- Scenario: what the remote side and the network do -------------------

  /** A remote host joins (or is already there when we join). */
  remoteJoin(uid: UID): IAgoraRTCRemoteUser {
    const user: IAgoraRTCRemoteUser = { uid, hasAudio: false, hasVideo: false };
    this.remoteUsers.push(user);
    this.#emit('user-joined', user);
    return user;
  }
  /** A remote host publishes a track. */
  remotePublish(uid: UID, mediaType: 'audio' | 'video'): void {
    const user = this.#user(uid);
    if (mediaType === 'video') user.hasVideo = true;
    else user.hasAudio = true;
    this.#emit('user-published', user, mediaType);
  }
  /** A remote host stops publishing a track. */
  remoteUnpublish(uid: UID, mediaType: 'audio' | 'video'): void {
    const user = this.#user(uid);
    if (mediaType === 'video') user.hasVideo = false;
    else user.hasAudio = false;
    this.#emit('user-unpublished', user, mediaType);
  }
  /** A remote host mutes or unmutes (`user-info-updated`). */
  remoteInfo(uid: UID, message: AgoraClientEventArgs<'user-info-updated'>[1]): void {
    this.#emit('user-info-updated', uid, message);
  }
  /** A remote host leaves: its publications end first, then `user-left`. */
  remoteLeave(uid: UID, reason: 'Quit' | 'ServerTimeOut' | 'BecomeAudience' = 'Quit'): void {
    const user = this.#user(uid);
    if (user.hasVideo) this.remoteUnpublish(uid, 'video');
    if (user.hasAudio) this.remoteUnpublish(uid, 'audio');
    this.remoteUsers = this.remoteUsers.filter((u) => u !== user);
    this.#emit('user-left', user, reason);
  }
  /** The network drops; Agora starts reconnecting by itself. */
  dropConnection(): void {
    this.#setState('RECONNECTING', 'NETWORK_ERROR');
  }
  /** Agora reconnected. */
  restoreConnection(): void {
    this.#setState('CONNECTED');
  }
  /** The server ends the connection (ban, token expiry, giving up). */
  disconnect(reason: DisconnectReasonName): void {
    this.#setState('DISCONNECTED', reason);
  }
  /** Agora's 30 s warning before the token expires. */
  tokenWillExpire(): void {
    this.#emit('token-privilege-will-expire');
  }
  /** The token expired: Agora reports it, then disconnects. */
  tokenDidExpire(): void {
    this.#emit('token-privilege-did-expire');
    this.disconnect('TOKEN_EXPIRE');
  }
  /** A `network-quality` report (every 2 s in Agora). */
  networkQuality(quality: NetworkQuality): void {
    this.#emit('network-quality', quality);
  }
  /** Agora's server rates a subscribed remote user's last mile (read by `getRemoteNetworkQuality()`). */
  remoteNetworkQuality(uid: UID, quality: NetworkQuality): void {
    if (!this.#remoteQuality.has(String(uid))) throw new Error(`fake: ${uid} was never subscribed to`);
    this.#remoteQuality.set(String(uid), quality);
  }
  /** A `volume-indicator` report. */
  volumes(result: AgoraClientEventArgs<'volume-indicator'>[0]): void {
    this.#emit('volume-indicator', result);
  }
  /** An `exception` report. */
  exception(code: number, msg: string, uid: UID): void {
    this.#emit('exception', { code, msg, uid });
  }
  /** A `channel-media-relay-state` report. */
  relayState(state: RelayStateName, code: RelayErrorName = 'RELAY_OK'): void {
    this.#emit('channel-media-relay-state', relayState(state), relayError(code));
  }

  #setState(state: ConnectionState, reason?: DisconnectReasonName): void {
    const previous = this.connectionState;
    this.connectionState = state;
    this.#emit('connection-state-change', state, previous, reason === undefined ? undefined : disconnectReason(reason));
  }

  #emit<E extends AgoraClientEventName>(event: E, ...args: AgoraClientEventArgs<E>): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) Reflect.apply(listener, undefined, args);
  }

  #user(uid: UID): IAgoraRTCRemoteUser {
    const user = this.remoteUsers.find((u) => u.uid === uid);
    if (!user) throw new Error(`fake: no remote user ${uid}`);
    return user;
  }

  #record(method: string, args: unknown[]): void {
    this.calls.push({ method, args });
  }

  #takeFailure(method: FailingClientMethod): FakeAgoraError | undefined {
    const code = this.#failures.get(method);
    if (code === undefined) return undefined;
    this.#failures.delete(method);
    return new FakeAgoraError(code);
  }

  #throwIfFailing(method: FailingClientMethod): void {
    const failure = this.#takeFailure(method);
    if (failure) throw failure;
  }
}
