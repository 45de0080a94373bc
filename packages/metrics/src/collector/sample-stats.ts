/**
 * The stats-based figures of a `quality_sample`, from the provider snapshots
 * at the start and end of the interval, summed over every remote video:
 * bitrate, packet loss ratio (Δ packetsLost / (Δ packetsLost + Δ packetsReceived)),
 * drop ratio (Δ framesDropped / Δ framesReceived, DESIGN.md "Resolution") and
 * the publisher's W3C `qualityLimitationReason` when this user publishes.
 */
import type { ProviderStats, RemoteVideoStats } from '@liveroom/core';
import { round } from '../accounting/counters.js';
import type { QualitySampleBody } from '../schema/index.js';
import { delta } from './stats-stall-tracker.js';

type StatsFigures = Pick<
  QualitySampleBody,
  'bitrateKbps' | 'packetLossRatio' | 'dropRatio' | 'qualityLimitationReason'
> & {
  /** Decode rate summed over videos, for when no frame callbacks counted frames. */
  statsFps?: number;
};

const sumDelta = (
  now: readonly RemoteVideoStats[],
  before: ReadonlyMap<string, RemoteVideoStats>,
  field: 'packetsLost' | 'packetsReceived' | 'framesDropped' | 'framesReceived',
) => {
  let total: number | undefined;
  for (const stats of now) {
    const grew = delta(stats[field], before.get(stats.participantId)?.[field]);
    if (grew !== undefined) total = (total ?? 0) + grew;
  }
  return total;
};

const ratio = (part: number | undefined, whole: number | undefined) =>
  part === undefined || whole === undefined || whole <= 0 ? undefined : Math.min(1, part / whole);

/** Figures for the interval between `before` and `now` (either may be missing when `getStats()` failed). */
export function sampleStats(now: ProviderStats | undefined, before: ProviderStats | undefined): StatsFigures {
  if (!now) return {};
  const previous = new Map((before?.remoteVideo ?? []).map((s) => [s.participantId, s]));
  const videos = now.remoteVideo;
  const bitrates = videos.map((s) => s.bitrateKbps).filter((v): v is number => v !== undefined);
  const fpsValues = videos
    .map((s) => s.renderFramesPerSecond ?? s.framesPerSecond)
    .filter((v): v is number => v !== undefined);
  const lost = sumDelta(videos, previous, 'packetsLost');
  const received = sumDelta(videos, previous, 'packetsReceived');
  const loss = ratio(lost, lost === undefined || received === undefined ? undefined : lost + received);
  const drop = ratio(sumDelta(videos, previous, 'framesDropped'), sumDelta(videos, previous, 'framesReceived'));
  const reason = now.localVideo?.qualityLimitationReason;
  return {
    ...(bitrates.length
      ? {
          bitrateKbps: round(
            bitrates.reduce((a, b) => a + b, 0),
            1,
          ),
        }
      : {}),
    ...(fpsValues.length ? { statsFps: round(Math.max(...fpsValues), 1) } : {}),
    ...(loss === undefined ? {} : { packetLossRatio: round(loss, 5) }),
    ...(drop === undefined ? {} : { dropRatio: round(drop, 5) }),
    ...(reason === undefined ? {} : { qualityLimitationReason: reason }),
  };
}
