/**
 * The room's passing signals: network quality, audio levels and the active
 * speaker derived from them, plus the provider events the room forwards as
 * they are (tokens, data messages, relay state, warnings).
 */
import { BehaviorSubject, type Observable } from 'rxjs';
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
  readonly #activeSpeaker = new BehaviorSubject<string | undefined>(undefined);
  readonly #networkQuality = new BehaviorSubject<NetworkQuality | undefined>(undefined);
  readonly #emit: EmitRoomEvent;

  /** The active speaker's id (`''` for the local user, `undefined` for silence), on every change. */
  readonly activeSpeaker$: Observable<string | undefined> = this.#activeSpeaker.asObservable();
  /** The local user's network quality, on every report. */
  readonly networkQuality$: Observable<NetworkQuality | undefined> = this.#networkQuality.asObservable();

  constructor(emit: EmitRoomEvent) {
    this.#emit = emit;
  }

  /** The active speaker now. */
  get activeSpeaker(): string | undefined {
    return this.#activeSpeaker.value;
  }

  /** Forgets everything (the session ended). */
  clear(): void {
    this.#activeSpeaker.next(undefined);
    this.#networkQuality.next(undefined);
  }

  /** The provider listeners that feed the signals. */
  listeners(): SignalListeners {
    return {
      'network-quality': (quality) => {
        if (quality.participantId === undefined) this.#networkQuality.next(quality);
        this.#emit('network-quality', quality);
      },
      'audio-levels': (levels) => {
        this.#emit('audio-levels', levels);
        const speaker = pickActiveSpeaker(levels, this.#activeSpeaker.value);
        if (speaker === this.#activeSpeaker.value) return;
        this.#activeSpeaker.next(speaker);
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
