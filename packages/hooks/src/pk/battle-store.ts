/**
 * The battle store: wires the pure {@link battleTransition} reducer to a
 * {@link PkTransport}, the room (identity, server time offset, departures),
 * timers on an injectable {@link BattleClock}, the cross-room media relay and
 * telemetry. Framework-agnostic: `subscribe` / `getSnapshot`.
 */
import {
  asLiveroomError,
  canPublish,
  LiveroomError,
  onEvents,
  parseInput,
  type Room,
  type RoomEventMap,
  withDefaults,
} from '@liveroom/core';
import * as z from 'zod/mini';
import { Subscribable } from '../store/subscribable.js';
import type { TelemetryEmitter } from '../telemetry.js';
import { type BattleClock, systemClock, type TimerHandle } from './battle-clock.js';
import { nextDeadline, remainingMs, serverNow } from './battle-outcome.js';
import { battleTransition, IDLE_BATTLE } from './battle-reducer.js';
import { type BattleRelayState, type RelayField, startRelay, stopRelay } from './battle-relay.js';
import { battleTelemetry } from './battle-telemetry.js';
import {
  type BattleEvent,
  type BattleRejection,
  type BattleState,
  type BattleTimings,
  type BattleTransition,
  DEFAULT_BATTLE_TIMINGS,
  type PkHost,
} from './battle-types.js';
import { eventForMessage } from './pk-inbox.js';
import {
  battleTimingsOptionSchema,
  PK_PROTOCOL_VERSION,
  type PkMessageBody,
  pkHostSchema,
  scoreUpdateSchema,
} from './pk-messages.js';
import type { PkTransport, PkTransportEvent } from './pk-transport.js';

/** Options of {@link createBattleStore}. */
export interface BattleStoreOptions {
  /**
   * The local host's room. Battle actions need it joined as `host` or
   * `cohost`; its `serverTimeOffsetMs` sets the battle clock, and leaving it
   * drops the battle (a started one ends with `pk_end` reason `left`).
   */
  room: Room;
  /**
   * How PK messages reach the opponent: {@link createRoomDataPkTransport}
   * (one room), {@link createLocalPkTransport} (local provider, across rooms)
   * or your own (Agora RTM or your backend).
   */
  transport: PkTransport;
  /** Local time and timers; defaults to {@link systemClock} (tests pass a fake one). */
  clock?: BattleClock;
  /** Receives `pk_start` and `pk_end` (pass the `QualityCollector`); without it the store reports nothing. */
  telemetry?: TelemetryEmitter;
  /** Timings of the battles this host starts (the inviter's timings rule). */
  timings?: Partial<BattleTimings>;
  /** Battle id generator (defaults to a random `pk-…` id). */
  newBattleId?: () => string;
}

/** What the store holds. Replaced on every change. */
export interface BattleSnapshot {
  /** The battle's state: switch on `battle.phase` to pick what to draw. */
  battle: BattleState;
  /**
   * The cross-room media relay: `none` in a one-room battle, `unsupported`
   * when the provider cannot relay (show the opponent another way, e.g. a
   * second `Room` joined as audience), `failed` with the cause in `lastError`.
   */
  relay: BattleRelayState;
  /** The last event that was refused, and why (for debugging and UI hints). */
  lastRejection: { event: BattleEvent['type'] | 'message'; reason: BattleRejection } | undefined;
  /** The last relay or transport failure. */
  lastError: LiveroomError | undefined;
}

const inviteTargetSchema = z.object({
  userId: pkHostSchema.shape.userId,
  roomId: z.optional(pkHostSchema.shape.roomId),
});

/** The battle store; create it with {@link createBattleStore}. */
export class BattleStore extends Subscribable {
  readonly #room: Room;
  readonly #transport: PkTransport;
  readonly #clock: BattleClock;
  readonly #telemetry: TelemetryEmitter | undefined;
  readonly #timings: BattleTimings;
  readonly #newBattleId: () => string;
  readonly #relay: RelayField = [
    () => this.#snapshot.relay,
    (relay, error) => this.#patch({ relay, lastError: error }),
  ];
  readonly #stops: (() => void)[];
  #snapshot: BattleSnapshot = { battle: IDLE_BATTLE, relay: 'none', lastRejection: undefined, lastError: undefined };
  #timer: TimerHandle | undefined;

  constructor(options: BattleStoreOptions) {
    super();
    this.#room = options.room;
    this.#transport = options.transport;
    this.#clock = options.clock ?? systemClock;
    this.#telemetry = options.telemetry;
    // Checked as given, then merged: a timing left out or passed as undefined takes its default.
    this.#timings = withDefaults(
      DEFAULT_BATTLE_TIMINGS,
      parseInput(battleTimingsOptionSchema, options.timings ?? {}, 'battle timings'),
    );
    this.#newBattleId = options.newBattleId ?? (() => `pk-${crypto.randomUUID().slice(0, 12)}`);
    this.#stops = [
      this.#transport.listen((event) => this.#onTransport(event)),
      onEvents<RoomEventMap>(this.#room, {
        left: () => {
          const battle = this.#snapshot.battle;
          if (battle.phase !== 'idle') this.#dispatch({ type: 'abandon', battleId: battle.battleId });
        },
      }),
    ];
  }

  /** The current snapshot (same reference until something changes). */
  readonly getSnapshot = (): BattleSnapshot => this.#snapshot;

  /** Server time now: the local clock plus the room's `serverTimeOffsetMs`. */
  serverNow(): number {
    return serverNow(this.#clock.now(), this.#room.serverTimeOffsetMs);
  }

  /** Milliseconds left in the current timed phase, the same on every client (see {@link remainingMs}). */
  remainingMs(): number {
    return remainingMs(this.#snapshot.battle, this.serverNow());
  }

  /**
   * Invites a host (in this room unless `roomId` says otherwise) and returns
   * the battle id. Throws `INVALID_CONFIG` for an invite to oneself and
   * `INVALID_STATE` when not in a room or already in a battle.
   */
  async invite(target: { userId: string; roomId?: string }): Promise<string> {
    const parsed = parseInput(inviteTargetSchema, target, 'invite() target');
    const { userId, roomId, role } = this.#room;
    if (userId === undefined || roomId === undefined || role === undefined || !canPublish(role)) {
      throw new LiveroomError(
        'INVALID_STATE',
        'invite() needs a room joined as host or cohost; the audience can only watch.',
      );
    }
    const self: PkHost = { userId, roomId };
    if (parsed.userId === userId) {
      throw new LiveroomError('INVALID_CONFIG', 'invite() was given your own user id. Invite another host.');
    }
    const opponent: PkHost = withDefaults({ roomId }, parsed);
    const battleId = this.#newBattleId();
    const sentAt = this.serverNow();
    const timings = this.#timings;
    const t = this.#dispatch({ type: 'invite_sent', battleId, inviter: self, invitee: opponent, sentAt, timings });
    if (!t.ok)
      throw new LiveroomError('INVALID_STATE', `invite() refused (${t.reason}): finish the current battle first.`);
    await this.#send({ type: 'invite', battleId, sentAt, timings }, { self, opponent }, () =>
      this.#dispatch({ type: 'cancel', battleId }),
    );
    return battleId;
  }

  /** Accepts the pending invite. */
  accept(): Promise<void> {
    return this.#answer('accept', ['invited']);
  }

  /** Declines the pending invite. */
  decline(): Promise<void> {
    return this.#answer('decline', ['invited']);
  }

  /** Withdraws an invite (or an accepted battle before its start). */
  cancel(): Promise<void> {
    return this.#answer('cancel', ['inviting', 'invited', 'accepted']);
  }

  /** Ends the battle early (either host may); late scores still count while settling. */
  async end(): Promise<void> {
    const battle = this.#require(['countdown', 'active'], 'end()');
    const body = { type: 'end', battleId: battle.battleId, at: this.serverNow() } as const;
    this.#dispatch({ ...body, by: battle.self.userId });
    await this.#send(body, battle);
  }

  /** Clears the result before its display time is up. */
  dismiss(): void {
    const battle = this.#require(['result'], 'dismiss()');
    this.#dispatch({ type: 'dismiss', battleId: battle.battleId });
  }

  /**
   * Applies a score snapshot from the app's backend (cumulative scores with
   * a per-battle sequence). Returns the typed transition: duplicates come
   * back as `stale_score`, other battles as `unknown_battle` / `already_ended`.
   */
  applyScore(update: { battleId: string; seq: number; scores: Record<string, number> }): BattleTransition {
    return this.#dispatch({ type: 'score', ...parseInput(scoreUpdateSchema, update, 'applyScore() update') });
  }

  /**
   * For apps without a score backend: the inviter (the battle's authority)
   * sets the scores, numbers the update and sends it to the opponent.
   */
  async publishScore(scores: Record<string, number>): Promise<BattleTransition> {
    const battle = this.#require(['countdown', 'active', 'settling'], 'publishScore()');
    if (!battle.isInviter) {
      throw new LiveroomError('INVALID_STATE', 'publishScore() is for the inviting host; send gifts to it instead.');
    }
    const update = { battleId: battle.battleId, seq: battle.scoreSeq + 1, scores };
    const t = this.applyScore(update);
    if (t.ok) await this.#send({ type: 'score', ...update }, battle);
    return t;
  }

  /** Stops listening and cancels timers. The relay is stopped. */
  destroy(): void {
    for (const stop of this.#stops) stop();
    this.#schedule(IDLE_BATTLE);
    void stopRelay(this.#room, this.#relay);
  }

  /** Applies `type` to the battle in one of `phases`, and tells the opponent. */
  async #answer(
    type: 'accept' | 'decline' | 'cancel',
    phases: readonly ('inviting' | 'invited' | 'accepted')[],
  ): Promise<void> {
    const battle = this.#require(phases, `${type}()`);
    this.#dispatch({ type, battleId: battle.battleId });
    await this.#send({ type, battleId: battle.battleId }, battle);
  }

  #require<P extends BattleState['phase']>(phases: readonly P[], what: string): Extract<BattleState, { phase: P }> {
    const battle = this.#snapshot.battle;
    if (!(phases as readonly string[]).includes(battle.phase)) {
      throw new LiveroomError(
        'INVALID_STATE',
        `${what} needs a battle in phase ${phases.join(' or ')}, not ${battle.phase}.`,
      );
    }
    return battle as Extract<BattleState, { phase: P }>;
  }

  #dispatch(event: BattleEvent): BattleTransition {
    const previous = this.#snapshot.battle;
    const t = battleTransition(previous, event);
    if (!t.ok) {
      if (event.type !== 'tick') this.#patch({ lastRejection: { event: event.type, reason: t.reason } });
      return t;
    }
    this.#patch({ battle: t.state });
    for (const { type, body } of battleTelemetry(previous, t.state)) this.#telemetry?.emit(type, body);
    this.#afterTransition(previous, t.state);
    return t;
  }

  #afterTransition(previous: BattleState, next: BattleState): void {
    this.#schedule(next);
    if (next.phase === 'countdown' && previous.phase !== 'countdown')
      void startRelay(this.#room, next.self, next.opponent, this.#relay);
    if (next.phase === 'idle') void stopRelay(this.#room, this.#relay);
    // The inviter's clock is the authority: it stamps the start as soon as the invitee accepts.
    if (next.phase === 'accepted' && next.isInviter) {
      const countdownAt = this.serverNow();
      const activeAt = countdownAt + next.timings.countdownMs;
      const start = {
        type: 'start',
        battleId: next.battleId,
        countdownAt,
        activeAt,
        endsAt: activeAt + next.timings.durationMs,
      } as const;
      this.#dispatch(start);
      this.#send(start, next).catch(() => undefined); // recorded in lastError
    }
  }

  /** Replaces the timer by one for `state`'s next deadline (none when idle: then it only clears the timer). */
  #schedule(state: BattleState): void {
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    const due = nextDeadline(state);
    if (due === undefined) return;
    this.#timer = this.#clock.setTimeout(
      () => {
        this.#timer = undefined;
        // Timers may fire a little early, and the server offset may move: try again when not yet due.
        if (!this.#dispatch({ type: 'tick', now: this.serverNow() }).ok) this.#schedule(this.#snapshot.battle);
      },
      Math.max(0, due - this.serverNow()),
    );
  }

  #onTransport(event: PkTransportEvent): void {
    const battle = this.#snapshot.battle;
    if (event.type === 'peer-left') {
      if (battle.phase !== 'idle' && event.userId === battle.opponent.userId) {
        this.#dispatch({ type: 'opponent_left', battleId: battle.battleId, at: this.serverNow() });
      }
      return;
    }
    const mapped = eventForMessage(battle, event.message);
    if (typeof mapped === 'string') {
      this.#patch({ lastRejection: { event: 'message', reason: mapped } });
      return;
    }
    const t = this.#dispatch(mapped);
    if (!t.ok && t.reason === 'busy' && mapped.type === 'invite_received') {
      // Already in a battle: tell the other host at once rather than letting its invite time out.
      const { battleId, inviter, invitee } = mapped;
      this.#send({ type: 'decline', battleId }, { self: invitee, opponent: inviter }).catch(() => undefined); // recorded in lastError
    }
  }

  /**
   * Sends a message from `battle.self` to its opponent. On failure, runs
   * `rollback` and rethrows as a `LiveroomError`.
   */
  async #send(body: PkMessageBody, battle: { self: PkHost; opponent: PkHost }, rollback?: () => void): Promise<void> {
    try {
      await this.#transport.send({
        kind: 'liveroom.pk',
        v: PK_PROTOCOL_VERSION,
        from: battle.self,
        to: battle.opponent,
        body,
      });
    } catch (error) {
      rollback?.();
      const failure = asLiveroomError(error, 'PROVIDER_ERROR', `Could not send the PK ${body.type}`);
      this.#patch({ lastError: failure });
      throw failure;
    }
  }

  #patch(patch: Partial<BattleSnapshot>): void {
    this.#snapshot = { ...this.#snapshot, ...patch };
    this.notify();
  }
}

/**
 * Creates a battle store for one host.
 *
 * @example
 * ```ts
 * const battle = createBattleStore({ room, transport: createRoomDataPkTransport(room), telemetry });
 * battle.subscribe(() => render(battle.getSnapshot()));
 * await battle.invite({ userId: 'host-b' });
 * ```
 */
export function createBattleStore(options: BattleStoreOptions): BattleStore {
  return new BattleStore(options);
}
