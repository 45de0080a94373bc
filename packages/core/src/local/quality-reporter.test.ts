import { EventEmitter } from 'eventemitter3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProviderEventMap } from '../provider.js';
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

/** A reporter on `mesh` reading every second (`present` says who is in the room: everyone), and what it reported. */
function reporting(mesh: Mesh, present: (id: string) => boolean = () => true) {
  const reports: NetworkQuality[] = [];
  const warnings: string[] = [];
  const events = new EventEmitter<ProviderEventMap>();
  events.on('network-quality', (q) => reports.push(q));
  events.on('warning', (error) => warnings.push(error.message));
  const reporter = new NetworkQualityReporter(() => mesh, events, present);
  reporter.start(1000);
  return { reports, warnings, reporter };
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
    const inRoom = new Set(['host']);
    const { reports, reporter } = reporting(mesh, (id) => inRoom.has(id));
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
      inRoom.delete('host');
      return stats;
    };
    tick = 2;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.slice(2).filter((q) => q.participantId === 'host')).toEqual([]);
    reporter.stop();
  });
});

describe('NetworkQualityReporter when no path is left', () => {
  it('reports 0 (unknown) once for a participant still in the room with no path either way, then again when one opens', async () => {
    vi.useFakeTimers();
    let tick = 1;
    const host = () => link(() => received(100 * tick, 0));
    const mesh = { downlinks: new Map([['host', host()]]), uplinks: new Map() } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toContainEqual({ participantId: 'host', uplink: 1, downlink: 0 });
    // The host stepped down to audience: its connection to us closed, and it stays in the room.
    mesh.downlinks.delete('host');
    tick += 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.slice(2)).toEqual([
      { uplink: 0, downlink: 0 },
      { participantId: 'host', uplink: 0, downlink: 0 },
    ]);
    tick += 1;
    await vi.advanceTimersByTimeAsync(2000);
    expect(reports).toHaveLength(4); // once, not every reading
    mesh.downlinks.set('host', host() as never); // it publishes again
    tick += 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.slice(4)).toContainEqual({ participantId: 'host', uplink: 1, downlink: 0 });
    reporter.stop();
  });

  it('rates a direction whose path closed 0, even when the other direction remains', async () => {
    vi.useFakeTimers();
    let tick = 1;
    const mesh = {
      downlinks: new Map([['alice', link(() => received(100 * tick, 0))]]),
      uplinks: new Map([['alice', link(() => sent(100 * tick, 0))]]),
    } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toContainEqual({ participantId: 'alice', uplink: 1, downlink: 1 });
    mesh.downlinks.delete('alice'); // Alice stopped publishing to us; we still send to her
    tick += 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.slice(3)).toContainEqual({ participantId: 'alice', uplink: 0, downlink: 1 });
    reporter.stop();
  });
});

describe('NetworkQualityReporter reading failures', () => {
  it('says nothing of a path whose stats fail because it closed meanwhile, and still reports the others', async () => {
    vi.useFakeTimers();
    const tick = 1;
    const alice = link(() => received(100 * tick, 0));
    const mesh = {
      downlinks: new Map([
        ['host', link(() => received(100 * tick, 0))],
        ['alice', alice],
      ]),
      uplinks: new Map(),
    } as unknown as Mesh;
    alice.pc.getStats = async () => {
      alice.closed = true; // a new offer from Alice replaced this connection while it was read
      throw new DOMException('The peer connection is closed.', 'InvalidStateError');
    };
    const { reports, warnings, reporter } = reporting(mesh);
    await vi.advanceTimersByTimeAsync(1000);
    expect(warnings).toEqual([]);
    expect(reports).toContainEqual({ participantId: 'host', uplink: 1, downlink: 0 });
    reporter.stop();
  });

  it('warns once of a path whose stats fail while it is open, and reports again once they work', async () => {
    vi.useFakeTimers();
    let broken = true;
    const host = link(() => received(100, 0));
    const read = host.pc.getStats;
    host.pc.getStats = async () => {
      if (broken) throw new TypeError('stats.values is not a function');
      return read();
    };
    const mesh = { downlinks: new Map([['host', host]]), uplinks: new Map() } as unknown as Mesh;
    const { reports, warnings, reporter } = reporting(mesh);
    await vi.advanceTimersByTimeAsync(3000);
    expect(warnings).toEqual([expect.stringMatching(/network quality.*TypeError: stats\.values is not a function/)]);
    expect(reports).toEqual([]);
    broken = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toContainEqual({ participantId: 'host', uplink: 1, downlink: 0 });
    reporter.stop();
  });
});

describe('NetworkQualityReporter while reconnecting', () => {
  it('reports the local user 6 and everyone else 0, once, says nothing until reconnected, then measures again', async () => {
    vi.useFakeTimers();
    const mesh = {
      downlinks: new Map([['host', link(() => received(100, 0))]]),
      uplinks: new Map(),
    } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toEqual([
      { uplink: 0, downlink: 1 },
      { participantId: 'host', uplink: 1, downlink: 0 },
    ]);
    mesh.downlinks.clear(); // the mesh closed with the socket
    reporter.reconnecting();
    expect(reports.slice(2)).toEqual([
      { uplink: 6, downlink: 6 },
      { participantId: 'host', uplink: 0, downlink: 0 },
    ]);
    reporter.reconnecting(); // already reported: nothing again
    await vi.advanceTimersByTimeAsync(3000);
    expect(reports).toHaveLength(4);
    reporter.reconnected();
    mesh.downlinks.set('host', link(() => received(100, 0), undefined, 'pc-2') as never);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.slice(4)).toEqual([
      { uplink: 0, downlink: 1 },
      { participantId: 'host', uplink: 1, downlink: 0 },
    ]);
    reporter.stop();
  });

  it('drops a reading that began before the reconnection and ended during it', async () => {
    vi.useFakeTimers();
    const host = link(() => received(100, 0));
    const mesh = { downlinks: new Map([['host', host]]), uplinks: new Map() } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    const read = host.pc.getStats;
    host.pc.getStats = async () => {
      reporter.reconnecting(); // the socket dropped while the mesh was read
      return read();
    };
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toEqual([{ uplink: 6, downlink: 6 }]);
    reporter.stop();
  });

  it('drops a reading of the closing mesh that ends after reconnected(): it would report the outage as measured', async () => {
    vi.useFakeTimers();
    let state: RTCPeerConnectionState = 'failed';
    const host = link(
      () => received(100, 0),
      () => state,
    );
    const mesh = { downlinks: new Map([['host', host]]), uplinks: new Map() } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    reporter.reconnecting();
    const read = host.pc.getStats;
    host.pc.getStats = async () => {
      reporter.reconnected(); // back while the failed path was read
      return read();
    };
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toEqual([{ uplink: 6, downlink: 6 }]);
    host.pc.getStats = read;
    state = 'connected';
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports.slice(1)).toEqual([
      { uplink: 0, downlink: 1 },
      { participantId: 'host', uplink: 1, downlink: 0 },
    ]);
    reporter.stop();
  });
});

describe('NetworkQualityReporter reconnecting edges', () => {
  it('does not report 0 for a participant who left before the connection dropped: the room said participant-left', async () => {
    vi.useFakeTimers();
    const mesh = {
      downlinks: new Map([['host', link(() => received(100, 0))]]),
      uplinks: new Map(),
    } as unknown as Mesh;
    const inRoom = new Set(['host']);
    const { reports, reporter } = reporting(mesh, (id) => inRoom.has(id));
    await vi.advanceTimersByTimeAsync(1000);
    expect(reports).toContainEqual({ participantId: 'host', uplink: 1, downlink: 0 });
    // The host leaves between two readings, then our connection drops and the mesh closes.
    inRoom.delete('host');
    mesh.downlinks.clear();
    reporter.reconnecting();
    expect(reports.slice(2)).toEqual([{ uplink: 6, downlink: 6 }]);
    reporter.stop();
  });

  it('reports nothing while reconnecting when network quality is turned off (interval 0)', () => {
    const mesh = { downlinks: new Map(), uplinks: new Map() } as unknown as Mesh;
    const { reports, reporter } = reporting(mesh);
    reporter.start(0);
    reporter.reconnecting();
    reporter.reconnected();
    expect(reports).toEqual([]); // a 6 here would never be cleared: no reading follows
    reporter.stop();
  });
});
