/**
 * The local provider's `network-quality` events, read from the mesh's real
 * WebRTC stats every interval and emitted only when a level changes.
 *
 * - The local user (no `participantId`): `uplink` is the worst of the paths
 *   it sends on, as the viewers report them back; `downlink` the worst of the
 *   paths it receives. In a mesh each path is its own network path, and a
 *   viewer on the bad one sees the bad picture, so the worst path decides.
 * - Each remote participant this browser shares a path with: its `uplink` is
 *   the path it sends to us (what we receive from it), its `downlink` the path
 *   we send to it (what it reports back). A direction without a path is 0.
 *
 * A path whose peer connection is `disconnected` or `failed` is 6.
 */
import type { NetworkQuality, NetworkQualityLevel } from '../types.js';
import type { Mesh } from './mesh.js';
import { MeshTicker } from './mesh-ticker.js';
import { qualityLevel, worstLevel } from './network-quality.js';
import { type PathCounters, PathMeter, receivedCounters, sentCounters } from './path-stats.js';
import type { PeerLink } from './peer-link.js';

/** One reading of the mesh: each path's counters, and the paths that are down. */
interface MeshReading {
  counters: Map<string, PathCounters>;
  down: Set<string>;
  /** Peer ids per direction, in the mesh's order. */
  received: string[];
  sent: string[];
}

const DOWN_STATES: readonly RTCPeerConnectionState[] = ['disconnected', 'failed'];

async function readPaths(mesh: Mesh): Promise<MeshReading> {
  const reading: MeshReading = { counters: new Map(), down: new Set(), received: [], sent: [] };
  const read = async (key: string, link: PeerLink, counters: (report: RTCStatsReport) => PathCounters | undefined) => {
    if (DOWN_STATES.includes(link.pc.connectionState)) reading.down.add(key);
    const found = counters(await link.pc.getStats());
    if (found) reading.counters.set(key, { ...found, source: link.pcId });
  };
  for (const [id, link] of mesh.downlinks) {
    if (link.closed) continue;
    reading.received.push(id);
    await read(`in:${id}`, link, receivedCounters);
  }
  for (const [id, link] of mesh.uplinks) {
    if (link.closed) continue;
    reading.sent.push(id);
    await read(`out:${id}`, link, sentCounters);
  }
  return reading;
}

const same = (a: NetworkQuality | undefined, b: NetworkQuality) => a?.uplink === b.uplink && a.downlink === b.downlink;

/** Reports network quality every interval while a session runs (`start(intervalMs)`, `stop()`). */
export class NetworkQualityReporter extends MeshTicker<MeshReading> {
  #meter = new PathMeter();
  /** The last quality reported, by participant id (`undefined`: the local user). */
  #last = new Map<string | undefined, NetworkQuality>();

  /** `mesh` returns the session's mesh (none between sessions); `report` receives each changed quality. */
  constructor(mesh: () => Mesh | undefined, report: (quality: NetworkQuality) => void) {
    super(mesh, readPaths, (reading) => {
      for (const quality of this.#changes(reading, mesh())) report(quality);
    });
  }

  /** Stops reporting and forgets the counters and the levels reported (the session ended). */
  override stop(): void {
    super.stop();
    this.#meter = new PathMeter();
    this.#last = new Map();
  }

  /** The qualities of this reading that differ from the last ones reported. */
  #changes(reading: MeshReading, now: Mesh | undefined): NetworkQuality[] {
    const qualities = this.#meter.qualities(reading.counters);
    // A path the mesh dropped while it was read is gone: its peer may have left, and the room
    // announced that already, so nothing more is said about it.
    const received = reading.received.filter((id) => now?.downlinks.has(id));
    const sent = reading.sent.filter((id) => now?.uplinks.has(id));
    const level = (key: string): NetworkQualityLevel =>
      reading.down.has(key) ? 6 : qualityLevel(qualities.get(key) ?? {});
    const next = new Map<string | undefined, NetworkQuality>();
    next.set(undefined, {
      uplink: worstLevel(sent.map((id) => level(`out:${id}`))),
      downlink: worstLevel(received.map((id) => level(`in:${id}`))),
    });
    for (const id of new Set([...received, ...sent])) {
      next.set(id, { participantId: id, uplink: level(`in:${id}`), downlink: level(`out:${id}`) });
    }
    const changed = [...next].filter(([id, quality]) => !same(this.#last.get(id), quality)).map(([, q]) => q);
    this.#last = next;
    return changed;
  }
}
