/**
 * The neutral stats shape every provider reports and `@liveroom/metrics` reads.
 * Fields a source does not have are absent, never zero. Durations are in
 * milliseconds and bitrates in kbit/s, whatever the source's own units.
 */

/** Which API the figures came from. */
export type StatsSource = 'webrtc-stats' | 'agora';

/** Inbound video from one remote publisher, as seen by this viewer. */
export interface RemoteVideoStats {
  participantId: string;
  source: StatsSource;
  /** Decoded frame size (W3C `frameWidth`/`frameHeight`, Agora `receiveResolutionWidth/Height`). */
  frameWidth?: number;
  frameHeight?: number;
  /** Cumulative counters (W3C `framesReceived`, `framesDecoded`, `framesDropped`). */
  framesReceived?: number;
  framesDecoded?: number;
  framesDropped?: number;
  /** Decode rate (W3C `framesPerSecond`), or Agora's `decodeFrameRate`. */
  framesPerSecond?: number;
  /** Rendered frame rate (Agora `renderFrameRate`). */
  renderFramesPerSecond?: number;
  bitrateKbps?: number;
  bytesReceived?: number;
  packetsReceived?: number;
  packetsLost?: number;
  jitterMs?: number;
  /** W3C `jitterBufferDelay / jitterBufferEmittedCount`, in ms. */
  jitterBufferDelayMs?: number;
  /** W3C freeze and pause counters (cumulative). */
  freezeCount?: number;
  totalFreezesDurationMs?: number;
  pauseCount?: number;
  totalPausesDurationMs?: number;
  /** Agora's cumulative freeze time and its freeze rate (percent of video time). */
  totalFreezeTimeMs?: number;
  freezeRatePercent?: number;
  /** Agora's end-to-end delay, in ms. */
  end2EndDelayMs?: number;
}

/** Inbound audio from one remote publisher. */
export interface RemoteAudioStats {
  participantId: string;
  source: StatsSource;
  bitrateKbps?: number;
  packetsReceived?: number;
  packetsLost?: number;
  jitterMs?: number;
  /** Current audio level, 0–1. */
  audioLevel?: number;
  totalFreezeTimeMs?: number;
  freezeRatePercent?: number;
}

/** Outbound video of the local publisher (summed over its receivers in a mesh). */
export interface LocalVideoStats {
  source: StatsSource;
  frameWidth?: number;
  frameHeight?: number;
  framesPerSecond?: number;
  bitrateKbps?: number;
  framesSent?: number;
  /** W3C `qualityLimitationReason`: why the encoder is holding back. */
  qualityLimitationReason?: 'none' | 'cpu' | 'bandwidth' | 'other';
}

/** Transport-level figures for the whole connection. */
export interface TransportStats {
  source: StatsSource;
  rttMs?: number;
  outgoingBitrateKbps?: number;
  incomingBitrateKbps?: number;
  availableOutgoingBitrateKbps?: number;
}

/** One stats snapshot from a provider. */
export interface ProviderStats {
  /** When it was taken (epoch ms). */
  timestamp: number;
  remoteVideo: RemoteVideoStats[];
  remoteAudio: RemoteAudioStats[];
  localVideo?: LocalVideoStats;
  transport?: TransportStats;
}
