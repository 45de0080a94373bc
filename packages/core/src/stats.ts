/**
 * The neutral stats shape every provider reports and `@liveroom/metrics` reads.
 * Fields a source does not have are absent, never zero. Durations are in
 * milliseconds and bitrates in kbit/s, whatever the source's own units.
 *
 * Sources: W3C webrtc-stats (https://www.w3.org/TR/webrtc-stats/) for the
 * local provider, agora-rtc-sdk-ng's `RemoteVideoTrackStats`,
 * `RemoteAudioTrackStats`, `LocalVideoTrackStats` and `AgoraRTCStats` for
 * the Agora provider. Each field names the one it comes from.
 */

/** Which API the figures came from: browser `getStats()` (W3C webrtc-stats) or Agora's SDK. */
export type StatsSource = 'webrtc-stats' | 'agora';

/** Inbound video from one remote publisher, as seen by this viewer. */
export interface RemoteVideoStats {
  /** The publisher these figures are about. */
  participantId: string;
  /** Which API reported them; decides which of the optional fields can be present. */
  source: StatsSource;
  /** Width of the last decoded frame, in px (W3C `RTCInboundRtpStreamStats.frameWidth`, Agora `receiveResolutionWidth`). */
  frameWidth?: number;
  /** Height of the last decoded frame, in px (W3C `frameHeight`, Agora `receiveResolutionHeight`). Resolution tiers use the short side of width and height. */
  frameHeight?: number;
  /** Complete frames received since the subscription started (W3C `framesReceived`; not reported by Agora). */
  framesReceived?: number;
  /** Frames decoded since the subscription started (W3C `framesDecoded`; not reported by Agora). */
  framesDecoded?: number;
  /** Frames dropped before decoding since the subscription started (W3C `framesDropped`); drop ratio = Δ`framesDropped` / Δ`framesReceived`. */
  framesDropped?: number;
  /** Decoded frames per second (W3C `framesPerSecond`, Agora `decodeFrameRate`). W3C omits it while frames are stalled. */
  framesPerSecond?: number;
  /** Rendered frames per second (Agora `renderFrameRate`; W3C has no counterpart). */
  renderFramesPerSecond?: number;
  /**
   * Receive bitrate in kbit/s. Agora: `receiveBitrate` / 1000. W3C: from the
   * Δ`bytesReceived` between two `getStats()` calls, so the first sample has none.
   */
  bitrateKbps?: number;
  /** Payload bytes received since the subscription started (W3C `bytesReceived`, Agora `receiveBytes`). */
  bytesReceived?: number;
  /** RTP packets received since the subscription started (W3C `packetsReceived`, Agora `receivePackets`). */
  packetsReceived?: number;
  /** RTP packets lost since the subscription started (W3C `packetsLost`, Agora `receivePacketsLost`). */
  packetsLost?: number;
  /** Packet jitter in ms (W3C `jitter`, which is in seconds; not reported by Agora for video). */
  jitterMs?: number;
  /** Mean time a frame waited in the jitter buffer, in ms: W3C `jitterBufferDelay / jitterBufferEmittedCount`. */
  jitterBufferDelayMs?: number;
  /** Freezes since the subscription started (W3C `freezeCount`: a gap ≥ max(3 × mean frame duration, mean + 150 ms)). */
  freezeCount?: number;
  /** Total time spent frozen, in ms (W3C `totalFreezesDuration`, which is in seconds). */
  totalFreezesDurationMs?: number;
  /** Pauses since the subscription started (W3C `pauseCount`: a gap over 5 s, e.g. the publisher stopped sending). */
  pauseCount?: number;
  /** Total time spent paused, in ms (W3C `totalPausesDuration`, which is in seconds). */
  totalPausesDurationMs?: number;
  /** Total freeze time of the received video, in ms (Agora `RemoteVideoTrackStats.totalFreezeTime`, which is in seconds). */
  totalFreezeTimeMs?: number;
  /** Share of the last second the video was frozen, 0–100 (Agora `freezeRate`, a 0–1 fraction, × 100). */
  freezeRatePercent?: number;
  /** Delay from the publisher's capture to this viewer's playback, in ms, excluding encode and decode (Agora `end2EndDelay`). */
  end2EndDelayMs?: number;
}

/** Inbound audio from one remote publisher. */
export interface RemoteAudioStats {
  /** The publisher these figures are about. */
  participantId: string;
  /** Which API reported them. */
  source: StatsSource;
  /** Receive bitrate in kbit/s (Agora `RemoteAudioTrackStats.receiveBitrate` / 1000; W3C from Δ`bytesReceived` between samples). */
  bitrateKbps?: number;
  /** RTP packets received since the subscription started (W3C `packetsReceived`, Agora `receivePackets`). */
  packetsReceived?: number;
  /** RTP packets lost since the subscription started (W3C `packetsLost`, Agora `receivePacketsLost`). */
  packetsLost?: number;
  /** Packet jitter in ms (W3C `jitter`, which is in seconds). */
  jitterMs?: number;
  /** Current audio level, 0–1 (W3C `audioLevel`; Agora `receiveLevel` / 32767). */
  audioLevel?: number;
  /** Total freeze time of the received audio, in ms (Agora `totalFreezeTime`, which is in seconds). */
  totalFreezeTimeMs?: number;
  /** Share of the recent audio that froze, 0–100 (Agora `freezeRate` × 100). */
  freezeRatePercent?: number;
}

/** Outbound video of the local publisher (summed over its receivers in a mesh). */
export interface LocalVideoStats {
  /** Which API reported them. */
  source: StatsSource;
  /** Width of the encoded frames, in px (W3C `RTCOutboundRtpStreamStats.frameWidth`, Agora `sendResolutionWidth`). */
  frameWidth?: number;
  /** Height of the encoded frames, in px (W3C `frameHeight`, Agora `sendResolutionHeight`). */
  frameHeight?: number;
  /** Encoded frames per second (W3C `framesPerSecond`, the highest over the mesh's uplinks; Agora `sendFrameRate`). */
  framesPerSecond?: number;
  /** Send bitrate in kbit/s, summed over uplinks (Agora `sendBitrate` / 1000; W3C from Δ`bytesSent` between samples). */
  bitrateKbps?: number;
  /** Frames sent since publishing started, summed over uplinks (W3C `framesSent`; not reported by Agora). */
  framesSent?: number;
  /** W3C `qualityLimitationReason`: why the encoder is holding back resolution or frame rate. */
  qualityLimitationReason?: 'none' | 'cpu' | 'bandwidth' | 'other';
}

/** Transport-level figures for the whole connection. */
export interface TransportStats {
  /** Which API reported them. */
  source: StatsSource;
  /**
   * Round-trip time in ms: Agora `AgoraRTCStats.RTT` (to Agora's edge), or the
   * mean W3C `RTCIceCandidatePairStats.currentRoundTripTime` over the mesh's nominated pairs.
   */
  rttMs?: number;
  /** Total send bitrate in kbit/s (Agora `SendBitrate` / 1000; W3C: the sum of {@link LocalVideoStats.bitrateKbps}). */
  outgoingBitrateKbps?: number;
  /** Total receive bitrate in kbit/s (Agora `RecvBitrate` / 1000; W3C: the sum over remote video and audio). */
  incomingBitrateKbps?: number;
  /** Estimated uplink bandwidth in kbit/s (Agora `OutgoingAvailableBandwidth`; W3C `availableOutgoingBitrate` summed over uplinks). */
  availableOutgoingBitrateKbps?: number;
}

/** One stats snapshot from a provider (`room.getStats()`). */
export interface ProviderStats {
  /** When it was taken (epoch ms). */
  timestamp: number;
  /** One entry per remote video this viewer receives. */
  remoteVideo: RemoteVideoStats[];
  /** One entry per remote audio this viewer receives. */
  remoteAudio: RemoteAudioStats[];
  /** The local camera, present while it is published. */
  localVideo?: LocalVideoStats;
  /** The connection as a whole, absent before joining. */
  transport?: TransportStats;
}
