import type { ProviderStats } from '@liveroom/core';
import { describe, expect, it } from 'vitest';
import { sampleStats } from './sample-stats.js';

const snapshot = (packetsLost: number, packetsReceived: number, framesDropped: number, framesReceived: number) =>
  ({
    timestamp: 0,
    remoteAudio: [],
    remoteVideo: [
      {
        participantId: 'host',
        source: 'webrtc-stats',
        packetsLost,
        packetsReceived,
        framesDropped,
        framesReceived,
        bitrateKbps: 800,
        framesPerSecond: 24,
      },
    ],
    localVideo: { source: 'webrtc-stats', qualityLimitationReason: 'bandwidth' },
  }) satisfies ProviderStats;

describe('sampleStats', () => {
  it('computes loss and drop ratios from deltas', () => {
    expect(sampleStats(snapshot(10, 1_090, 6, 330), snapshot(0, 100, 0, 30))).toEqual({
      bitrateKbps: 800,
      statsFps: 24,
      packetLossRatio: 0.01,
      dropRatio: 0.02,
      qualityLimitationReason: 'bandwidth',
    });
  });

  it('leaves out ratios without a previous snapshot, and everything without a current one', () => {
    expect(sampleStats(snapshot(1, 2, 3, 4), undefined)).not.toHaveProperty('dropRatio');
    expect(sampleStats(undefined, snapshot(1, 2, 3, 4))).toEqual({});
  });
});
