/**
 * Battles for viewers. The host's app calls {@link broadcastBattle}; each
 * viewer's {@link SpectatorStore} mirrors the host's battle state, and reads
 * the clock from the inviter's authority timestamps plus the viewer's own
 * room `serverTimeOffsetMs`, so every viewer shows the same remaining time
 * whatever their device clock says. A viewer asks the hosts for their state
 * when it starts, reconnects or loses its host, so it never waits for the
 * next change to catch up.
 */
import { onEvents, type Room, type RoomEventMap } from '@liveroom/core';
import { type ReadableStore, Subscribable } from '../store/subscribable.js';
import { fromBroadcast, isStateRequest, STATE_REQUEST, toBroadcast } from './battle-broadcast-messages.js';
import { type BattleClock, systemClock } from './battle-clock.js';
import { remainingMs, serverNow } from './battle-outcome.js';
import { IDLE_BATTLE } from './battle-reducer.js';
import type { BattleStore } from './battle-store.js';
import type { BattleState } from './battle-types.js';
import { requireDataMessages } from './room-data-transport.js';

/**
 * A host answers one viewer's state requests at most once per this many ms,
 * after a burst of {@link ANSWER_BURST}, so a faulty or hostile viewer
 * cannot make the host flood the room (the generic cell rate algorithm).
 */
const ANSWER_INTERVAL_MS = 2_500;
/** Answers one viewer may get at once: its store starting, a remount, losing its host. */
const ANSWER_BURST = 4;

/**
 * Sends the host's battle state to everyone in the room on every change and
 * after the host's connection comes back (sends fail while it is down), to
 * each newcomer when they join, and to a viewer who asks for it (a
 * {@link SpectatorStore} asks when it starts; 4 answers at once, then one
 * per 2.5 s, per viewer). Returns the function that stops. Throws
 * `NOT_SUPPORTED` without data messages.
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
  const due = new Map<string, number>(); // per viewer: when its answers would have caught up
  const send = (to?: string) => {
    seq += 1;
    const payload = JSON.stringify(toBroadcast(store.getSnapshot().battle, seq));
    room.sendData(payload, to ? { to: [to] } : {}).catch(() => undefined); // the connection is down: its return resends
  };
  const answer = (viewer: string) => {
    const now = store.serverNow();
    const next = Math.max(due.get(viewer) ?? now, now) + ANSWER_INTERVAL_MS;
    if (next - now > ANSWER_BURST * ANSWER_INTERVAL_MS) return;
    due.set(viewer, next);
    send(viewer);
  };
  const stopFollowing = store.subscribe(() => {
    if (store.getSnapshot().battle === last) return;
    last = store.getSnapshot().battle;
    send();
  });
  const stopListening = onEvents<RoomEventMap>(room, {
    'participant-joined': ({ id }) => send(id),
    'participant-left': ({ id }) => due.delete(id),
    'data-message': ({ from, payload }) => {
      if (isStateRequest(payload)) answer(from);
    },
    'connection-state-changed': ({ state }) => {
      if (state === 'connected') send();
    },
  });
  return () => {
    stopFollowing();
    stopListening();
  };
}

/**
 * Anything with a battle and a clock: a host's {@link BattleStore} or a
 * viewer's {@link SpectatorStore}. A countdown component takes it so the same
 * component serves hosts and viewers, in any UI framework (React's
 * `useBattle` and `useBattleClock` take it too). `T` is the store's snapshot,
 * so code generic over it keeps the store's own fields (a host's `relay`, a
 * viewer's `hostId`).
 */
export interface BattleClockSource<T extends { battle: BattleState } = { battle: BattleState }>
  extends ReadableStore<T> {
  /** Milliseconds left in the current timed phase on the battle's shared clock (see {@link remainingMs}). */
  remainingMs(): number;
}

/** What a viewer sees: whose battle it is, and its state. */
export interface SpectatorSnapshot {
  /**
   * The host whose battle is shown. Without a pinned `hostId` it is
   * `undefined` while no battle is shown, and becomes the first host who
   * broadcasts one.
   */
  hostId: string | undefined;
  /**
   * That host's battle, from its side: `self` is the host, `outcome` is its
   * result. `idle` until the first broadcast, and again when the host's
   * battle is over, when the host leaves, or when the viewer leaves the room.
   */
  battle: BattleState;
}

/** Options of {@link createSpectatorStore}. */
export interface SpectatorStoreOptions {
  /** The viewer's room. Its provider needs data messages (the local provider has them). */
  room: Room;
  /**
   * Follow this host only, through its battles and its absences. By default
   * the store follows the first participant with role `host` who broadcasts
   * a battle, until that battle is over or that host leaves, and then the
   * next one.
   */
  hostId?: string;
  /** Local time for the battle clock (plus the room's `serverTimeOffsetMs`); defaults to {@link systemClock}. */
  clock?: BattleClock;
}

/** A viewer's mirror of the host's battle; create it with {@link createSpectatorStore}. */
export class SpectatorStore extends Subscribable {
  readonly #room: Room;
  readonly #clock: BattleClock;
  readonly #pinned: string | undefined;
  readonly #stop: () => void;
  #snapshot: SpectatorSnapshot;
  #seq = 0;

  constructor(options: SpectatorStoreOptions) {
    super();
    requireDataMessages(options.room, 'to reach viewers');
    this.#room = options.room;
    this.#clock = options.clock ?? systemClock;
    this.#pinned = options.hostId;
    this.#snapshot = { hostId: this.#pinned, battle: IDLE_BATTLE };
    this.#stop = onEvents<RoomEventMap>(this.#room, {
      'data-message': ({ from, payload }) => this.#onMessage(from, payload),
      'participant-left': ({ id }) => {
        if (id === this.#snapshot.hostId) this.#unfollow();
      },
      // Broadcasts sent while this viewer was away are lost: ask again once connected.
      'connection-state-changed': ({ state }) => {
        if (state === 'connected') this.#ask();
      },
      left: () => this.#unfollow(),
    });
    // The host sent its state when this viewer joined, maybe before this store listened.
    if (this.#room.connectionState === 'connected') this.#ask();
  }

  /** The current snapshot. */
  readonly getSnapshot = (): SpectatorSnapshot => this.#snapshot;

  /** Milliseconds left in the battle's timed phase, from this viewer's server time. */
  remainingMs(): number {
    return remainingMs(this.#snapshot.battle, serverNow(this.#clock.now(), this.#room.serverTimeOffsetMs));
  }

  /** Stops listening. */
  destroy(): void {
    this.#stop();
  }

  #onMessage(from: string, payload: string): void {
    const followed = this.#snapshot.hostId;
    if (followed === undefined ? this.#room.participants.get(from)?.role !== 'host' : from !== followed) return;
    const broadcast = fromBroadcast(payload);
    if (!broadcast || (from === followed && broadcast.seq <= this.#seq)) return;
    if (broadcast.battle.phase === 'idle' && !this.#pinned) {
      if (followed) this.#unfollow();
      return;
    }
    this.#show(from, broadcast.battle, broadcast.seq);
  }

  /**
   * Back to idle. Unless pinned, forgets the host and asks the hosts for
   * their state, so another host's battle (the opponent's result when the
   * followed host left) shows at once. A host who comes back (a reload)
   * starts numbering again, hence the sequence reset.
   */
  #unfollow(): void {
    this.#show(this.#pinned, IDLE_BATTLE, 0);
    this.#ask();
  }

  /** Sends a state request to the pinned host, or to every host in the room. */
  #ask(): void {
    const hosts = [...this.#room.participants.values()]
      .filter((p) => (this.#pinned ? p.id === this.#pinned : p.role === 'host'))
      .map((p) => p.id);
    if (hosts.length > 0) this.#room.sendData(STATE_REQUEST, { to: hosts }).catch(() => undefined); // best effort
  }

  /** Shows `hostId`'s `battle`, from its broadcast number `seq` (0 before any). */
  #show(hostId: string | undefined, battle: BattleState, seq: number): void {
    this.#seq = seq;
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
