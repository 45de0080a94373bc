/**
 * Turns `RTCPeerConnection.getStats()` reports of the mesh into the neutral
 * {@link ProviderStats}. Field meanings follow W3C webrtc-stats
 * (https://www.w3.org/TR/webrtc-stats/): `RTCInboundRtpStreamStats` for each
 * publisher this viewer receives, `RTCOutboundRtpStreamStats` summed over this
 * publisher's uplinks, and the selected `RTCIceCandidatePairStats` for RTT.
 * Seconds become milliseconds; bitrates come from byte-counter deltas between
 * two samples, so the first sample has none.
 */
import type { LocalVideoStats, ProviderStats, RemoteAudioStats, RemoteVideoStats } from '../stats.js';
import type { Downlink } from './downlink.js';
import type { Uplink } from './uplink.js';

type Entry = Record<string, unknown> & { type: string; id: string; timestamp: number };

/** A stats field as a number, `undefined` when the browser left it out. */
export const num = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
/** A stats field in seconds (webrtc-stats' unit for times) as milliseconds. */
export const ms = (seconds: unknown): number | undefined => {
  const s = num(seconds);
  return s === undefined ? undefined : s * 1000;
};

/** Drops absent fields, so the neutral shape never carries `undefined`. */
function defined<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Samples closer together than this reuse the last bitrate instead of
 * measuring a new one: two callers polling at once (the quality collector and
 * an app's overlay) would otherwise see a zero-length window and no bitrate.
 */
const MIN_RATE_WINDOW_MS = 250;

interface ByteSample {
  bytes: number;
  timestamp: number;
  kbps: number | undefined;
}

/** Keeps the byte counters between samples to compute bitrates. */
export class StatsSampler {
  #previous = new Map<string, ByteSample>();

  /** One snapshot over every live link. */
  async sample(downlinks: readonly Downlink[], uplinks: readonly Uplink[]): Promise<ProviderStats> {
    const seen = new Map<string, ByteSample>();
    const rate = (key: string, bytes: unknown, timestamp: number): number | undefined => {
      const b = num(bytes);
      if (b === undefined) return undefined;
      const before = this.#previous.get(key);
      const counting = before !== undefined && b >= before.bytes;
      if (counting && timestamp - before.timestamp < MIN_RATE_WINDOW_MS) {
        seen.set(key, before);
        return before.kbps;
      }
      // bits per ms = kbit/s
      const kbps = counting ? ((b - before.bytes) * 8) / (timestamp - before.timestamp) : undefined;
      seen.set(key, { bytes: b, timestamp, kbps });
      return kbps;
    };
    const rtts: number[] = [];
    const remoteVideo: RemoteVideoStats[] = [];
    const remoteAudio: RemoteAudioStats[] = [];
    for (const link of downlinks) {
      const entries = await report(link);
      for (const e of entries) {
        if (e.type === 'candidate-pair' && e.nominated && num(e.currentRoundTripTime) !== undefined)
          rtts.push((e.currentRoundTripTime as number) * 1000);
        if (e.type !== 'inbound-rtp') continue;
        const bitrateKbps = rate(`in:${link.peerId}:${e.kind}`, e.bytesReceived, e.timestamp);
        if (e.kind === 'video') remoteVideo.push(inboundVideo(link.peerId, e, bitrateKbps));
        else if (e.kind === 'audio') remoteAudio.push(inboundAudio(link.peerId, e, bitrateKbps));
      }
    }
    const outbound: { entry: Entry; bitrateKbps: number | undefined }[] = [];
    let availableOutgoing: number | undefined;
    for (const link of uplinks) {
      for (const e of await report(link)) {
        if (e.type === 'candidate-pair' && e.nominated) {
          const available = num(e.availableOutgoingBitrate);
          if (available !== undefined) availableOutgoing = (availableOutgoing ?? 0) + available / 1000;
          if (num(e.currentRoundTripTime) !== undefined) rtts.push((e.currentRoundTripTime as number) * 1000);
        }
        if (e.type === 'outbound-rtp' && e.kind === 'video') {
          outbound.push({ entry: e, bitrateKbps: rate(`out:${link.pcId}`, e.bytesSent, e.timestamp) });
        }
      }
    }
    this.#previous = seen;
    const sum = (values: (number | undefined)[]) =>
      values.some((v) => v !== undefined) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : undefined;
    const stats: ProviderStats = { timestamp: Date.now(), remoteVideo, remoteAudio };
    if (outbound.length > 0) stats.localVideo = outboundVideo(outbound);
    if (downlinks.length + uplinks.length > 0) {
      stats.transport = defined<NonNullable<ProviderStats['transport']>>({
        source: 'webrtc-stats' as const,
        rttMs: rtts.length > 0 ? rtts.reduce((a, b) => a + b, 0) / rtts.length : undefined,
        incomingBitrateKbps: sum([...remoteVideo, ...remoteAudio].map((s) => s.bitrateKbps)),
        outgoingBitrateKbps: sum(outbound.map((o) => o.bitrateKbps)),
        availableOutgoingBitrateKbps: availableOutgoing,
      });
    }
    return stats;
  }
}

async function report(link: Downlink | Uplink): Promise<Entry[]> {
  if (link.closed) return [];
  const stats = await link.pc.getStats();
  return [...stats.values()] as Entry[];
}

function inboundVideo(participantId: string, e: Entry, bitrateKbps: number | undefined): RemoteVideoStats {
  const emitted = num(e.jitterBufferEmittedCount);
  return defined<RemoteVideoStats>({
    participantId,
    source: 'webrtc-stats' as const,
    frameWidth: num(e.frameWidth),
    frameHeight: num(e.frameHeight),
    framesReceived: num(e.framesReceived),
    framesDecoded: num(e.framesDecoded),
    framesDropped: num(e.framesDropped),
    framesPerSecond: num(e.framesPerSecond),
    bitrateKbps,
    bytesReceived: num(e.bytesReceived),
    packetsReceived: num(e.packetsReceived),
    packetsLost: num(e.packetsLost),
    jitterMs: ms(e.jitter),
    jitterBufferDelayMs: emitted ? (ms(e.jitterBufferDelay) ?? 0) / emitted : undefined,
    freezeCount: num(e.freezeCount),
    totalFreezesDurationMs: ms(e.totalFreezesDuration),
    pauseCount: num(e.pauseCount),
    totalPausesDurationMs: ms(e.totalPausesDuration),
  });
}

function inboundAudio(participantId: string, e: Entry, bitrateKbps: number | undefined): RemoteAudioStats {
  return defined<RemoteAudioStats>({
    participantId,
    source: 'webrtc-stats' as const,
    bitrateKbps,
    packetsReceived: num(e.packetsReceived),
    packetsLost: num(e.packetsLost),
    jitterMs: ms(e.jitter),
    audioLevel: num(e.audioLevel),
  });
}

const LIMITATIONS = ['none', 'cpu', 'bandwidth', 'other'] as const;

/** The publisher's video over all its uplinks: bitrates and frames summed, the first limitation reported. */
function outboundVideo(outbound: { entry: Entry; bitrateKbps: number | undefined }[]): LocalVideoStats {
  const entries = outbound.map((o) => o.entry);
  const sized = entries.find((e) => num(e.frameWidth) !== undefined);
  const reasons = entries.map((e) => e.qualityLimitationReason);
  const limited = reasons.find((r) => r !== 'none' && LIMITATIONS.includes(r as 'none'));
  const bitrates = outbound.map((o) => o.bitrateKbps).filter((b): b is number => b !== undefined);
  const framesSent = entries.map((e) => num(e.framesSent)).filter((f): f is number => f !== undefined);
  const fps = entries.map((e) => num(e.framesPerSecond)).filter((f): f is number => f !== undefined);
  return defined<LocalVideoStats>({
    source: 'webrtc-stats' as const,
    frameWidth: num(sized?.frameWidth),
    frameHeight: num(sized?.frameHeight),
    framesPerSecond: fps.length > 0 ? Math.max(...fps) : undefined,
    bitrateKbps: bitrates.length > 0 ? bitrates.reduce((a, b) => a + b, 0) : undefined,
    framesSent: framesSent.length > 0 ? framesSent.reduce((a, b) => a + b, 0) : undefined,
    qualityLimitationReason: (limited ?? (reasons.includes('none') ? 'none' : undefined)) as
      | LocalVideoStats['qualityLimitationReason']
      | undefined,
  });
}
