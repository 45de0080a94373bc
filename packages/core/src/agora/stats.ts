/**
 * Agora's stats in the neutral {@link ProviderStats} shape. Units become
 * ours (ms, kbit/s, percent); fields Agora does not report stay absent.
 *
 * Source: `RemoteVideoTrackStats`, `RemoteAudioTrackStats`,
 * `LocalVideoTrackStats` and `AgoraRTCStats` in agora-rtc-sdk-ng 4.24.8
 * `rtc-sdk_en.d.ts`. `totalFreezeTime` is in seconds; `freezeRate` is a
 * fraction (0–1) of the last second; bitrates are in bps; `receiveLevel` is 0–32767.
 */
import type {
  AgoraRTCStats,
  LocalVideoTrackStats,
  RemoteAudioTrackStats,
  RemoteVideoTrackStats,
} from 'agora-rtc-sdk-ng';
import type { LocalVideoStats, RemoteAudioStats, RemoteVideoStats, TransportStats } from '../stats.js';

const kbps = (bps: number): number => bps / 1000;
const percent = (fraction: number): number => fraction * 100;
const MAX_AUDIO_LEVEL = 32767;

/** One remote publisher's video as Agora's `getRemoteVideoStats()` reports it. */
export function remoteVideoStatsOf(participantId: string, stats: RemoteVideoTrackStats): RemoteVideoStats {
  return {
    participantId,
    source: 'agora',
    frameWidth: stats.receiveResolutionWidth,
    frameHeight: stats.receiveResolutionHeight,
    ...(stats.decodeFrameRate === undefined ? {} : { framesPerSecond: stats.decodeFrameRate }),
    ...(stats.renderFrameRate === undefined ? {} : { renderFramesPerSecond: stats.renderFrameRate }),
    bitrateKbps: kbps(stats.receiveBitrate),
    bytesReceived: stats.receiveBytes,
    packetsReceived: stats.receivePackets,
    packetsLost: stats.receivePacketsLost,
    totalFreezeTimeMs: stats.totalFreezeTime * 1000,
    freezeRatePercent: percent(stats.freezeRate),
    end2EndDelayMs: stats.end2EndDelay,
  };
}

/** One remote publisher's audio as Agora's `getRemoteAudioStats()` reports it. */
export function remoteAudioStatsOf(participantId: string, stats: RemoteAudioTrackStats): RemoteAudioStats {
  return {
    participantId,
    source: 'agora',
    bitrateKbps: kbps(stats.receiveBitrate),
    packetsReceived: stats.receivePackets,
    packetsLost: stats.receivePacketsLost,
    audioLevel: stats.receiveLevel / MAX_AUDIO_LEVEL,
    totalFreezeTimeMs: stats.totalFreezeTime * 1000,
    freezeRatePercent: percent(stats.freezeRate),
  };
}

/** The local camera as Agora's `getLocalVideoStats()` reports it. */
export function localVideoStatsOf(stats: LocalVideoTrackStats): LocalVideoStats {
  return {
    source: 'agora',
    frameWidth: stats.sendResolutionWidth,
    frameHeight: stats.sendResolutionHeight,
    ...(stats.sendFrameRate === undefined ? {} : { framesPerSecond: stats.sendFrameRate }),
    bitrateKbps: kbps(stats.sendBitrate),
  };
}

/** The connection as Agora's `getRTCStats()` reports it. */
export function transportStatsOf(stats: AgoraRTCStats): TransportStats {
  return {
    source: 'agora',
    rttMs: stats.RTT,
    outgoingBitrateKbps: kbps(stats.SendBitrate),
    incomingBitrateKbps: kbps(stats.RecvBitrate),
    // Already in Kbps in Agora's declaration.
    availableOutgoingBitrateKbps: stats.OutgoingAvailableBandwidth,
  };
}
