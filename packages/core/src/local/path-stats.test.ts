import { describe, expect, it } from 'vitest';
import { type PathCounters, PathMeter, qualityBetween, receivedCounters, sentCounters } from './path-stats.js';

/** A getStats() report from plain entries, keyed by id as the browser's is. */
const reportOf = (...entries: Record<string, unknown>[]) =>
  new Map(entries.map((e) => [e.id as string, e])) as unknown as RTCStatsReport;

const transport = { id: 'T', type: 'transport', selectedCandidatePairId: 'CP' };
const pair = { id: 'CP', type: 'candidate-pair', currentRoundTripTime: 0.04 };

describe('receivedCounters', () => {
  it('sums the inbound streams (sent = received + lost), keeps the worst jitter and the selected pair RTT', () => {
    const report = reportOf(
      transport,
      pair,
      { id: 'CP2', type: 'candidate-pair', currentRoundTripTime: 0.9 },
      { id: 'IV', type: 'inbound-rtp', kind: 'video', packetsReceived: 900, packetsLost: 100, jitter: 0.012 },
      { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsReceived: 50, packetsLost: -2, jitter: 0.03 },
    );
    expect(receivedCounters(report)).toEqual({
      packets: 1050,
      lost: 100,
      jitterMs: 30,
      rttMs: 40,
      pathRttMs: 40,
      streams: { IV: { packets: 1000, jitterMs: 12 }, IA: { packets: 50, jitterMs: 30 } },
    });
  });

  it('is undefined before any media arrived', () => {
    expect(receivedCounters(reportOf(transport, pair))).toBeUndefined();
  });
});

describe('sentCounters', () => {
  it("reads the receiver's reports over the packets sent on the streams they report on", () => {
    const report = reportOf(
      transport,
      pair,
      { id: 'OV', type: 'outbound-rtp', kind: 'video', packetsSent: 2000 },
      { id: 'RV', type: 'remote-inbound-rtp', localId: 'OV', packetsLost: 40, jitter: 0.005, roundTripTime: 0.12 },
    );
    expect(sentCounters(report)).toEqual({
      packets: 2000,
      lost: 40,
      jitterMs: 5,
      rttMs: 120,
      pathRttMs: 40,
      streams: { RV: { packets: 2000, jitterMs: 5, rttMs: 120 } },
    });
  });

  it("falls back to the candidate pair's RTT before a report carries one, and is undefined before any report", () => {
    const report = reportOf(transport, pair, { id: 'OV', type: 'outbound-rtp', packetsSent: 10 });
    expect(sentCounters(report)).toBeUndefined();
    const first = reportOf(
      transport,
      pair,
      { id: 'OV', type: 'outbound-rtp', packetsSent: 10 },
      {
        id: 'RV',
        type: 'remote-inbound-rtp',
        localId: 'OV',
        packetsLost: 0,
      },
    );
    expect(sentCounters(first)?.rttMs).toBe(40);
  });
});

describe('qualityBetween', () => {
  it('is the loss over the interval, not since the start', () => {
    const quality = qualityBetween({ packets: 1000, lost: 500 }, { packets: 2000, lost: 550, rttMs: 3, jitterMs: 4 });
    expect(quality).toEqual({ lossRatio: 0.05, rttMs: 3, jitterMs: 4 });
  });

  it('has no loss figure without a previous reading, without packets in between, or when the counters restarted', () => {
    expect(qualityBetween(undefined, { packets: 10, lost: 5 }).lossRatio).toBeUndefined();
    expect(qualityBetween({ packets: 10, lost: 5 }, { packets: 10, lost: 5 }).lossRatio).toBeUndefined();
    expect(qualityBetween({ packets: 10, lost: 5 }, { packets: 20, lost: 1 }).lossRatio).toBeUndefined();
  });

  it("rates a path that carried no media over the interval by the candidate pair's RTT alone, not by stale figures", () => {
    // Unpublished or muted: the fixed senders send nothing, so jitter and the receiver's report RTT
    // are the last ones seen before; STUN consent checks still measure the path.
    const idle = { packets: 500, lost: 2, jitterMs: 180, rttMs: 700, pathRttMs: 3 };
    expect(qualityBetween({ packets: 500, lost: 2 }, idle)).toEqual({ rttMs: 3 });
    expect(qualityBetween(undefined, idle)).toEqual({ rttMs: 700, jitterMs: 180, lossRatio: undefined });
  });
});

describe('qualityBetween with a stream gone quiet', () => {
  // The camera muted while the microphone still sends: the path carries media, but the video
  // stream's jitter and its receiver's report RTT are the last ones seen before the mute.
  it("rates a path we receive by the streams that carried media over the interval, not a muted camera's last jitter", () => {
    const reading = (video: number, audio: number) =>
      receivedCounters(
        reportOf(
          transport,
          pair,
          { id: 'IV', type: 'inbound-rtp', kind: 'video', packetsReceived: video, packetsLost: 0, jitter: 0.18 },
          { id: 'IA', type: 'inbound-rtp', kind: 'audio', packetsReceived: audio, packetsLost: 0, jitter: 0.002 },
        ),
      ) as PathCounters;
    expect(qualityBetween(reading(500, 100), reading(500, 150))).toEqual({ rttMs: 40, jitterMs: 2, lossRatio: 0 });
  });

  it("rates a path we send by the streams that carried media over the interval, not a muted camera's last report", () => {
    const reading = (video: number, audio: number) =>
      sentCounters(
        reportOf(
          transport,
          pair,
          { id: 'OV', type: 'outbound-rtp', kind: 'video', packetsSent: video },
          { id: 'OA', type: 'outbound-rtp', kind: 'audio', packetsSent: audio },
          { id: 'RV', type: 'remote-inbound-rtp', localId: 'OV', packetsLost: 0, jitter: 0.18, roundTripTime: 0.7 },
          { id: 'RA', type: 'remote-inbound-rtp', localId: 'OA', packetsLost: 0, jitter: 0.002, roundTripTime: 0.003 },
        ),
      ) as PathCounters;
    expect(qualityBetween(reading(500, 100), reading(500, 150))).toEqual({ rttMs: 3, jitterMs: 2, lossRatio: 0 });
  });
});

describe('PathMeter', () => {
  it('measures each path against its own previous reading and forgets paths no longer read', () => {
    const meter = new PathMeter();
    meter.qualities(new Map([['in:a', { packets: 100, lost: 0 }]]));
    const second = meter.qualities(
      new Map([
        ['in:a', { packets: 200, lost: 10 }],
        ['out:b', { packets: 50, lost: 0 }],
      ]),
    );
    expect(second.get('in:a')?.lossRatio).toBe(0.1);
    expect(second.get('out:b')?.lossRatio).toBeUndefined();
    meter.qualities(new Map([['out:b', { packets: 100, lost: 0 }]]));
    expect(meter.qualities(new Map([['in:a', { packets: 300, lost: 10 }]])).get('in:a')?.lossRatio).toBeUndefined();
  });
});
