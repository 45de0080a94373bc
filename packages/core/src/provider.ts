/**
 * The contract between the {@link Room} and an RTC provider (Agora, the
 * embedded local provider, or a test fake). Written from what both Agora's
 * `IAgoraRTCClient` and browser WebRTC can do; each provider converts its own
 * events into {@link ProviderEventMap} once, inside the provider.
 *
 * Providers own transport reconnection; the room mirrors their connection
 * states and, when {@link ProviderCapabilities.keepsPublicationsOnReconnect}
 * is false, publishes its tracks again after a reconnect.
 */
import type { EventEmitter } from 'eventemitter3';
import type { LiveroomError } from './errors.js';
import type { ProviderStats } from './stats.js';
import type {
  ConnectionState,
  ConnectionStateReason,
  NetworkQuality,
  Role,
  TrackKind,
  TrackSource,
  VideoStreamQuality,
} from './types.js';

/** What a provider can do beyond the basics. The room checks these before calling optional methods. */
export interface ProviderCapabilities {
  /** `sendData()` and the `data-message` event. */
  dataMessages: boolean;
  /** Cross-room media relay (`startRelay()` and friends). */
  mediaRelay: boolean;
  /** A low-quality second stream the viewer can choose (`setRemoteVideoQuality()`). */
  dualStream: boolean;
  /** `audio-levels` events. */
  audioLevels: boolean;
  /** True when the provider republishes by itself after a reconnect (Agora does); false when the room must. */
  keepsPublicationsOnReconnect: boolean;
}

/** Parameters of {@link RtcProvider.join}. */
export interface ProviderJoinParams {
  /** The room (Agora channel) to join; already validated by the room. */
  roomId: string;
  /** The id to join under; the room generates one when the app gave none. */
  userId: string;
  /** The role to join in: `host` and `cohost` may publish, `audience` may not. */
  role: Role;
  /** The app's token for this room and user, when the provider needs one (Agora). */
  token?: string;
  /** Abort to give up joining (the room uses it for its join timeout and for `leave()`). */
  signal: AbortSignal;
}

/** What the provider learned when it joined. */
export interface ProviderJoinResult {
  /** The user id the room is known by (providers may assign one). */
  userId: string;
  /** Server clock minus local clock, in ms, when the provider knows it (PK battle clocks use it). */
  serverTimeOffsetMs?: number;
}

/** A participant as the provider announces it. */
export interface ProviderParticipant {
  /** The participant's user id in this room. */
  id: string;
  /** Its role when it joined (Agora announces every remote publisher as `host`). */
  role: Role;
}

/** Camera options shared by all providers. */
export interface CameraOptions {
  /** A `deviceId` from `navigator.mediaDevices.enumerateDevices()`; the default camera when absent. */
  deviceId?: string | undefined;
  /** Ideal capture width in px (16–3840); the browser may pick the nearest size the camera offers. */
  width?: number | undefined;
  /** Ideal capture height in px (16–2160). */
  height?: number | undefined;
  /** Ideal capture rate in frames per second (1–60). */
  frameRate?: number | undefined;
  /** On phones: the front (`user`) or back (`environment`) camera. Ignored when `deviceId` is set. */
  facingMode?: 'user' | 'environment' | undefined;
}

/** Microphone options shared by all providers. */
export interface MicrophoneOptions {
  /** A `deviceId` from `navigator.mediaDevices.enumerateDevices()`; the default microphone when absent. */
  deviceId?: string | undefined;
  /** Browser echo cancellation (`MediaTrackConstraints.echoCancellation`); the browser's default when absent. */
  echoCancellation?: boolean | undefined;
  /** Browser noise suppression (`MediaTrackConstraints.noiseSuppression`). */
  noiseSuppression?: boolean | undefined;
  /** Browser automatic gain control (`MediaTrackConstraints.autoGainControl`). */
  autoGainControl?: boolean | undefined;
}

/**
 * A local camera or microphone track created by a provider. Agora wraps its
 * own track objects in this; the local provider wraps `getUserMedia` tracks.
 */
export interface ProviderLocalTrack {
  /** Unique per track object, for the provider's own bookkeeping. */
  readonly id: string;
  /** `video` for the camera, `audio` for the microphone. */
  readonly kind: TrackKind;
  /** The device type it captures from. */
  readonly source: TrackSource;
  /** The browser track, for previews and for metrics. */
  readonly mediaStreamTrack: MediaStreamTrack;
  /** Switches to another capture device without republishing. */
  switchDevice(deviceId: string): Promise<void>;
  /** Stops capture and releases the device. */
  close(): void;
}

/** A remote track the provider has subscribed to. */
export interface ProviderRemoteTrack {
  /** The publisher. */
  readonly participantId: string;
  /** Which of its tracks this is. */
  readonly kind: TrackKind;
  /** The received browser track, ready to play. */
  readonly mediaStreamTrack: MediaStreamTrack;
}

/** One destination of a cross-room media relay. */
export interface RelayDestination {
  /** The room (Agora channel) to relay into. */
  roomId: string;
  /** The id the relayed stream appears under in the destination room. */
  userId: string;
  /** A token for `userId` in `roomId`, when the provider needs one (Agora). */
  token?: string;
}

/** State of a cross-room media relay, after Agora's `channel-media-relay-state`. */
export type RelayState = 'idle' | 'connecting' | 'running' | 'failed';

/** Audio level of one participant, 0–1 (`participantId` absent for the local user). */
export interface AudioLevel {
  /** The speaker; absent for the local user. */
  participantId?: string;
  /** Loudness from 0 (silence) to 1; below {@link SPEAKING_THRESHOLD} counts as silence. */
  level: number;
}

/** A message delivered over the provider's data channel. */
export interface DataMessage {
  /** The sender's user id. */
  from: string;
  /** The string the sender passed to `sendData()`, unchanged. */
  payload: string;
}

/** Options of {@link RtcProvider.sendData}. */
export interface SendDataOptions {
  /** Recipients by user id; everyone in the room when absent, no one when empty. */
  to?: string[];
}

/**
 * Events every provider emits, in the order its transport delivers them.
 * Each maps onto the room's own event of the same meaning.
 */
export interface ProviderEventMap {
  /**
   * The transport's state changed on its own: `reconnecting` when it dropped,
   * `connected` when it came back, `failed` when it gave up. The room ignores
   * it until `join()` resolves, so a provider need not report the join itself.
   */
  'connection-state-changed': [state: ConnectionState, reason: ConnectionStateReason];
  /**
   * A remote participant is in the room: emitted for everyone present right
   * after joining, then for each arrival. Emitting it again for a known id
   * (after a rejoin) is allowed and updates its role.
   */
  'participant-joined': [participant: ProviderParticipant];
  /** A remote participant left (`left`), dropped out (`timeout`), was kicked, or stepped down to audience where the provider hides the audience (Agora). */
  'participant-left': [participantId: string, reason: 'left' | 'timeout' | 'kicked' | 'role-changed'];
  /** A remote participant switched role; stepping down to `audience` implies its tracks are unpublished. */
  'participant-role-changed': [participantId: string, role: Role];
  /** A remote participant started publishing `kind` (Agora `user-published`). The room subscribes when `autoSubscribe` is on; emitting it again means the old media is gone and the room subscribes anew. */
  'track-published': [participantId: string, kind: TrackKind];
  /** A remote participant stopped publishing `kind` (Agora `user-unpublished`). */
  'track-unpublished': [participantId: string, kind: TrackKind];
  /** A remote publisher muted `kind`: no frames follow, and metrics count the gap as a pause, not a stall. */
  'track-muted': [participantId: string, kind: TrackKind];
  /** A remote publisher unmuted `kind`. */
  'track-unmuted': [participantId: string, kind: TrackKind];
  /** Uplink and downlink quality, 0–6: the local user's (about every 2 s on Agora) and remote participants' when their levels change; providers without an estimate never emit it. */
  'network-quality': [quality: NetworkQuality];
  /** Audio levels of the participants heard, while {@link ProviderCapabilities.audioLevels} is true (every 2 s on Agora, every `audioLevelIntervalMs` on the local provider). */
  'audio-levels': [levels: AudioLevel[]];
  /** The token expires soon (Agora `token-privilege-will-expire`, 30 s before); the app should call `renewToken()`. */
  'token-will-expire': [];
  /** The token expired (Agora `token-privilege-did-expire`); the connection ends unless a new token arrives. */
  'token-expired': [];
  /** A message from another participant's `sendData()`. */
  'data-message': [message: DataMessage];
  /** The cross-room media relay changed state; `error` explains a `failed` state. */
  'relay-state-changed': [state: RelayState, error?: LiveroomError];
  /** The local user was removed by the server (kicked) or the room was closed. */
  removed: [reason: 'kicked' | 'room-closed'];
  /** Something went wrong that did not end the session (typed warning). */
  warning: [error: LiveroomError];
}

/** The typed emitter providers expose. */
export type ProviderEvents = EventEmitter<ProviderEventMap>;

/**
 * An RTC provider behind the room. Methods are async and reject with
 * {@link LiveroomError}. Optional methods exist when the matching
 * {@link ProviderCapabilities} flag is true.
 */
export interface RtcProvider {
  /** Short name recorded in telemetry (`'local'`, `'agora'`). */
  readonly name: string;
  /** What it supports; constant for the provider's lifetime. */
  readonly capabilities: ProviderCapabilities;
  /** Where it reports what happens in the room; the room listens only while joined. */
  readonly events: ProviderEvents;

  /**
   * Joins `params.roomId` and resolves once media can flow. It then emits
   * `participant-joined` (and `track-published`) for everyone already there. Rejects with `INVALID_STATE` when already joined or joining,
   * with `signal.reason` (`JOIN_TIMEOUT` or `OPERATION_ABORTED`) when the signal
   * aborts, and otherwise with the closest code (`CONNECTION_FAILED`,
   * `TOKEN_EXPIRED`, `UID_CONFLICT`…). A failed join leaves nothing open.
   */
  join(params: ProviderJoinParams): Promise<ProviderJoinResult>;
  /** Leaves and releases every connection. Safe to call in any state and twice; aborts a pending `join()`. */
  leave(): Promise<void>;
  /**
   * Switches the local user's role in the room (the room unpublishes its
   * tracks before stepping down to `audience`). Rejects with `INVALID_STATE` before joining.
   */
  setRole(role: Role): Promise<void>;
  /** Replaces the token before it expires (after `token-will-expire`). Providers without tokens resolve and ignore it. */
  renewToken(token: string): Promise<void>;

  /**
   * Opens the camera (works before joining, for a preview). Rejects with
   * `PERMISSION_DENIED`, `DEVICE_NOT_FOUND` or `DEVICE_IN_USE` from `getUserMedia`.
   */
  createCameraTrack(options: CameraOptions): Promise<ProviderLocalTrack>;
  /** Opens the microphone; rejects like {@link RtcProvider.createCameraTrack}. */
  createMicrophoneTrack(options: MicrophoneOptions): Promise<ProviderLocalTrack>;
  /**
   * Sends a track this provider created to everyone in the room (one track
   * per kind). Rejects with `INVALID_STATE` before joining, for the audience,
   * or for a track it did not create.
   */
  publish(track: ProviderLocalTrack): Promise<void>;
  /** Stops sending the track without closing it. Unpublishing a track that is not published resolves. */
  unpublish(track: ProviderLocalTrack): Promise<void>;
  /** Mutes a published track: remote viewers see it as muted (a pause, not a stall). */
  setMuted(track: ProviderLocalTrack, muted: boolean): Promise<void>;

  /**
   * Starts receiving a remote participant's track and resolves with it.
   * Rejects with `INVALID_STATE` when that participant does not publish `kind`.
   */
  subscribe(participantId: string, kind: TrackKind): Promise<ProviderRemoteTrack>;
  /** Stops receiving a remote track; a track not subscribed to resolves. */
  unsubscribe(participantId: string, kind: TrackKind): Promise<void>;

  /** One snapshot of the session's media figures in the neutral shape. */
  getStats(): Promise<ProviderStats>;

  /** Picks a publisher's high or low stream. Present when {@link ProviderCapabilities.dualStream} is true. */
  setRemoteVideoQuality?(participantId: string, quality: VideoStreamQuality): Promise<void>;
  /** Sends a string to the room or to `options.to`. Present when {@link ProviderCapabilities.dataMessages} is true. */
  sendData?(payload: string, options: SendDataOptions): Promise<void>;
  /**
   * Relays the local media into other rooms (cross-room PK); progress comes
   * as `relay-state-changed`. Present when {@link ProviderCapabilities.mediaRelay} is true.
   */
  startRelay?(destinations: RelayDestination[]): Promise<void>;
  /** Replaces the running relay's destinations. */
  updateRelay?(destinations: RelayDestination[]): Promise<void>;
  /** Stops the relay into every destination. */
  stopRelay?(): Promise<void>;
}
