/**
 * The room's connection state. The room's own steps set it (join, leave, a
 * connection lost for good); during a session it mirrors the provider's,
 * which owns transport reconnection (DESIGN.md decision 1), and reports a
 * `connected` after `reconnecting` as `reconnected`.
 */
import type { EmitRoomEvent } from './room-emit.js';
import type { ConnectionState, ConnectionStateReason } from './types.js';

/** What a provider's state means for the session: restore publications, end it, or nothing. */
export type ProviderStateOutcome = 'restored' | 'lost' | undefined;

/** The connection state of one room, emitting `connection-state-changed` on each change. */
export class ConnectionStates {
  readonly #emit: EmitRoomEvent;
  #current: ConnectionState = 'disconnected';
  #wasReconnecting = false;

  constructor(emit: EmitRoomEvent) {
    this.#emit = emit;
  }

  /** The state now. */
  get current(): ConnectionState {
    return this.#current;
  }

  /** Moves to `state` and emits `connection-state-changed`, unless the room is there already. */
  set(state: ConnectionState, reason: ConnectionStateReason): void {
    const previous = this.#current;
    if (previous === state) return;
    this.#current = state;
    this.#emit('connection-state-changed', { state, previous, reason });
  }

  /**
   * Mirrors the provider's `state` during a session. Returns `restored` when it
   * is `connected` again after `reconnecting` (publications may need restoring)
   * and `lost` when the connection failed or closed for good (the session ends).
   */
  mirror(state: ConnectionState, reason: ConnectionStateReason): ProviderStateOutcome {
    if (state === 'reconnecting') {
      this.#wasReconnecting = true;
      this.set('reconnecting', reason);
    } else if (state === 'connected') {
      const restored = this.#wasReconnecting;
      this.#wasReconnecting = false;
      this.set('connected', restored ? 'reconnected' : reason);
      if (restored) return 'restored';
    } else if (state === 'failed' || state === 'disconnected') {
      return 'lost';
    }
    return undefined;
  }

  /** Forgets a reconnection under way: the session ended. */
  reset(): void {
    this.#wasReconnecting = false;
  }
}
