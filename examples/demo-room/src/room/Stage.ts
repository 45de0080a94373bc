/**
 * The stage: video tiles where `@liveroom/hooks`' layout engine puts them
 * (grid, speaker, host-plus-guests, nine-seat, PK), each remote tile with
 * its quality overlay, empty seats drawn as such, and the PK score bar.
 */
import type { RemoteParticipant } from '@liveroom/core';
import { LAYOUT_MODES, type LayoutMode, type LayoutStore } from '@liveroom/hooks';
import { useLayout, useStageContainer } from '@liveroom/hooks/react';
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

const MODE_WORDS: Readonly<Record<LayoutMode, string>> = {
  grid: 'Grid',
  speaker: 'Speaker',
  pk: 'PK',
  'host-plus-guests': 'Host + guests',
  'nine-seat': 'Nine seats',
};

interface StageProps {
  snapshot: SessionSnapshot;
  quality: QualityByParticipant;
  layout: LayoutStore;
  /** Drawn in the layout's score-bar area in PK mode. */
  scoreBar?: ReactNode;
}

/** The layout mode buttons. */
export function LayoutPicker({ layout }: { layout: LayoutStore }): ReactNode {
  const mode = useLayout(layout, (l) => l.mode);
  return h(
    'div',
    { className: 'layout-picker', role: 'group', 'aria-label': 'Stage layout' },
    LAYOUT_MODES.map((m) =>
      h(
        'button',
        { key: m, type: 'button', 'aria-pressed': m === mode, onClick: () => layout.setMode(m) },
        MODE_WORDS[m],
      ),
    ),
  );
}

/** The tiles. */
export function Stage({ snapshot, quality, layout, scoreBar }: StageProps): ReactNode {
  const current = useLayout(layout);
  const ref = useStageContainer<HTMLElement>(layout);
  const people = new Map(snapshot.participants.map((p) => [p.id, p]));
  const tiles = current.tiles.map((tile) => {
    const local = tile.participantId === snapshot.userId;
    const participant = people.get(tile.participantId);
    return h(VideoTile, {
      key: tile.participantId,
      participant: tile.participantId,
      rect: tile,
      area: tile.area,
      track: local ? snapshot.localVideo : participant?.videoTrack,
      label: local ? `${tile.participantId} (you)` : `${tile.participantId} · ${participant?.role ?? ''}`,
      placeholder: local
        ? 'Your camera is off'
        : participant?.muted.has('video')
          ? 'Camera paused'
          : 'Connecting video…',
      overlay: local
        ? undefined
        : h(QualityOverlay, { quality: quality.get(tile.participantId) ?? EMPTY_TILE_QUALITY }),
    });
  });
  const vacant = current.vacant.map((seat) =>
    h(
      'div',
      {
        key: `seat-${seat.seat}`,
        className: 'seat-vacant',
        style: { left: seat.x, top: seat.y, width: seat.width, height: seat.height },
      },
      `Seat ${seat.seat + 1}`,
    ),
  );
  const bar = current.scoreBar;
  return h(
    'section',
    { ref, className: 'stage', 'aria-label': 'Stage', 'data-layout': current.mode, 'data-count': tiles.length },
    vacant,
    tiles,
    bar &&
      scoreBar &&
      h(
        'div',
        { className: 'score-bar-area', style: { left: bar.x, top: bar.y, width: bar.width, height: bar.height } },
        scoreBar,
      ),
    tiles.length === 0 && h('p', { className: 'stage-empty' }, 'Nobody is on stage yet.'),
  );
}
