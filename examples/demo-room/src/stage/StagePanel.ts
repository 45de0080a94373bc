/**
 * The stage panel: viewers raise a hand and answer an invitation; hosts see
 * raised hands and invite one on stage; co-hosts can step down.
 */
import { createElement as h, type ReactNode, useState, useSyncExternalStore } from 'react';
import type { RoomSession, SessionSnapshot } from '../room/room-session.js';
import type { StageRequests } from './stage-requests.js';

interface StagePanelProps {
  session: RoomSession;
  snapshot: SessionSnapshot;
  requests: StageRequests;
}

/** The panel. */
export function StagePanel({ session, snapshot, requests }: StagePanelProps): ReactNode {
  const state = useSyncExternalStore(requests.subscribe, requests.getSnapshot);
  const [problem, setProblem] = useState<string>();
  const act = (action: () => Promise<unknown>) => {
    setProblem(undefined);
    action().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const body: ReactNode[] = [];
  if (snapshot.role === 'audience') {
    if (state.invitedBy) {
      body.push(
        h('p', { key: 'invited' }, `${state.invitedBy} invites you on stage.`),
        h(
          'button',
          {
            key: 'join',
            type: 'button',
            className: 'primary',
            onClick: () => {
              requests.answered();
              act(() => session.joinStage());
            },
          },
          'Join the stage',
        ),
        h('button', { key: 'no', type: 'button', onClick: () => requests.answered() }, 'No thanks'),
      );
    } else {
      body.push(
        h(
          'button',
          {
            key: 'hand',
            type: 'button',
            'aria-pressed': state.raised,
            onClick: () => act(() => requests.setRaised(!state.raised)),
          },
          state.raised ? 'Lower hand' : 'Raise hand',
        ),
      );
    }
  } else if (snapshot.role === 'cohost') {
    body.push(
      h('button', { key: 'leave', type: 'button', onClick: () => act(() => session.leaveStage()) }, 'Leave the stage'),
    );
  } else {
    if (state.hands.length === 0) body.push(h('p', { key: 'none', className: 'hint' }, 'No raised hands.'));
    for (const id of state.hands) {
      body.push(
        h(
          'div',
          { key: id, className: 'row hand' },
          h('span', null, `Hand raised: ${id}`),
          h('button', { type: 'button', onClick: () => act(() => requests.invite(id)) }, 'Invite to stage'),
        ),
      );
    }
  }
  return h(
    'section',
    { className: 'panel stage-panel', 'aria-labelledby': 'stage-title' },
    h('h2', { id: 'stage-title' }, 'Stage'),
    body,
    problem && h('p', { className: 'field-error', role: 'alert' }, problem),
  );
}
