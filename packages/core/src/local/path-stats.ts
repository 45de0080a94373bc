/**
 * The counters of one mesh path in a `getStats()` report (W3C webrtc-stats,
 * https://www.w3.org/TR/webrtc-stats/), and the {@link PathQuality} over the
 * interval between two readings:
 *
 * - a path we receive (a publisher's downlink): the `inbound-rtp` entries
 *   (`packetsReceived`, `packetsLost`, `jitter`) as this browser measured them;
 * - a path we send (an uplink to a viewer): the `remote-inbound-rtp` entries,
 *   i.e. the viewer's RTCP receiver reports about our sending (`packetsLost`,
 *   `jitter`, `roundTripTime`), over the `packetsSent` of the `outbound-rtp`
 *   each reports on.
 *
 * The round-trip time of a path we receive is the selected candidate pair's
 * `currentRoundTripTime` (STUN consent checks), which a path we send uses too
 * until its first receiver report.
 *
 * A path that carried no media over an interval (its publisher unpublished
 * or muted: the mesh's fixed senders stay, decision 10, and send nothing)
 * keeps reporting the jitter and receiver-report round-trip time last seen,
 * which no longer describe it; only the consent checks still measure it, so
 * that interval is rated by the candidate pair's round-trip time alone. The
 * same holds per stream: with the camera muted and the microphone live, the
 * video stream's last figures are stale, and only the audio stream's count.
 */
import type { PathQuality } from './network-quality.js';
import { ms, num } from './webrtc-stats.js';

/** One stream of a path: its packets so far, and its latest jitter and receiver-report round-trip time. */
export interface StreamFigures {
  /** Packets the sender sent on the stream so far. */
  packets: number;
  /** Interarrival jitter in ms. */
  jitterMs?: number | undefined;
  /** The receiver's report round-trip time in ms (paths we send). */
  rttMs?: number | undefined;
}

/** Cumulative counters of one path; jitter and round-trip time are the latest values. */
export interface PathCounters {
  /** Packets the sender sent on the path so far (received + lost on a path we receive). */
  packets: number;
  /** Packets lost so far. */
  lost: number;
  /** Interarrival jitter in ms, the worst of the path's streams. */
  jitterMs?: number | undefined;
  /** Round-trip time in ms. */
  rttMs?: number | undefined;
  /** The selected candidate pair's round-trip time in ms (consent checks, measured while no media flows too). */
  pathRttMs?: number | undefined;
  /**
   * Each stream by stats id: a stream that sent nothing over an interval (a
   * muted camera beside a live microphone) keeps its last jitter and report
   * round-trip time, so only the streams that moved rate the interval.
   */
  streams?: Record<string, StreamFigures> | undefined;
  /**
   * The peer connection read (its `pcId`): a path's replacement (a new offer,
   * a reconnect) counts from zero again, so counters are only compared with
   * the same connection's.
   */
  source?: string | undefined;
}

type Entry = Record<string, unknown> & { type: string; id: string };

const worse = (a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/** The selected candidate pair's round-trip time (the `transport`'s `selectedCandidatePairId`), in ms. */
function candidateRttMs(entries: Map<string, Entry>): number | undefined {
  for (const e of entries.values()) {
    if (e.type !== 'transport' || typeof e.selectedCandidatePairId !== 'string') continue;
    return ms(entries.get(e.selectedCandidatePairId)?.currentRoundTripTime);
  }
  return undefined;
}

/** A reducer to the worst (highest) `key` of several streams. */
const worstOf = (key: 'jitterMs' | 'rttMs') => (w: number | undefined, stream: StreamFigures) => worse(w, stream[key]);

/** One stream's figures and its packets lost so far, read from its stats entry. */
type StreamReading = StreamFigures & { lost: number };

/**
 * The counters of a path from its stats entries of `type`, one stream each
 * (`read` gives its figures), or `undefined` when the report has none: the
 * path's packets and losses summed, its jitter and round-trip time the worst
 * of its streams, the round-trip time falling back to the candidate pair's.
 */
function pathCounters(
  report: RTCStatsReport,
  type: 'inbound-rtp' | 'remote-inbound-rtp',
  read: (entry: Entry, entries: Map<string, Entry>) => StreamReading,
): PathCounters | undefined {
  const entries = new Map(report as unknown as Map<string, Entry>);
  let counters: PathCounters | undefined;
  const streams: Record<string, StreamFigures> = {};
  for (const e of entries.values()) {
    if (e.type !== type) continue;
    const { lost, ...stream } = read(e, entries);
    counters ??= { packets: 0, lost: 0, streams };
    counters.packets += stream.packets;
    counters.lost += lost;
    counters.jitterMs = worse(counters.jitterMs, stream.jitterMs);
    counters.rttMs = worse(counters.rttMs, stream.rttMs);
    streams[e.id] = stream;
  }
  if (counters) {
    counters.pathRttMs = candidateRttMs(entries);
    counters.rttMs ??= counters.pathRttMs;
  }
  return counters;
}

/** The counters of a path we receive, or `undefined` before any media arrived on it. */
export function receivedCounters(report: RTCStatsReport): PathCounters | undefined {
  return pathCounters(report, 'inbound-rtp', (e) => {
    const lost = Math.max(0, num(e.packetsLost) ?? 0); // negative with duplicates (RFC 3550 §6.4.1)
    return { packets: (num(e.packetsReceived) ?? 0) + lost, lost, jitterMs: ms(e.jitter) };
  });
}

/** The counters of a path we send, from the receiver's reports, or `undefined` before the first report. */
export function sentCounters(report: RTCStatsReport): PathCounters | undefined {
  return pathCounters(report, 'remote-inbound-rtp', (e, entries) => ({
    packets: (typeof e.localId === 'string' ? num(entries.get(e.localId)?.packetsSent) : undefined) ?? 0,
    lost: Math.max(0, num(e.packetsLost) ?? 0),
    jitterMs: ms(e.jitter),
    rttMs: ms(e.roundTripTime),
  }));
}

/**
 * The quality of a path between two readings: loss is Δlost / Δpackets, so
 * it needs a previous reading and packets sent in between (a muted or
 * stalled path has no loss figure); jitter and round-trip time are the
 * latest values of the streams that sent packets in between (the others'
 * are stale), and with none, only the candidate pair's round-trip time counts.
 */
export function qualityBetween(previous: PathCounters | undefined, current: PathCounters): PathQuality {
  const packets = previous ? current.packets - previous.packets : 0;
  const lost = previous ? current.lost - previous.lost : 0;
  if (previous && packets === 0) return { rttMs: current.pathRttMs };
  const moved =
    previous &&
    current.streams &&
    Object.entries(current.streams)
      .filter(([id, stream]) => stream.packets !== previous.streams?.[id]?.packets)
      .map(([, stream]) => stream);
  return {
    rttMs: moved ? (moved.reduce(worstOf('rttMs'), undefined) ?? current.pathRttMs) : current.rttMs,
    jitterMs: moved ? moved.reduce(worstOf('jitterMs'), undefined) : current.jitterMs,
    lossRatio: packets > 0 && lost >= 0 ? Math.min(1, lost / packets) : undefined,
  };
}

/** Turns successive readings of the paths' counters into their quality over each interval. */
export class PathMeter {
  #previous = new Map<string, PathCounters>();

  /** The quality of every path read now; paths not read now are forgotten. */
  qualities(readings: ReadonlyMap<string, PathCounters>): Map<string, PathQuality> {
    const qualities = new Map<string, PathQuality>();
    for (const [path, current] of readings) {
      const previous = this.#previous.get(path);
      qualities.set(path, qualityBetween(previous?.source === current.source ? previous : undefined, current));
    }
    this.#previous = new Map(readings);
    return qualities;
  }
}
