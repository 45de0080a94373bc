/**
 * Gifts during a PK. `@liveroom/hooks` scores battles but has no notion of
 * a gift: a real app's backend counts the paid gifts and pushes scores
 * (`applyScore`). The demo has no backend, so a viewer sends each gift as a
 * demo message to the battle's inviter, which adds it to the score with
 * `publishScore`; hooks then carries the score to the opponent, and each
 * host's `broadcastBattle` carries it to the viewers.
 */
import type { Room } from '@liveroom/core';
import type { ActiveBattle, BattleStore } from '@liveroom/hooks';
import { onDemoMessage, sendDemoMessage } from '../room/demo-messages.js';

/** Points one gift adds. */
export const GIFT_POINTS = 10;

/** Sends one gift for host `to` to the battle's inviter, the only host allowed to publish scores. */
export function sendGift(room: Room, battle: ActiveBattle, to: string): Promise<void> {
  const inviter = battle.isInviter ? battle.self.userId : battle.opponent.userId;
  return sendDemoMessage(room, { demo: 1, kind: 'gift', to, points: GIFT_POINTS }, [inviter]);
}

/** On a host's page: turns the gifts viewers send into score while this host is the inviter. Returns the stop function. */
export function scoreGifts(room: Room, store: BattleStore): () => void {
  return onDemoMessage(room, (message) => {
    const { battle } = store.getSnapshot();
    if (message.kind !== 'gift' || battle.phase !== 'active' || !battle.isInviter) return;
    const scores = { ...battle.scores, [message.to]: (battle.scores[message.to] ?? 0) + message.points };
    void store.publishScore(scores).catch(() => undefined);
  });
}
