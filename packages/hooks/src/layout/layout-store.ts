/**
 * The stage layout as a store: follows the room's publishers and active
 * speaker, recomputes with {@link computeLayout} when they, the container,
 * the mode or the pin change, keeps seats stable by passing the previous
 * layout in, and reports `layout_change` telemetry.
 */

import { canPublish, type Room } from '@liveroom/core';
import { Subscribable } from '../store/subscribable.js';
import { type RoomStores, roomStores } from '../stores/room-stores.js';
import type { TelemetryEmitter } from '../telemetry.js';
import { computeLayout } from './compute-layout.js';
import type { Layout, LayoutInput, LayoutMode, LayoutParticipant, Size } from './layout-types.js';

/** Options of {@link createLayoutStore}. */
export interface LayoutStoreOptions {
  /**
   * The room whose stage this is: the local user while allowed to publish,
   * then remote hosts and co-hosts in join order, get tiles; the audience never does.
   */
  room: Room;
  /** The first mode (change it with `setMode`). */
  mode: LayoutMode;
  /** The stage element's size in CSS pixels (update it with `setContainer`). */
  container: Size;
  /** Video width / height; defaults to 9/16 (portrait phone streams). */
  aspectRatio?: number;
  /** Guest seats in `host-plus-guests`: 1 to 8, default 3. */
  guestSeats?: number;
  /** Receives `layout_change` when the mode or the tile count changes (pass the `QualityCollector`). */
  telemetry?: TelemetryEmitter;
}

/** The layout store; create it with {@link createLayoutStore}. */
export class LayoutStore extends Subscribable {
  readonly #telemetry: TelemetryEmitter | undefined;
  readonly #stores: RoomStores;
  readonly #stops: (() => void)[];
  #input: LayoutInput;
  #layout: Layout;

  constructor(options: LayoutStoreOptions) {
    super();
    const { room, telemetry, ...rest } = options;
    this.#telemetry = telemetry;
    this.#stores = roomStores(room);
    this.#input = { ...rest, ...this.#stage() };
    this.#layout = computeLayout(this.#input);
    this.#report();
    const { room: session, participants, activeSpeaker } = this.#stores;
    this.#stops = [session, participants, activeSpeaker].map((store) =>
      store.subscribe(() => this.#update(this.#stage())),
    );
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
    this.#update({ mode });
  }

  /** Pins a participant to the main tile or host seat; `undefined` unpins. */
  pin(participantId: string | undefined): void {
    this.#update({ pinned: participantId });
  }

  /** Stops following the room. */
  destroy(): void {
    for (const stop of this.#stops) stop();
  }

  /**
   * Who is on stage: the local user when publishing, then remote hosts and
   * co-hosts in join order; and who speaks (the local user by id).
   */
  #stage(): Pick<LayoutInput, 'participants' | 'activeSpeaker'> {
    const { userId, role } = this.#stores.room.getSnapshot();
    const local: LayoutParticipant[] =
      userId !== undefined && role !== undefined && canPublish(role) ? [{ id: userId, role }] : [];
    const remote = this.#stores.participants.getSnapshot().filter((p) => canPublish(p.role));
    const speaker = this.#stores.activeSpeaker.getSnapshot();
    return {
      // computeLayout reads only `id` and `role` from them.
      participants: [...local, ...remote],
      activeSpeaker: speaker === '' ? userId : speaker,
    };
  }

  /** Recomputes with `patch` (validated by {@link computeLayout}, which throws before anything changes). */
  #update(patch: Partial<LayoutInput>): void {
    const previous = this.#layout;
    const input = { ...this.#input, ...patch };
    const next = computeLayout({ ...input, previous });
    this.#input = input;
    // Layouts are plain data built in one key order: equal JSON draws the same stage.
    if (JSON.stringify(previous) === JSON.stringify(next)) return;
    this.#layout = next;
    this.#report(previous);
    this.notify();
  }

  /** `layout_change` when the mode or the number of tiles changed (not on every resize). */
  #report(previous?: Layout): void {
    const next = this.#layout;
    if (previous && previous.mode === next.mode && previous.tiles.length === next.tiles.length) return;
    this.#telemetry?.emit('layout_change', {
      ...(previous ? { from: previous.mode } : {}),
      to: next.mode,
      tileCount: next.tiles.length,
    });
  }
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
