import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetworkQuality } from '../types.js';
import type { Mesh } from './mesh.js';
import { NetworkQualityReporter } from './quality-reporter.js';

type Entries = Record<string, unknown>[];

/** A link whose getStats() answers with `stats()` of the moment. */
const link = (stats: () => Entries, state: () => RTCPeerConnectionState = () => 'connected', pcId = 'pc') => ({
  pcId,
  closed: false,
  pc: {
    get connectionState() {
      return state();
    },
    getStats: async () => new Map(stats().map((e) => [e.id as string, e])),
  },
});

const received = (packetsReceived: number, packetsLost: number): Entries => [
  { id: 'T', type: 'transport', selectedCandidatePairId: 'CP' },
  { id: 'CP', type: 'candidate-pair', currentRoundTripTime: 0.001 },
  { id: 'IV', type: 'inbound-rtp', kind: 'video', packetsReceived, packetsLost, jitter: 0.002 },
];
const sent = (packetsSent: number, packetsLost: number): Entries => [
  { id: 'OV', type: 'outbound-rtp', kind: 'video', packetsSent },
  { id: 'RV', type: 'remote-inbound-rtp', localId: 'OV', packetsLost, jitter: 0.002, roundTripTime: 0.001 },
];

/** A reporter on `mesh` reading every second, and what it reported. */
function reporting(mesh: Mesh) {
  const reports: NetworkQuality[] = [];
  const reporter = new NetworkQualityReporter(
    () => mesh,
    (q) => reports.push(q),
  );
  reporter.start(1000);
  return { reports, reporter };
}

afterEach(() => vi.useRealTimers());

describe('NetworkQualityReporter', () => {
  it('reports each path and the local user on the same scale, only when a level changes', async () => {
    vi.useFakeTimers();
    let hostLost = 0;
    let viewerState: RTCPeerConnectionState = 'connected';
    let tick = 0;
    const mesh = {
      downlinks: new Map([['host', link(() => received(100 * tick, hostLost))]]),
      uplinks: new Map([
        [
          'bob',
          link(
            () => sent(100 * tick, 0),
            () => viewerState,
          ),
        ],
      ]),
    } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    const next = async () => {
      tick += 1;
      await vi.advanceTimersByTimeAsync(1000);
    };

    await next(); // first reading: RTT and jitter only, already excellent
    expect(reports).toEqual([
      { uplink: 1, downlink: 1 },
      { participantId: 'host', uplink: 1, downlink: 0 },
      { participantId: 'bob', uplink: 0, downlink: 1 },
    ]);
    await next(); // nothing changed: nothing reported
    expect(reports).toHaveLength(3);

    hostLost = 15; // 15 of the ~115 packets since the last reading: 13 %, bad
    await next();
    expect(reports.slice(3)).toEqual([
      { uplink: 1, downlink: 4 },
      { participantId: 'host', uplink: 4, downlink: 0 },
    ]);

    viewerState = 'disconnected';
    await next();
    // The host's path lost nothing more, so it is excellent again; Bob's connection is down.
    expect(reports.slice(5)).toEqual([
      { uplink: 6, downlink: 1 },
      { participantId: 'host', uplink: 1, downlink: 0 },
      { participantId: 'bob', uplink: 0, downlink: 6 },
    ]);
    reporter.stop();
    await next();
    expect(reports).toHaveLength(8);
  });

  it("compares a replaced connection's counters only with its own, not with the old connection's", async () => {
    vi.useFakeTimers();
    // The host's first connection lost half of its 100 packets, then the host sent a new offer.
    const mesh = {
      downlinks: new Map([['host', link(() => received(50, 50), undefined, 'pc-1')]]),
      uplinks: new Map(),
    } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toContainEqual({ participantId: 'host', uplink: 1, downlink: 0 });
    // The new connection has no loss over an interval yet (300 received, 60 lost since it began):
    // against the old one's counters it would read 10 of 260 packets, poor.
    mesh.downlinks.set('host', link(() => received(300, 60), undefined, 'pc-2') as never);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toHaveLength(2);
    reporter.stop();
  });
});

describe('NetworkQualityReporter after a departure', () => {
  it('reports nothing for a participant whose connection closed while the mesh was read', async () => {
    vi.useFakeTimers();
    let tick = 0;
    const host = link(() => received(100 * tick, tick > 1 ? 20 : 0));
    const mesh = { downlinks: new Map([['host', host]]), uplinks: new Map() } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    tick = 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toContainEqual({ participantId: 'host', uplink: 1, downlink: 0 });
    // The host leaves while its stats are read (the room already said participant-left):
    // its link is closed and dropped, yet the reading holds its lossy last interval.
    const read = host.pc.getStats;
    host.pc.getStats = async () => {
      const stats = await read();
      host.closed = true;
      mesh.downlinks.delete('host');
      return stats;
    };
    tick = 2;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.slice(2).filter((q) => q.participantId === 'host')).toEqual([]);
    reporter.stop();
  });
});
