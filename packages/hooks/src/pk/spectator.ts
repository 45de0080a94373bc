/**
 * Battles for viewers. The host's app calls {@link broadcastBattle}; each
 * viewer's {@link SpectatorStore} mirrors the host's battle state, and reads
 * the clock from the inviter's authority timestamps plus the viewer's own
 * room `serverTimeOffsetMs`, so every viewer shows the same remaining time
 * whatever their device clock says.
 */
import type { Room } from '@liveroom/core';
import { onRoomEvent } from '../store/room-listener.js';
import { Subscribable } from '../store/subscribable.js';
import { fromBroadcast, toBroadcast } from './battle-broadcast-messages.js';
import { type BattleClock, systemClock } from './battle-clock.js';
import { remainingMs, serverNow } from './battle-outcome.js';
import { IDLE_BATTLE } from './battle-reducer.js';
import type { BattleStore } from './battle-store.js';
import type { BattleState } from './battle-types.js';
import { requireDataMessages } from './room-data-transport.js';

/**
 * Sends the host's battle state to everyone in the room on every change, and
 * to each newcomer when they join. Returns the function that stops.
 * Throws `NOT_SUPPORTED` without data messages.
 *
 * @example
 * ```ts
 * const stop = broadcastBattle(battle, room); // on the host's side
 * ```
 */
export function broadcastBattle(store: BattleStore, room: Room): () => void {
  requireDataMessages(room, 'to reach viewers');
  let seq = 0;
  let last: BattleState | undefined;
  const send = (to?: string) => {
    seq += 1;
    const payload = JSON.stringify(toBroadcast(store.getSnapshot().battle, seq));
    room.sendData(payload, to ? { to: [to] } : {}).catch(() => undefined); // the next change resends the state
  };
  const unsubscribe = store.subscribe(() => {
    if (store.getSnapshot().battle === last) return;
    last = store.getSnapshot().battle;
    send();
  });
  const stopJoins = onRoomEvent(room, 'participant-joined', ({ id }) => send(id));
  return () => {
    unsubscribe();
    stopJoins();
  };
}

/** What a viewer sees: whose battle it is, and its state. */
export interface SpectatorSnapshot {
  /** The host whose broadcasts are followed (`undefined` until one arrives). */
  hostId: string | undefined;
  /**
   * That host's battle, from its side: `self` is the host, `outcome` is its
   * result. `idle` until the first broadcast, and again when the host leaves
   * or the viewer leaves the room.
   */
  battle: BattleState;
}

/** Options of {@link createSpectatorStore}. */
export interface SpectatorStoreOptions {
  /** The viewer's room. Its provider needs data messages (the local provider has them). */
  room: Room;
  /** Follow this host only; by default the first participant with role `host` who broadcasts. */
  hostId?: string;
  /** Local time for the battle clock (plus the room's `serverTimeOffsetMs`); defaults to {@link systemClock}. */
  clock?: BattleClock;
}

/** A viewer's mirror of the host's battle; create it with {@link createSpectatorStore}. */
export class SpectatorStore extends Subscribable {
  readonly #room: Room;
  readonly #clock: BattleClock;
  readonly #stops: (() => void)[];
  #snapshot: SpectatorSnapshot;
  #seq = 0;

  constructor(options: SpectatorStoreOptions) {
    super();
    requireDataMessages(options.room, 'to reach viewers');
    this.#room = options.room;
    this.#clock = options.clock ?? systemClock;
    this.#snapshot = { hostId: options.hostId, battle: IDLE_BATTLE };
    this.#stops = [
      onRoomEvent(this.#room, 'data-message', ({ from, payload }) => this.#onMessage(from, payload)),
      onRoomEvent(this.#room, 'participant-left', ({ id }) => {
        // A host who comes back (a reload) starts numbering again.
        if (id === this.#snapshot.hostId) this.#reset();
      }),
      onRoomEvent(this.#room, 'left', () => this.#set(this.#snapshot.hostId, IDLE_BATTLE)),
    ];
  }

  /** The current snapshot. */
  readonly getSnapshot = (): SpectatorSnapshot => this.#snapshot;

  /** Milliseconds left in the battle's timed phase, from this viewer's server time. */
  remainingMs(): number {
    return remainingMs(this.#snapshot.battle, serverNow(this.#clock.now(), this.#room.serverTimeOffsetMs));
  }

  /** Stops listening. */
  destroy(): void {
    for (const stop of this.#stops) stop();
  }

  #onMessage(from: string, payload: string): void {
    const followed = this.#snapshot.hostId;
    if (followed !== undefined && from !== followed) return;
    if (followed === undefined && this.#room.participants.get(from)?.role !== 'host') return;
    const broadcast = fromBroadcast(payload);
    if (!broadcast || (from === followed && broadcast.seq <= this.#seq)) return;
    this.#seq = broadcast.seq;
    this.#set(from, broadcast.battle);
  }

  #reset(): void {
    this.#seq = 0;
    this.#set(this.#snapshot.hostId, IDLE_BATTLE);
  }

  #set(hostId: string | undefined, battle: BattleState): void {
    this.#snapshot = { hostId, battle };
    this.notify();
  }
}

/**
 * Creates a viewer's battle mirror. Throws `NOT_SUPPORTED` without data messages.
 *
 * @example
 * ```ts
 * const pk = createSpectatorStore({ room }); // on a viewer's side
 * pk.subscribe(() => render(pk.getSnapshot().battle, pk.remainingMs()));
 * ```
 */
export function createSpectatorStore(options: SpectatorStoreOptions): SpectatorStore {
  return new SpectatorStore(options);
}
