/**
 * The room: a header with the room's name and state, the banners, the
 * stage with its layout picker, and the side panels (stage requests, PK,
 * impairment, telemetry).
 */

import { demoConfig } from 'virtual:liveroom-demo';
import { type BattleState, IDLE_BATTLE, type LayoutMode, type LayoutStore } from '@liveroom/hooks';
import { useLayout } from '@liveroom/hooks/react';
import { createElement as h, type ReactNode, useEffect, useRef, useSyncExternalStore } from 'react';
import { explainError } from '../app/explain-error.js';
import type { DemoParams } from '../app/url-params.js';
import { ImpairmentPanel } from '../impairment/ImpairmentPanel.js';
import { battleOnStage, PkBar } from '../pk/PkBar.js';
import { PkPanel } from '../pk/PkPanel.js';
import type { QualityBoard, QualityByParticipant } from '../quality/quality-board.js';
import { StagePanel } from '../stage/StagePanel.js';
import { TelemetryPanel } from '../telemetry/TelemetryPanel.js';
import { RemoteAudio } from './RemoteAudio.js';
import type { RoomSession, SessionSnapshot } from './room-session.js';
import { LayoutPicker, onStage, Stage } from './Stage.js';
import { StatusBanners } from './StatusBanners.js';

interface RoomViewProps {
  session: RoomSession;
  params: DemoParams;
  onLeave(): void;
}

const ROLE_WORDS = { host: 'host', cohost: 'co-host', audience: 'viewer' } as const;
const END_WORDS: Readonly<Record<string, string>> = {
  kicked: 'You were removed from the room.',
  'room-closed': 'The host closed the room.',
  failed: 'The connection was lost and could not be restored.',
};

function useStore<S>(store: { subscribe(l: () => void): () => void; getSnapshot(): S } | undefined, empty: S): S {
  const source = store ?? { subscribe: () => () => undefined, getSnapshot: () => empty };
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}
const NO_QUALITY: { tiles: QualityByParticipant } = { tiles: new Map() };
const NO_PK = { battle: IDLE_BATTLE };

/** Switches the stage to the PK split while a battle is on, and back to the previous mode after. */
function usePkLayout(layout: LayoutStore, onStageNow: boolean): void {
  const before = useRef<LayoutMode>('grid');
  useEffect(() => {
    const mode = layout.getSnapshot().mode;
    if (onStageNow && mode !== 'pk') {
      before.current = mode;
      layout.setMode('pk');
    } else if (!onStageNow && mode === 'pk') {
      layout.setMode(before.current);
    }
  }, [layout, onStageNow]);
}

/** The joined room. */
export function RoomView({ session, params, onLeave }: RoomViewProps): ReactNode {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const quality = useStore<{ tiles: QualityByParticipant }>(
    snapshot.quality as QualityBoard | undefined,
    NO_QUALITY,
  ).tiles;
  const signallingUrl = params.signallingUrl || demoConfig.signallingUrl;
  if (snapshot.phase === 'ended' || !snapshot.layout || !session.room) {
    const reason = snapshot.error
      ? explainError(snapshot.error, signallingUrl).title
      : END_WORDS[snapshot.endReason ?? ''];
    return h(
      'main',
      { className: 'ended', role: 'alert' },
      h('h1', null, 'You left the room'),
      h('p', null, reason ?? 'The session ended.'),
      h('button', { type: 'button', className: 'primary', onClick: onLeave }, 'Back to the lobby'),
    );
  }
  const room = session.room;
  return h(
    'main',
    { className: 'room', 'data-connection': snapshot.connection },
    h(
      'header',
      { className: 'room-header' },
      h('h1', null, params.roomId),
      h('span', { className: `pill pill-${snapshot.connection}` }, snapshot.connection),
      h('span', { className: 'who' }, `${snapshot.userId} · ${ROLE_WORDS[snapshot.role]}`),
      h('button', { type: 'button', onClick: onLeave }, 'Leave'),
    ),
    h(StatusBanners, { snapshot, session, signallingUrl }),
    h(RemoteAudio, { participants: snapshot.participants }),
    h(
      'div',
      { className: 'room-body' },
      h(StageColumn, { snapshot, quality, layout: snapshot.layout, pk: snapshot.pk }),
      h(
        'div',
        { className: 'panels' },
        snapshot.requests && h(StagePanel, { session, snapshot, requests: snapshot.requests }),
        snapshot.pk &&
          h(PkPanel, { room, pk: snapshot.pk, store: snapshot.battle, participants: snapshot.participants }),
        h(ImpairmentPanel, { room, publishers: onStage(snapshot.participants), scenario: params.scenario }),
        h(TelemetryPanel, { log: session.log, status: snapshot.telemetry }),
      ),
    ),
  );
}

interface StageColumnProps {
  snapshot: ReturnType<RoomSession['getSnapshot']>;
  quality: QualityByParticipant;
  layout: LayoutStore;
  pk: SessionSnapshot['pk'];
}

/** The layout picker, the stage and, in PK mode, the score bar. */
function StageColumn({ snapshot, quality, layout, pk }: StageColumnProps): ReactNode {
  const { battle } = useStore<{ battle: BattleState }>(pk, NO_PK);
  usePkLayout(layout, battleOnStage(battle));
  const tiles = useLayout(layout, (l) => l.tiles);
  const left = tiles.find((t) => t.area === 'left')?.participantId;
  const right = tiles.find((t) => t.area === 'right')?.participantId;
  return h(
    'div',
    { className: 'stage-column' },
    h(LayoutPicker, { layout }),
    h(Stage, { snapshot, quality, layout, scoreBar: pk && h(PkBar, { pk, left, right }) }),
  );
}
