/**
 * PK controls. A host invites another host in the room, answers an invite,
 * or ends the battle early; a viewer sends gifts to either side while the
 * battle is on, which the inviting host turns into score.
 */
import type { RemoteParticipant, Room } from '@liveroom/core';
import type { BattleStore } from '@liveroom/hooks';
import { type BattleClockSource, useStore } from '@liveroom/hooks/react';
import { createElement as h, type ReactNode, useState } from 'react';
import { GIFT_POINTS, sendGift } from './gifts.js';
import { selectBattle } from './PkBar.js';

interface PkPanelProps {
  room: Room;
  /** The battle this page shows: the host's own store, or the viewer's spectator store. */
  pk: BattleClockSource;
  /** Present for hosts. */
  store: BattleStore | undefined;
  participants: readonly RemoteParticipant[];
}

/** The panel. */
export function PkPanel({ room, pk, store, participants }: PkPanelProps): ReactNode {
  const battle = useStore(pk, selectBattle);
  const [problem, setProblem] = useState<string>();
  const act = (action: () => Promise<unknown>) => {
    setProblem(undefined);
    action().catch((error: unknown) => setProblem(error instanceof Error ? error.message : String(error)));
  };
  const body: ReactNode[] = [];
  if (store) {
    const hosts = participants.filter((p) => p.role === 'host');
    if (battle.phase === 'idle' || battle.phase === 'result') {
      if (hosts.length === 0)
        body.push(h('p', { key: 'none', className: 'hint' }, 'Another host must join this room to start a PK.'));
      for (const host of hosts) {
        body.push(
          h(
            'button',
            { key: host.id, type: 'button', onClick: () => act(() => store.invite({ userId: host.id })) },
            `Start PK with ${host.id}`,
          ),
        );
      }
    } else if (battle.phase === 'invited') {
      body.push(
        h('p', { key: 'invite' }, `${battle.opponent.userId} invites you to a PK.`),
        h(
          'button',
          { key: 'accept', type: 'button', className: 'primary', onClick: () => act(() => store.accept()) },
          'Accept',
        ),
        h('button', { key: 'decline', type: 'button', onClick: () => act(() => store.decline()) }, 'Decline'),
      );
    } else if (battle.phase === 'inviting' || battle.phase === 'accepted') {
      body.push(
        h('p', { key: 'waiting' }, `Waiting for ${battle.opponent.userId}…`),
        h('button', { key: 'cancel', type: 'button', onClick: () => act(() => store.cancel()) }, 'Cancel'),
      );
    } else if (battle.phase === 'countdown' || battle.phase === 'active') {
      body.push(h('button', { key: 'end', type: 'button', onClick: () => act(() => store.end()) }, 'End PK now'));
    }
  } else if (battle.phase === 'active') {
    for (const side of [battle.self, battle.opponent]) {
      body.push(
        h(
          'button',
          { key: side.userId, type: 'button', onClick: () => act(() => sendGift(room, battle, side.userId)) },
          `Gift to ${side.userId} (+${GIFT_POINTS})`,
        ),
      );
    }
  } else {
    body.push(
      h(
        'p',
        { key: 'idle', className: 'hint' },
        battle.phase === 'idle' ? 'No PK right now.' : battle.phase === 'result' ? 'PK over.' : 'PK in progress.',
      ),
    );
  }
  return h(
    'section',
    { className: 'panel pk', 'aria-labelledby': 'pk-title' },
    h('h2', { id: 'pk-title' }, 'PK battle'),
    h('div', { className: 'row' }, body),
    problem && h('p', { className: 'field-error', role: 'alert' }, problem),
  );
}
