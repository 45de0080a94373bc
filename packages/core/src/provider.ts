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
  roomId: string;
  userId: string;
  role: Role;
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
  id: string;
  role: Role;
}

/** Camera options shared by all providers. */
export interface CameraOptions {
  deviceId?: string | undefined;
  width?: number | undefined;
  height?: number | undefined;
  frameRate?: number | undefined;
  facingMode?: 'user' | 'environment' | undefined;
}

/** Microphone options shared by all providers. */
export interface MicrophoneOptions {
  deviceId?: string | undefined;
  echoCancellation?: boolean | undefined;
  noiseSuppression?: boolean | undefined;
  autoGainControl?: boolean | undefined;
}

/**
 * A local camera or microphone track created by a provider. Agora wraps its
 * own track objects in this; the local provider wraps `getUserMedia` tracks.
 */
export interface ProviderLocalTrack {
  readonly id: string;
  readonly kind: TrackKind;
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
  readonly participantId: string;
  readonly kind: TrackKind;
  readonly mediaStreamTrack: MediaStreamTrack;
}

/** One destination of a cross-room media relay. */
export interface RelayDestination {
  roomId: string;
  /** The id the relayed stream appears under in the destination room. */
  userId: string;
  token?: string;
}

/** State of a cross-room media relay, after Agora's `channel-media-relay-state`. */
export type RelayState = 'idle' | 'connecting' | 'running' | 'failed';

/** Audio level of one participant, 0–1 (`participantId` absent for the local user). */
export interface AudioLevel {
  participantId?: string;
  level: number;
}

/** A message delivered over the provider's data channel. */
export interface DataMessage {
  from: string;
  payload: string;
}

/** Options of {@link RtcProvider.sendData}. */
export interface SendDataOptions {
  /** Recipients by user id; everyone in the room when absent. */
  to?: string[];
}

/**
 * Events every provider emits, in the order its transport delivers them.
 * Each maps onto the room's own event of the same meaning.
 */
export interface ProviderEventMap {
  'connection-state-changed': [state: ConnectionState, reason: ConnectionStateReason];
  'participant-joined': [participant: ProviderParticipant];
  'participant-left': [participantId: string, reason: 'left' | 'timeout' | 'kicked' | 'role-changed'];
  'participant-role-changed': [participantId: string, role: Role];
  'track-published': [participantId: string, kind: TrackKind];
  'track-unpublished': [participantId: string, kind: TrackKind];
  'track-muted': [participantId: string, kind: TrackKind];
  'track-unmuted': [participantId: string, kind: TrackKind];
  'network-quality': [quality: NetworkQuality];
  'audio-levels': [levels: AudioLevel[]];
  'token-will-expire': [];
  'token-expired': [];
  'data-message': [message: DataMessage];
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
  readonly capabilities: ProviderCapabilities;
  readonly events: ProviderEvents;

  join(params: ProviderJoinParams): Promise<ProviderJoinResult>;
  /** Leaves and releases every connection. Safe to call in any state. */
  leave(): Promise<void>;
  setRole(role: Role): Promise<void>;
  renewToken(token: string): Promise<void>;

  createCameraTrack(options: CameraOptions): Promise<ProviderLocalTrack>;
  createMicrophoneTrack(options: MicrophoneOptions): Promise<ProviderLocalTrack>;
  publish(track: ProviderLocalTrack): Promise<void>;
  unpublish(track: ProviderLocalTrack): Promise<void>;
  /** Mutes a published track: remote viewers see it as muted (a pause, not a stall). */
  setMuted(track: ProviderLocalTrack, muted: boolean): Promise<void>;

  subscribe(participantId: string, kind: TrackKind): Promise<ProviderRemoteTrack>;
  unsubscribe(participantId: string, kind: TrackKind): Promise<void>;

  getStats(): Promise<ProviderStats>;

  setRemoteVideoQuality?(participantId: string, quality: VideoStreamQuality): Promise<void>;
  sendData?(payload: string, options: SendDataOptions): Promise<void>;
  startRelay?(destinations: RelayDestination[]): Promise<void>;
  updateRelay?(destinations: RelayDestination[]): Promise<void>;
  stopRelay?(): Promise<void>;
}
