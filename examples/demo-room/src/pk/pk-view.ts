/**
 * The PK battle as every page draws it. Hosts read their own battle store;
 * viewers read the state the battle's inviter (its clock authority, DESIGN.md
 * decision 6) shares with the room, and fold in gifts as they come. The
 * inviter also scores the gifts viewers send it.
 */
import type { Room } from '@liveroom/core';
import { type BattleState, type BattleStore, IDLE_BATTLE } from '@liveroom/hooks';
import { onDemoMessage, sendDemoMessage } from '../room/demo-messages.js';
import { SnapshotStore } from '../room/session-store.js';

/** Points one gift adds. */
export const GIFT_POINTS = 10;

/** How often the inviter repeats the state, so viewers who join mid-battle catch up. */
const REPEAT_MS = 2000;

/** Phases in which the stage shows the battle. */
export function battleOnStage(battle: BattleState): boolean {
  return (
    battle.phase === 'countdown' ||
    battle.phase === 'active' ||
    battle.phase === 'settling' ||
    battle.phase === 'result'
  );
}

/** The battle for this page, whatever its role. */
export class PkView extends SnapshotStore<{ battle: BattleState }> {
  readonly #cleanups: (() => void)[] = [];

  /** `store` is the host's battle store; viewers pass none and follow the shared state. */
  constructor(room: Room, store: BattleStore | undefined) {
    super({ battle: IDLE_BATTLE });
    if (store) this.#followStore(room, store);
    else this.#cleanups.push(onDemoMessage(room, (m) => m.kind === 'pk-state' && this.update({ battle: m.battle })));
  }

  /** Stops listening. */
  stop(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }

  #followStore(room: Room, store: BattleStore): void {
    const share = () => {
      const { battle } = store.getSnapshot();
      this.update({ battle });
      if ('isInviter' in battle && battle.isInviter)
        void sendDemoMessage(room, { demo: 1, kind: 'pk-state', battle }).catch(() => undefined);
    };
    this.#cleanups.push(store.subscribe(share));
    const timer = setInterval(() => battleOnStage(store.getSnapshot().battle) && share(), REPEAT_MS);
    this.#cleanups.push(() => clearInterval(timer));
    // The inviter turns gifts into scores and publishes them to the opponent (the store numbers them).
    this.#cleanups.push(
      onDemoMessage(room, (message) => {
        const { battle } = store.getSnapshot();
        if (message.kind !== 'gift' || battle.phase !== 'active' || !battle.isInviter) return;
        const scores = { ...battle.scores, [message.to]: (battle.scores[message.to] ?? 0) + message.points };
        void store.publishScore(scores).catch(() => undefined);
      }),
    );
  }
}
