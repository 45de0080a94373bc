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
 *
 * A participant still in the room with no path left either way (it stepped
 * down to audience while we send to no one, or its connection closed) is
 * reported 0/0 (unknown) once: its sending to us is what its `uplink` rates
 * (decision 62), and with no path there is nothing to rate, so keeping its
 * last level would show a stale figure as current. One who left the room is
 * not reported again: the room has announced the departure.
 *
 * While the signalling connection is down ({@link NetworkQualityReporter.reconnecting}),
 * every path is closed: the local user is 6 (disconnected, Agora's "network
 * down"), reported once, and readings say nothing until
 * {@link NetworkQualityReporter.reconnected}. Remote participants are 0
 * (unknown), not 6: the outage is ours, nothing says theirs is down, and
 * blaming every tile for it would mislead; the local 6 and the room's
 * `reconnecting` state tell the user why.
 */
import type { ProviderEvents } from '../provider.js';
import type { NetworkQuality, NetworkQualityLevel } from '../types.js';
import type { Mesh } from './mesh.js';
import { MeshTicker, readOpenLink } from './mesh-ticker.js';
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
  /** The reporter's epoch when the reading began (a reconnection began or ended since: stale). */
  epoch: number;
}

const DOWN_STATES: readonly RTCPeerConnectionState[] = ['disconnected', 'failed'];

async function readPaths(mesh: Mesh, epoch: number): Promise<MeshReading> {
  const reading: MeshReading = { counters: new Map(), down: new Set(), received: [], sent: [], epoch };
  const read = async (key: string, link: PeerLink, counters: (report: RTCStatsReport) => PathCounters | undefined) => {
    if (DOWN_STATES.includes(link.pc.connectionState)) reading.down.add(key);
    const report = await readOpenLink(link, () => link.pc.getStats());
    const found = report && counters(report);
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

/** The local user while the signalling connection is down. */
const DISCONNECTED: NetworkQuality = { uplink: 6, downlink: 6 };

/**
 * Reports network quality every interval while a session runs (`start(intervalMs)`,
 * `stop()`), as `network-quality` on the provider's events, and an unexpected
 * failure of its reading as `warning` (see {@link MeshTicker}).
 */
export class NetworkQualityReporter extends MeshTicker<MeshReading> {
  readonly #events: ProviderEvents;
  readonly #present: (participantId: string) => boolean;
  #meter = new PathMeter();
  /** The last quality reported, by participant id (`undefined`: the local user). */
  #last = new Map<string | undefined, NetworkQuality>();
  /** Bumped when a reconnection begins or ends, so a reading that straddles one is dropped. */
  #epoch = 0;
  #reconnecting = false;

  /**
   * `mesh` returns the session's mesh (none between sessions); `events` are
   * the provider's; `present` tells whether a participant is still in the room.
   */
  constructor(mesh: () => Mesh | undefined, events: ProviderEvents, present: (participantId: string) => boolean) {
    super({
      what: 'network quality',
      mesh,
      read: (m) => readPaths(m, this.#epoch),
      use: (reading) => {
        if (reading.epoch === this.#epoch && !this.#reconnecting) this.#report(this.#next(reading, mesh()));
      },
      warn: (error) => events.emit('warning', error),
    });
    this.#events = events;
    this.#present = present;
  }

  /**
   * The signalling connection dropped and the mesh is closing: reports the
   * local user as 6 (disconnected) and everyone still in the room as 0
   * (unknown), each once (nothing while turned off), and nothing more until
   * {@link NetworkQualityReporter.reconnected}.
   */
  reconnecting(): void {
    this.#reconnecting = true;
    this.#epoch += 1;
    // Turned off (interval 0): no reading would ever clear the 6.
    if (!this.running) return;
    const next = new Map<string | undefined, NetworkQuality>([[undefined, DISCONNECTED]]);
    // One who left since the last reading is not reported again: the room said participant-left.
    for (const id of this.#last.keys())
      if (id !== undefined && this.#present(id)) next.set(id, { participantId: id, uplink: 0, downlink: 0 });
    this.#report(next);
  }

  /** Back in the room: the next reading reports the paths as measured again. */
  reconnected(): void {
    this.#reconnecting = false;
    this.#epoch += 1;
  }

  /** Stops reporting and forgets the counters and the levels reported (the session ended). */
  override stop(): void {
    super.stop();
    this.#meter = new PathMeter();
    this.#last = new Map();
    this.#reconnecting = false;
    this.#epoch += 1;
  }

  /** Emits the qualities of `next` that differ from the last ones reported, and remembers `next`. */
  #report(next: Map<string | undefined, NetworkQuality>): void {
    const changed = [...next].filter(([id, quality]) => !same(this.#last.get(id), quality)).map(([, q]) => q);
    this.#last = next;
    for (const quality of changed) this.#events.emit('network-quality', quality);
  }

  /** Everyone's quality in this reading. */
  #next(reading: MeshReading, now: Mesh | undefined): Map<string | undefined, NetworkQuality> {
    const qualities = this.#meter.qualities(reading.counters);
    // A path the mesh dropped while it was read is gone: it rates nothing now.
    const received = reading.received.filter((id) => now?.downlinks.has(id));
    const sent = reading.sent.filter((id) => now?.uplinks.has(id));
    const level = (path: string[], id: string, key: string): NetworkQualityLevel =>
      !path.includes(id) ? 0 : reading.down.has(key) ? 6 : qualityLevel(qualities.get(key) ?? {});
    const next = new Map<string | undefined, NetworkQuality>();
    next.set(undefined, {
      uplink: worstLevel(sent.map((id) => level(sent, id, `out:${id}`))),
      downlink: worstLevel(received.map((id) => level(received, id, `in:${id}`))),
    });
    // Someone reported before and still in the room stays, at 0 once no path is left; one who left
    // is dropped unannounced, as the room has said participant-left already.
    const ids = new Set([...received, ...sent, ...[...this.#last.keys()].filter((id) => id !== undefined)] as string[]);
    for (const id of ids) {
      if (!this.#present(id)) continue;
      next.set(id, {
        participantId: id,
        uplink: level(received, id, `in:${id}`),
        downlink: level(sent, id, `out:${id}`),
      });
    }
    return next;
  }
}
