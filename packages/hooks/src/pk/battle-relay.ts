/**
 * Media for cross-room battles. Inside one room both hosts already see each
 * other. Across rooms, each host relays its media into the opponent's room
 * with `room.startMediaRelay` when the provider can (capability
 * `mediaRelay`, e.g. Agora's channel media relay). Otherwise the relay is
 * `unsupported`, and the app shows the opponent by joining the opponent's room
 * with a second `Room` as audience (see docs/hooks/pk.md).
 */
import { asLiveroomError, type LiveroomError, type Room } from '@liveroom/core';
import type { PkHost } from './battle-types.js';

/** Where the cross-room media relay stands. */
export type BattleRelayState =
  /** No relay: no battle under way, or both hosts in one room (they already see each other). */
  | 'none'
  /** A cross-room battle reached its countdown and `room.startMediaRelay` is under way. */
  | 'starting'
  /** The local host's media reaches the opponent's room; stopped when the battle returns to idle. */
  | 'running'
  /** The provider cannot relay (capability `mediaRelay`): show the opponent through a second `Room` joined as audience. */
  | 'unsupported'
  /** The relay could not start; the cause is the snapshot's `lastError`. */
  | 'failed';

/** Starts and stops the relay for one store; reports its state through `onChange`. */
export class BattleRelay {
  readonly #room: Room;
  readonly #onChange: (state: BattleRelayState, error?: LiveroomError) => void;
  #state: BattleRelayState = 'none';

  constructor(room: Room, onChange: (state: BattleRelayState, error?: LiveroomError) => void) {
    this.#room = room;
    this.#onChange = onChange;
  }

  /** Relays the local host into the opponent's room when they are in another room. */
  async start(self: PkHost, opponent: PkHost): Promise<void> {
    if (opponent.roomId === self.roomId || this.#state !== 'none') return;
    if (!this.#room.provider.capabilities.mediaRelay) return this.#set('unsupported');
    this.#set('starting');
    try {
      await this.#room.startMediaRelay([{ roomId: opponent.roomId, userId: self.userId }]);
      if ((this.#state as BattleRelayState) !== 'starting') {
        // The battle ended while the relay was starting.
        await this.#room.stopMediaRelay().catch(() => undefined);
        return;
      }
      this.#set('running');
    } catch (error) {
      this.#set('failed', asLiveroomError(error, 'PROVIDER_ERROR', 'Could not start the PK media relay'));
    }
  }

  /** Stops a running relay and returns to `none`. */
  async stop(): Promise<void> {
    if (this.#state === 'none') return;
    const wasRunning = this.#state === 'running';
    this.#set('none');
    if (wasRunning) await this.#room.stopMediaRelay().catch(() => undefined);
  }

  #set(state: BattleRelayState, error?: LiveroomError): void {
    this.#state = state;
    this.#onChange(state, error);
  }
}
