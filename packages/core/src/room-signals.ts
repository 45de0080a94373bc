/**
 * The room's passing signals: network quality, audio levels and the active
 * speaker derived from them, plus the provider events the room forwards as
 * they are (tokens, data messages, relay state, warnings).
 */
import { pickActiveSpeaker } from './active-speaker.js';
import type { ProviderEventMap } from './provider.js';
import type { EmitRoomEvent } from './room-emit.js';
import type { NetworkQuality } from './types.js';

type SignalEvent =
  | 'network-quality'
  | 'audio-levels'
  | 'token-will-expire'
  | 'token-expired'
  | 'data-message'
  | 'relay-state-changed'
  | 'warning';

/** Provider listeners for the signal events. */
export type SignalListeners = { [E in SignalEvent]: (...args: ProviderEventMap[E]) => void };

/** Network quality and active speaker state, with their forwarding listeners. */
export class RoomSignals {
  #activeSpeaker: string | undefined;
  #networkQuality: NetworkQuality | undefined;
  readonly #emit: EmitRoomEvent;

  constructor(emit: EmitRoomEvent) {
    this.#emit = emit;
  }

  /** The active speaker's id now (`''` for the local user, `undefined` for silence). */
  get activeSpeaker(): string | undefined {
    return this.#activeSpeaker;
  }

  /** The local user's last reported network quality. */
  get networkQuality(): NetworkQuality | undefined {
    return this.#networkQuality;
  }

  /** Forgets everything (the session ended). */
  clear(): void {
    this.#activeSpeaker = undefined;
    this.#networkQuality = undefined;
  }

  /** The provider listeners that feed the signals. */
  listeners(): SignalListeners {
    return {
      'network-quality': (quality) => {
        if (quality.participantId === undefined) this.#networkQuality = quality;
        this.#emit('network-quality', quality);
      },
      'audio-levels': (levels) => {
        this.#emit('audio-levels', levels);
        const speaker = pickActiveSpeaker(levels, this.#activeSpeaker);
        if (speaker === this.#activeSpeaker) return;
        this.#activeSpeaker = speaker;
        this.#emit('active-speaker-changed', speaker);
      },
      'token-will-expire': () => this.#emit('token-will-expire'),
      'token-expired': () => this.#emit('token-expired'),
      'data-message': (message) => this.#emit('data-message', message),
      'relay-state-changed': (state, error) => this.#emit('relay-state-changed', state, error),
      warning: (error) => this.#emit('warning', error),
    };
  }
}
