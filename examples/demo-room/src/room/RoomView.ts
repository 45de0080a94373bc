/**
 * The room: a header with the room's name and state, the stage of video
 * tiles, and the side panels.
 */

import { demoConfig } from 'virtual:liveroom-demo';
import { createElement as h, type ReactNode, useSyncExternalStore } from 'react';
import { explainError } from '../app/explain-error.js';
import type { DemoParams } from '../app/url-params.js';
import { ImpairmentPanel } from '../impairment/ImpairmentPanel.js';
import type { QualityBoard, QualityByParticipant } from '../quality/quality-board.js';
import { TelemetryPanel } from '../telemetry/TelemetryPanel.js';
import type { RoomSession } from './room-session.js';
import { onStage, Stage } from './Stage.js';
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

const NO_QUALITY: { tiles: QualityByParticipant } = { tiles: new Map() };
const noBoard: Pick<QualityBoard, 'subscribe' | 'getSnapshot'> = {
  subscribe: () => () => undefined,
  getSnapshot: () => NO_QUALITY,
};

function useQuality(board: QualityBoard | undefined): QualityByParticipant {
  const source = board ?? noBoard;
  return useSyncExternalStore(source.subscribe, source.getSnapshot).tiles;
}

/** The joined room. */
export function RoomView({ session, params, onLeave }: RoomViewProps): ReactNode {
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const quality = useQuality(snapshot.quality);
  const signallingUrl = params.signallingUrl || demoConfig.signallingUrl;
  if (snapshot.phase === 'ended') {
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
    h(
      'div',
      { className: 'room-body' },
      h(Stage, { snapshot, quality }),
      h(
        'div',
        { className: 'panels' },
        session.room &&
          h(ImpairmentPanel, {
            room: session.room,
            publishers: onStage(snapshot.participants),
            scenario: params.scenario,
          }),
        h(TelemetryPanel, { log: session.log, status: snapshot.telemetry }),
      ),
    ),
  );
}
