/**
 * The local provider's `audio-levels` events: every interval, the level of
 * each publisher's audio arriving over the mesh and of the local microphone
 * while it is sent.
 *
 * A level is the RMS level over the whole interval, from the cumulative
 * `totalAudioEnergy` and `totalSamplesDuration` counters of W3C webrtc-stats
 * (`RTCInboundRtpStreamStats` for remote audio, `RTCAudioSourceStats`, the
 * `media-source` entry, for the microphone): level = sqrt(Δenergy / Δduration),
 * the average the spec gives for "any desired time interval". The last RTP
 * packet's level (`getSynchronizationSources()`) would miss speech between
 * samples: a sampler in step with a beeping source reads 0 every time.
 */
import type { AudioLevel, ProviderEvents } from '../provider.js';
import type { Mesh } from './mesh.js';
import { MeshTicker, readOpenLink } from './mesh-ticker.js';

/** The cumulative audio counters of one stream, as `getStats()` reports them. */
export interface AudioEnergy {
  /** Sum over the samples so far of duration (s) × (sample / full scale)². */
  totalAudioEnergy: number;
  /** Seconds of audio counted so far. */
  totalSamplesDuration: number;
  /**
   * Which stream the counters belong to (peer connection and stats entry).
   * A replaced connection (a publisher's new offer, a reconnect), another
   * uplink read for the microphone or a new microphone track counts from zero
   * again, so counters are only compared with the same stream's.
   */
  source?: string | undefined;
}

/**
 * The RMS level (0–1) of the audio counted between two readings of a stream's
 * counters; 0 when no audio was counted in between (muted, no packets) or the
 * counters started over.
 */
export function levelBetween(previous: AudioEnergy, current: AudioEnergy): number {
  const duration = current.totalSamplesDuration - previous.totalSamplesDuration;
  const energy = current.totalAudioEnergy - previous.totalAudioEnergy;
  if (duration <= 0 || energy <= 0) return 0;
  return Math.min(1, Math.sqrt(energy / duration));
}

/** The audio counters in a `getStats()` report: its audio `inbound-rtp` or `media-source` entry. */
export function audioEnergyOf(report: RTCStatsReport, type: 'inbound-rtp' | 'media-source'): AudioEnergy | undefined {
  for (const stats of report.values() as Iterable<Record<string, unknown>>) {
    const { kind, totalAudioEnergy, totalSamplesDuration } = stats;
    if (stats.type !== type || kind !== 'audio') continue;
    if (typeof totalAudioEnergy !== 'number' || typeof totalSamplesDuration !== 'number') continue;
    return { totalAudioEnergy, totalSamplesDuration, source: String(stats.id) };
  }
  return undefined;
}

/**
 * Turns successive readings of the counters into levels over each interval.
 * Streams are keyed by participant id, `undefined` for the local microphone
 * (as in {@link AudioLevel}).
 */
export class AudioLevelMeter {
  #previous = new Map<string | undefined, AudioEnergy>();

  /**
   * The level of every stream read now and at the previous call; a stream
   * read for the first time gets its level at the next call. Streams not
   * read now are forgotten.
   */
  levels(readings: ReadonlyMap<string | undefined, AudioEnergy>): AudioLevel[] {
    const levels: AudioLevel[] = [];
    for (const [participantId, current] of readings) {
      const previous = this.#previous.get(participantId);
      if (!previous || previous.source !== current.source) continue;
      const level = levelBetween(previous, current);
      levels.push(participantId === undefined ? { level } : { participantId, level });
    }
    this.#previous = new Map(readings);
    return levels;
  }
}

/** The counters of every audio stream of `mesh`: each publisher's audio received, and the microphone sent. */
async function readAudioEnergy(mesh: Mesh): Promise<Map<string | undefined, AudioEnergy>> {
  const readings = new Map<string | undefined, AudioEnergy>();
  for (const [participantId, link] of mesh.downlinks) {
    const receiver = link.closed ? undefined : link.receiver('audio');
    const report = receiver && (await readOpenLink(link, () => receiver.getStats()));
    const energy = report && audioEnergyOf(report, 'inbound-rtp');
    if (energy) readings.set(participantId, { ...energy, source: `${link.pcId} ${energy.source}` });
  }
  // Every uplink sends the same microphone track; one sender's media-source is enough.
  const microphone = [...mesh.uplinks.values()].find((link) => !link.closed && link.sender('audio').track);
  const report = microphone && (await readOpenLink(microphone, () => microphone.sender('audio').getStats()));
  const energy = report && audioEnergyOf(report, 'media-source');
  if (microphone && energy) readings.set(undefined, { ...energy, source: `${microphone.pcId} ${energy.source}` });
  return readings;
}

/**
 * Reports audio levels every interval while a session runs (`start(intervalMs)`,
 * `stop()`), as `audio-levels` on the provider's events, and an unexpected
 * failure of its reading as `warning` (see {@link MeshTicker}).
 */
export class AudioLevelReporter extends MeshTicker<Map<string | undefined, AudioEnergy>> {
  #meter = new AudioLevelMeter();

  /** `mesh` returns the session's mesh (none between sessions); `events` are the provider's. */
  constructor(mesh: () => Mesh | undefined, events: ProviderEvents) {
    super({
      what: 'audio levels',
      mesh,
      read: readAudioEnergy,
      use: (readings) => {
        // A publisher the mesh dropped while it was read may have left already: it must not speak again.
        const now = mesh();
        const linked = [...readings].filter(([id]) => id === undefined || now?.downlinks.has(id));
        const levels = this.#meter.levels(new Map(linked));
        if (levels.length > 0) events.emit('audio-levels', levels);
      },
      warn: (error) => events.emit('warning', error),
    });
  }

  /** Stops reporting and forgets the counters (the session ended). */
  override stop(): void {
    super.stop();
    this.#meter = new AudioLevelMeter();
  }
}
