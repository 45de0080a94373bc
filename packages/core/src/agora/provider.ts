/**
 * The production provider over Agora's Web SDK (`agora-rtc-sdk-ng`), in live
 * mode: hosts and co-hosts are Agora hosts, viewers are Agora audience
 * members at the configured latency level. One Agora client per session,
 * created at `join()` and released at `leave()` or when joining fails.
 */
import type { ClientRoleOptions, IChannelMediaRelayConfiguration, UID } from 'agora-rtc-sdk-ng';
import { EventEmitter } from 'eventemitter3';
import { relayDestinationsSchema } from '../config.js';
import { LiveroomError } from '../errors.js';
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
} from '../provider.js';
import type { ProviderStats } from '../stats.js';
import type { Role, TrackKind, VideoStreamQuality } from '../types.js';
import { parseInput } from '../validation.js';
import { settleWithin } from './abort.js';
import { callAgora, fromAgoraError } from './errors.js';
import { bridgeClientEvents } from './events.js';
import { type AgoraProviderOptions, agoraProviderOptionsSchema, type ResolvedAgoraProviderOptions } from './options.js';
import { AgoraPublisher, type PublishingSession } from './publisher.js';
import { fillRelayConfiguration } from './relay.js';
import { type AgoraClient, type AgoraSdk, type AgoraSdkLoader, loadAgoraSdk } from './sdk.js';
import { localVideoStatsOf, remoteAudioStatsOf, remoteVideoStatsOf, transportStatsOf } from './stats.js';
import { fromAgoraUid, toAgoraUid } from './uid.js';

/** The Agora client of the current session and what the provider knows about it. */
interface Session extends PublishingSession {
  stopEvents: () => void;
  roomId: string;
  role: Role;
  /** Set once Agora confirmed the join. */
  userId: string | undefined;
}

/** The RtcProvider over Agora. Create it with {@link createAgoraProvider}. */
export class AgoraProvider implements RtcProvider {
  /** `'agora'`, the provider name telemetry records. */
  readonly name = 'agora';
  /**
   * Media relay, dual stream and (with the `audioLevels` option) audio levels;
   * no data messages, because Agora's stream messages stay inside one channel.
   * Agora republishes by itself after a reconnect.
   */
  readonly capabilities: ProviderCapabilities;
  /**
   * The neutral provider events, converted once from the Agora client's own
   * (`user-published`, `connection-state-change`…). `network-quality` comes
   * every 2 s for the local user (Agora's `network-quality`), each followed by
   * the remote users whose levels changed, read from `getRemoteNetworkQuality()`:
   * only users this client subscribes to, never one who left. A remote user's
   * `uplink` is its own last mile into Agora (its sending to you), its
   * `downlink` its last mile out of Agora (your media reaching it).
   */
  readonly events = new EventEmitter<ProviderEventMap>();
  readonly #options: ResolvedAgoraProviderOptions;
  readonly #publisher: AgoraPublisher;
  #sdk: Promise<AgoraSdk> | undefined;
  #session: Session | undefined;
  /** Aborts the join in flight (timeout, the room's signal, or `leave()`). */
  #attempt: AbortController | undefined;
  /** The `client.leave()` in flight, so a second release waits for the first. */
  #leaving: Promise<void> = Promise.resolve();

  /** @internal Use {@link createAgoraProvider}. */
  constructor(options: ResolvedAgoraProviderOptions) {
    this.#options = options;
    this.capabilities = {
      // Agora's stream messages stay inside one channel; PK signalling uses the app's PkTransport.
      dataMessages: false,
      mediaRelay: true,
      dualStream: true,
      audioLevels: options.audioLevels,
      keepsPublicationsOnReconnect: true,
    };
    this.#publisher = new AgoraPublisher(
      options,
      () => this.#loadSdk(),
      () => this.#session,
    );
  }

  /**
   * Loads the SDK, creates a live-mode client and joins the channel, with a
   * token from `params.token` or the `tokenProvider`. Rejects with
   * `INVALID_STATE` when already in a room, `CONNECTION_FAILED` after
   * `joinTimeoutMs` (Agora's own `join()` retries forever offline),
   * `NOT_SUPPORTED` when the SDK cannot load, or Agora's error mapped by {@link fromAgoraError}.
   */
  async join(params: ProviderJoinParams): Promise<ProviderJoinResult> {
    if (this.#session || this.#attempt) {
      throw new LiveroomError('INVALID_STATE', 'The Agora provider is already in a room. Call leave() first.', {
        provider: this.name,
      });
    }
    const attempt = new AbortController();
    this.#attempt = attempt;
    const { joinTimeoutMs } = this.#options;
    const timeoutError = () =>
      new LiveroomError(
        'CONNECTION_FAILED',
        `Agora did not join room "${params.roomId}" within ${joinTimeoutMs} ms; the network or Agora's servers are unreachable.`,
        { provider: this.name },
      );
    try {
      const { session, uid } = await settleWithin((signal) => this.#connect(params, signal), {
        attempt,
        caller: params.signal,
        timeoutMs: joinTimeoutMs,
        timeoutError,
      });
      session.userId = fromAgoraUid(uid);
      return { userId: session.userId };
    } catch (error) {
      await this.#release();
      throw fromAgoraError(error, `join room "${params.roomId}"`);
    } finally {
      this.#attempt = undefined;
    }
  }

  /** Closes the local tracks this provider created and leaves the channel; aborts a pending join. Safe to call twice. */
  async leave(): Promise<void> {
    this.#attempt?.abort(new LiveroomError('OPERATION_ABORTED', 'join() was cancelled by leave().'));
    await this.#release();
  }

  /**
   * Switches role in the channel. With a `tokenProvider`, the token is
   * renewed for the new role first, so a viewer's subscribe-only token does
   * not stop the new co-host from publishing.
   */
  async setRole(role: Role): Promise<void> {
    const session = this.#require('setRole()');
    const token = await this.#fetchToken(session.roomId, session.userId ?? '', role);
    if (token) await callAgora('renew the token for the new role', () => session.client.renewToken(token));
    await callAgora('switch role', () => this.#applyRole(session.client, role));
    session.role = role;
  }

  /** Passes the new token to Agora's `client.renewToken()`; rejects with `INVALID_STATE` before joining. */
  async renewToken(token: string): Promise<void> {
    const { client } = this.#require('renewToken()');
    await callAgora('renew the token', () => client.renewToken(token));
  }

  /** Opens the camera with `createCameraVideoTrack()`, at `videoEncoderPreset` unless a size is given. */
  createCameraTrack(options: CameraOptions): Promise<ProviderLocalTrack> {
    return this.#publisher.createCameraTrack(options);
  }

  /** Opens the microphone with `createMicrophoneAudioTrack()`, at `audioEncoderPreset`. */
  createMicrophoneTrack(options: MicrophoneOptions): Promise<ProviderLocalTrack> {
    return this.#publisher.createMicrophoneTrack(options);
  }

  /**
   * Publishes the track to the channel (enabling the low stream first when
   * `dualStream` is on). Rejects with `INVALID_STATE` before joining or for a
   * track another provider created.
   */
  async publish(track: ProviderLocalTrack): Promise<void> {
    await this.#publisher.publish(this.#require('publish()'), track);
  }

  /** Unpublishes the track from the channel without closing it. */
  async unpublish(track: ProviderLocalTrack): Promise<void> {
    await this.#publisher.unpublish(this.#require('unpublish()'), track);
  }

  /** Agora's `track.setMuted()`: frames stop and remote users get `user-info-updated` (`mute-video`, `mute-audio`). */
  setMuted(track: ProviderLocalTrack, muted: boolean): Promise<void> {
    return this.#publisher.setMuted(track, muted);
  }

  /** Agora's `client.subscribe()` for one media type of one remote user. */
  async subscribe(participantId: string, kind: TrackKind): Promise<ProviderRemoteTrack> {
    const { client } = this.#require('subscribe()');
    const uid = this.#uidOf(client, participantId);
    const remote = await callAgora(`subscribe to ${participantId}'s ${kind}`, () =>
      kind === 'video' ? client.subscribe(uid, 'video') : client.subscribe(uid, 'audio'),
    );
    return { participantId, kind, mediaStreamTrack: remote.getMediaStreamTrack() };
  }

  /** Agora's `client.unsubscribe()` for one media type of one remote user. */
  async unsubscribe(participantId: string, kind: TrackKind): Promise<void> {
    const { client } = this.#require('unsubscribe()');
    const uid = this.#uidOf(client, participantId);
    await callAgora(`unsubscribe from ${participantId}'s ${kind}`, () => client.unsubscribe(uid, kind));
  }

  /**
   * Agora's `getRemoteVideoStats()`, `getRemoteAudioStats()`,
   * `getLocalVideoStats()` (while the camera is published) and `getRTCStats()`,
   * converted to ms and kbit/s. Rejects with `INVALID_STATE` before joining.
   */
  async getStats(): Promise<ProviderStats> {
    const { client, published } = this.#require('getStats()');
    const publishesVideo = [...published].some((t) => t.kind === 'video');
    return {
      timestamp: Date.now(),
      remoteVideo: Object.entries(client.getRemoteVideoStats()).map(([uid, s]) => remoteVideoStatsOf(uid, s)),
      remoteAudio: Object.entries(client.getRemoteAudioStats()).map(([uid, s]) => remoteAudioStatsOf(uid, s)),
      ...(publishesVideo ? { localVideo: localVideoStatsOf(client.getLocalVideoStats()) } : {}),
      transport: transportStatsOf(client.getRTCStats()),
    };
  }

  /** Picks the publisher's high or low stream; the low one exists when that publisher enabled `dualStream`. */
  async setRemoteVideoQuality(participantId: string, quality: VideoStreamQuality): Promise<void> {
    const { client } = this.#require('setRemoteVideoQuality()');
    const uid = this.#uidOf(client, participantId);
    await callAgora(`switch ${participantId} to the ${quality} stream`, () =>
      client.setRemoteVideoStreamType(uid, quality === 'low' ? 1 : 0),
    );
  }

  /** Relays the local host's media into other rooms (cross-room PK). User ids must be numeric there. */
  async startRelay(destinations: RelayDestination[]): Promise<void> {
    const { client } = this.#require('startRelay()');
    const configuration = await this.#relayConfiguration(destinations);
    await callAgora('start the media relay', () => client.startChannelMediaRelay(configuration));
  }

  /** Replaces the relay's destinations (`updateChannelMediaRelay()`) without stopping it. */
  async updateRelay(destinations: RelayDestination[]): Promise<void> {
    const { client } = this.#require('updateRelay()');
    const configuration = await this.#relayConfiguration(destinations);
    await callAgora('update the media relay', () => client.updateChannelMediaRelay(configuration));
  }

  /** Stops relaying into every destination (`stopChannelMediaRelay()`). */
  async stopRelay(): Promise<void> {
    const { client } = this.#require('stopRelay()');
    await callAgora('stop the media relay', () => client.stopChannelMediaRelay());
  }

  async #connect(params: ProviderJoinParams, signal: AbortSignal): Promise<{ session: Session; uid: UID }> {
    const sdk = await this.#loadSdk();
    signal.throwIfAborted();
    const client = sdk.createClient({ mode: 'live', codec: this.#options.codec });
    const session: Session = {
      client,
      stopEvents: bridgeClientEvents(client, this.events, {
        localUserId: () => this.#session?.userId,
        tokenWillExpire: () => void this.#renewFromTokenProvider(),
      }),
      roomId: params.roomId,
      role: params.role,
      userId: undefined,
      dualStreamEnabled: false,
      published: new Set(),
    };
    this.#session = session;
    if (this.#options.audioLevels) client.enableAudioVolumeIndicator();
    await this.#applyRole(client, params.role);
    const token = params.token ?? (await this.#fetchToken(params.roomId, params.userId, params.role));
    signal.throwIfAborted();
    const uid = await client.join(this.#options.appId, params.roomId, token ?? null, toAgoraUid(params.userId));
    return { session, uid };
  }

  #applyRole(client: AgoraClient, role: Role): Promise<void> {
    if (role !== 'audience') return client.setClientRole('host');
    const options: ClientRoleOptions = { level: this.#options.audienceLatencyLevel };
    return client.setClientRole('audience', options);
  }

  async #fetchToken(roomId: string, userId: string, role: Role): Promise<string | undefined> {
    const provide = this.#options.tokenProvider;
    return provide ? callAgora('fetch a token', () => provide({ roomId, userId, role })) : undefined;
  }

  async #renewFromTokenProvider(): Promise<void> {
    const session = this.#session;
    if (!session?.userId || !this.#options.tokenProvider) return;
    try {
      const token = await this.#fetchToken(session.roomId, session.userId, session.role);
      if (token && this.#session === session) await session.client.renewToken(token);
    } catch (error) {
      this.events.emit('warning', fromAgoraError(error, 'renew the token from tokenProvider'));
    }
  }

  async #relayConfiguration(destinations: RelayDestination[]): Promise<IChannelMediaRelayConfiguration> {
    const parsed = parseInput(relayDestinationsSchema, destinations, 'media relay destinations');
    const session = this.#require('the media relay');
    const sdk = await this.#loadSdk();
    // Agora generates the source channel's relay token for uid 0.
    const token = await this.#fetchToken(session.roomId, '0', 'host');
    return fillRelayConfiguration(
      sdk.createChannelMediaRelayConfiguration(),
      { roomId: session.roomId, userId: session.userId ?? '', token },
      parsed.map(({ roomId, userId, token }) => ({ roomId, userId, ...(token ? { token } : {}) })),
    );
  }

  #loadSdk(): Promise<AgoraSdk> {
    if (!this.#sdk) {
      const source = this.#options.sdk ?? loadAgoraSdk;
      const load: AgoraSdkLoader = typeof source === 'function' ? source : async () => source;
      this.#sdk = load().catch((error: unknown) => {
        this.#sdk = undefined;
        throw new LiveroomError(
          'NOT_SUPPORTED',
          'agora-rtc-sdk-ng could not be loaded. Install it beside @liveroom/core and use the Agora provider in a browser.',
          { cause: error, provider: this.name },
        );
      });
    }
    return this.#sdk;
  }

  #require(what: string): Session {
    const session = this.#session;
    if (!session?.userId) {
      throw new LiveroomError('INVALID_STATE', `${what} needs a joined Agora room. Await join() first.`, {
        provider: this.name,
      });
    }
    return session;
  }

  /** The uid Agora knows a participant by (string accounts and integer uids are different users). */
  #uidOf(client: AgoraClient, participantId: string): UID {
    return (
      client.remoteUsers.find((user) => fromAgoraUid(user.uid) === participantId)?.uid ?? toAgoraUid(participantId)
    );
  }

  /** Closes every local track, stops forwarding events and leaves the channel. Safe to call twice. */
  async #release(): Promise<void> {
    this.#publisher.closeAll();
    const session = this.#session;
    this.#session = undefined;
    if (session) {
      session.stopEvents();
      this.#leaving = session.client.leave().catch(() => undefined);
    }
    await this.#leaving;
  }
}

/**
 * Creates the Agora provider. The SDK is imported on the first `join()` or
 * track creation, so importing this module is safe in Node and during SSR.
 *
 * @example
 * ```ts
 * import { createRoom } from '@liveroom/core';
 * import { createAgoraProvider } from '@liveroom/core/agora';
 * const room = createRoom({ provider: createAgoraProvider({ appId: import.meta.env.VITE_AGORA_APP_ID }) });
 * await room.join({ roomId: 'shop-42', role: 'audience', token });
 * ```
 */
export function createAgoraProvider(options: AgoraProviderOptions): AgoraProvider {
  return new AgoraProvider(parseInput(agoraProviderOptionsSchema, options, 'createAgoraProvider() options'));
}
