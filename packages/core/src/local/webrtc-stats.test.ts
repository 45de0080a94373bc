import { describe, expect, it } from 'vitest';
import type { Downlink } from './downlink.js';
import type { Uplink } from './uplink.js';
import { StatsSampler } from './webrtc-stats.js';

type Entry = Record<string, unknown>;

/** A link whose getStats() returns the next report from `reports`. */
function link(peerId: string, reports: Entry[][]): Downlink & Uplink {
  let i = 0;
  const pc = {
    getStats: async () => new Map((reports[Math.min(i++, reports.length - 1)] ?? []).map((e) => [e.id, e])),
  };
  return { peerId, pcId: `pc-${peerId}`, closed: false, pc } as unknown as Downlink & Uplink;
}

const inbound = (timestamp: number, bytesReceived: number): Entry => ({
  id: 'in-v',
  type: 'inbound-rtp',
  kind: 'video',
  timestamp,
  bytesReceived,
  frameWidth: 640,
  frameHeight: 480,
  framesDecoded: 100,
  framesReceived: 102,
  framesDropped: 2,
  framesPerSecond: 20,
  packetsLost: 1,
  jitter: 0.004,
  jitterBufferDelay: 3,
  jitterBufferEmittedCount: 100,
  freezeCount: 1,
  totalFreezesDuration: 1.25,
  pauseCount: 0,
  totalPausesDuration: 0,
});

describe('StatsSampler', () => {
  it('gives callers polling at the same moment the same bitrate', async () => {
    const sampler = new StatsSampler();
    const host = link('host', [[inbound(1000, 0)], [inbound(2000, 125_000)], [inbound(2010, 126_000)]]);
    await sampler.sample([host], []);
    const collector = await sampler.sample([host], []);
    const overlay = await sampler.sample([host], []);
    expect(collector.remoteVideo[0]?.bitrateKbps).toBe(1000);
    expect(overlay.remoteVideo[0]?.bitrateKbps).toBe(1000);
  });

  it('maps inbound video to the neutral shape, seconds to ms, with bitrate from byte deltas', async () => {
    const sampler = new StatsSampler();
    const host = link('host', [[inbound(1000, 0)], [inbound(2000, 125_000)]]);
    const first = await sampler.sample([host], []);
    expect(first.remoteVideo[0]?.bitrateKbps).toBeUndefined();
    const second = await sampler.sample([host], []);
    expect(second.remoteVideo[0]).toEqual({
      participantId: 'host',
      source: 'webrtc-stats',
      frameWidth: 640,
      frameHeight: 480,
      framesReceived: 102,
      framesDecoded: 100,
      framesDropped: 2,
      framesPerSecond: 20,
      bitrateKbps: 1000,
      bytesReceived: 125_000,
      packetsLost: 1,
      jitterMs: 4,
      jitterBufferDelayMs: 30,
      freezeCount: 1,
      totalFreezesDurationMs: 1250,
      pauseCount: 0,
      totalPausesDurationMs: 0,
    });
  });

  it('sums the outbound video over every uplink and reports a quality limitation', async () => {
    const outbound = (id: string, reason: string, bytesSent: number, timestamp: number): Entry => ({
      id,
      type: 'outbound-rtp',
      kind: 'video',
      timestamp,
      bytesSent,
      framesSent: 50,
      frameWidth: 640,
      frameHeight: 480,
      framesPerSecond: 20,
      qualityLimitationReason: reason,
    });
    const sampler = new StatsSampler();
    const a = link('a', [[outbound('o', 'none', 0, 0)], [outbound('o', 'none', 62_500, 1000)]]);
    const b = link('b', [[outbound('o', 'cpu', 0, 0)], [outbound('o', 'cpu', 62_500, 1000)]]);
    await sampler.sample([], [a, b]);
    const stats = await sampler.sample([], [a, b]);
    expect(stats.localVideo).toEqual({
      source: 'webrtc-stats',
      frameWidth: 640,
      frameHeight: 480,
      framesPerSecond: 20,
      bitrateKbps: 1000,
      framesSent: 100,
      qualityLimitationReason: 'cpu',
    });
    expect(stats.transport?.outgoingBitrateKbps).toBe(1000);
  });

  it('reports nothing but the timestamp without links', async () => {
    const stats = await new StatsSampler().sample([], []);
    expect(stats).toMatchObject({ remoteVideo: [], remoteAudio: [] });
    expect(stats.localVideo).toBeUndefined();
    expect(stats.transport).toBeUndefined();
  });
});
