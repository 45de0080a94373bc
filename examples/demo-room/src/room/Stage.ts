/**
 * The stage: the local camera (when publishing) and every remote publisher,
 * host first.
 */
import type { RemoteParticipant } from '@liveroom/core';
import { createElement as h, type ReactNode } from 'react';
import { QualityOverlay } from '../quality/QualityOverlay.js';
import type { QualityByParticipant } from '../quality/quality-board.js';
import { EMPTY_TILE_QUALITY } from '../quality/tile-quality.js';
import type { SessionSnapshot } from './room-session.js';
import { VideoTile } from './VideoTile.js';

const rank = (p: RemoteParticipant) => (p.role === 'host' ? 0 : p.role === 'cohost' ? 1 : 2);

/** Remote participants who are on stage: publishers, host first, then by arrival. */
export function onStage(participants: readonly RemoteParticipant[]): RemoteParticipant[] {
  return participants
    .filter((p) => p.role !== 'audience' || p.published.has('video'))
    .sort((a, b) => rank(a) - rank(b) || a.joinedAt - b.joinedAt);
}

/** The tiles. */
export function Stage({ snapshot, quality }: { snapshot: SessionSnapshot; quality: QualityByParticipant }): ReactNode {
  const remote = onStage(snapshot.participants);
  const tiles: ReactNode[] = [];
  if (snapshot.role !== 'audience') {
    tiles.push(
      h(VideoTile, {
        key: 'local',
        participant: snapshot.userId,
        track: snapshot.localVideo,
        label: `${snapshot.userId} (you)`,
        placeholder: 'Your camera is off',
      }),
    );
  }
  for (const participant of remote) {
    tiles.push(
      h(VideoTile, {
        key: participant.id,
        participant: participant.id,
        track: participant.videoTrack,
        label: `${participant.id} · ${participant.role}`,
        placeholder: participant.muted.has('video') ? 'Camera paused' : 'Connecting video…',
        overlay: h(QualityOverlay, { quality: quality.get(participant.id) ?? EMPTY_TILE_QUALITY }),
      }),
    );
  }
  return h('section', { className: 'stage', 'aria-label': 'Stage', 'data-count': tiles.length }, tiles);
}
