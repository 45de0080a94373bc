/**
 * The stage layout as a store: follows the room's publishers and active
 * speaker, recomputes with {@link computeLayout} when they, the container,
 * the mode or the pin change, keeps seats stable by passing the previous
 * layout in, and reports `layout_change` telemetry.
 */

import type { RemoteParticipant } from '@liveroom/core';
import { canPublish, parseInput, type Room } from '@liveroom/core';
import { combineLatest, type Subscription } from 'rxjs';
import * as z from 'zod/mini';
import { Subscribable } from '../store/subscribable.js';
import { type RoomSnapshot, roomStores } from '../stores/room-stores.js';
import type { TelemetryEmitter } from '../telemetry.js';
import { computeLayout } from './compute-layout.js';
import {
  LAYOUT_MODES,
  type Layout,
  type LayoutInput,
  type LayoutMode,
  type LayoutParticipant,
  type Size,
} from './layout-types.js';
import { sameLayout } from './same-layout.js';

/** Options of {@link createLayoutStore}. */
export interface LayoutStoreOptions {
  room: Room;
  mode: LayoutMode;
  /** The stage element's size in CSS pixels (update it with `setContainer`). */
  container: Size;
  aspectRatio?: number;
  guestSeats?: number;
  telemetry?: TelemetryEmitter;
}

const modeSchema = z.enum(LAYOUT_MODES as [LayoutMode, ...LayoutMode[]]);

/** The layout store; create it with {@link createLayoutStore}. */
export class LayoutStore extends Subscribable {
  readonly #telemetry: TelemetryEmitter | undefined;
  readonly #subscription: Subscription;
  #input: LayoutInput;
  #layout: Layout;

  constructor(options: LayoutStoreOptions) {
    super();
    const { room, telemetry, ...rest } = options;
    this.#telemetry = telemetry;
    const stores = roomStores(room);
    this.#input = { ...rest, participants: stageOf(stores.room.getSnapshot(), stores.participants.getSnapshot()) };
    this.#layout = computeLayout(this.#input);
    this.#report(undefined);
    this.#subscription = combineLatest([
      room.connectionState$,
      room.role$,
      room.participants$,
      room.activeSpeaker$,
    ]).subscribe(([, , remote, speaker]) => {
      const self = stores.room.getSnapshot();
      this.#update({
        participants: stageOf(self, remote),
        activeSpeaker: speaker === '' ? self.userId : speaker,
      });
    });
  }

  /** The current layout (same reference while nothing visible changed). */
  readonly getSnapshot = (): Layout => this.#layout;

  /**
   * Follows the stage element's size. An empty size (a hidden element
   * measures 0×0) is ignored and the last layout stays, so resize callbacks
   * need no guard; {@link computeLayout} itself refuses such sizes.
   */
  setContainer(container: Size): void {
    if (!(container.width > 0 && container.height > 0)) return;
    this.#update({ container: { width: container.width, height: container.height } });
  }

  /** Switches the stage mode (e.g. to `pk` when a battle starts). */
  setMode(mode: LayoutMode): void {
    this.#update({ mode: parseInput(modeSchema, mode, 'setMode() mode') });
  }

  /** Pins a participant to the main tile or host seat; `undefined` unpins. */
  pin(participantId: string | undefined): void {
    this.#update({ pinned: participantId });
  }

  /** Stops following the room. */
  destroy(): void {
    this.#subscription.unsubscribe();
  }

  #update(patch: Partial<LayoutInput>): void {
    this.#input = { ...this.#input, ...patch };
    const previous = this.#layout;
    const next = computeLayout({ ...this.#input, previous });
    if (sameLayout(previous, next)) return;
    this.#layout = next;
    this.#report(previous);
    this.notify();
  }

  /** `layout_change` when the mode or the number of tiles changed (not on every resize). */
  #report(previous: Layout | undefined): void {
    const next = this.#layout;
    if (previous && previous.mode === next.mode && previous.tiles.length === next.tiles.length) return;
    this.#telemetry?.emit('layout_change', {
      ...(previous ? { from: previous.mode } : {}),
      to: next.mode,
      tileCount: next.tiles.length,
    });
  }
}

/** Who is on stage: the local user when publishing, then remote hosts and co-hosts in join order. */
function stageOf(self: RoomSnapshot, remote: readonly RemoteParticipant[]): LayoutParticipant[] {
  const local =
    self.userId !== undefined && self.role !== undefined && canPublish(self.role)
      ? [{ id: self.userId, role: self.role }]
      : [];
  return [...local, ...remote.filter((p) => canPublish(p.role)).map((p) => ({ id: p.id, role: p.role }))];
}

/**
 * Creates a layout store over a room. Throws `INVALID_CONFIG` for a bad
 * initial container or mode.
 *
 * @example
 * ```ts
 * const stage = createLayoutStore({ room, mode: 'nine-seat', container: { width: 720, height: 1280 }, telemetry });
 * new ResizeObserver(([e]) => stage.setContainer(e.contentRect)).observe(stageElement);
 * ```
 */
export function createLayoutStore(options: LayoutStoreOptions): LayoutStore {
  return new LayoutStore(options);
}
