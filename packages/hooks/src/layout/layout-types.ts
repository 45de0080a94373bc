/** The shapes the layout engine takes and returns. */
import type { Role } from '@liveroom/core';

/** The stage arrangements the engine knows. */
export type LayoutMode = 'grid' | 'speaker' | 'pk' | 'host-plus-guests' | 'nine-seat';

/** Every layout mode. */
export const LAYOUT_MODES: readonly LayoutMode[] = ['grid', 'speaker', 'pk', 'host-plus-guests', 'nine-seat'];

/**
 * A rectangle in the container's pixels (CSS pixels when the container size
 * came from the DOM), origin at its top-left corner: position a tile with
 * `left: x; top: y; width; height` inside a `position: relative` stage.
 */
export interface Rect {
  /** Distance from the container's left edge. */
  x: number;
  /** Distance from the container's top edge. */
  y: number;
  /** Width (for tiles and vacant seats, width / height is the video's aspect ratio). */
  width: number;
  /** Height. */
  height: number;
}

/** Width and height in pixels (CSS pixels for a stage element). */
export interface Size {
  /** Width, above 0. */
  width: number;
  /** Height, above 0. */
  height: number;
}

/** Someone who may get a tile. The role picks the host in host-centred modes. */
export interface LayoutParticipant {
  /** The participant's id (`RemoteParticipant.id`, or the local `userId`); tiles carry it as `participantId`. */
  id: string;
  /**
   * In `pk`, `host-plus-guests` and `nine-seat`, the first `host` takes
   * seat 0 (unless someone is pinned); without a host, the first participant does.
   */
  role?: Role | undefined;
}

/** What a tile is for, so the UI can style it. */
export type TileArea = 'cell' | 'main' | 'strip' | 'left' | 'right';

/** One video tile: where to draw whose video. */
export interface Tile extends Rect {
  /** Whose video to draw here (a {@link LayoutParticipant.id}). */
  participantId: string;
  /** The seat the participant holds; kept across layouts while they stay (see `previous`). */
  seat: number;
  /** What the tile is for (`main`, `strip`, `left`…), for styling. */
  area: TileArea;
}

/** A seat nobody holds, for fixed-seat modes (`host-plus-guests`, `nine-seat`, `pk`), e.g. to draw "join" buttons. */
export interface VacantSeat extends Rect {
  /** The seat number a newcomer would take (the lowest free seat is taken first). */
  seat: number;
}

/** The result of {@link computeLayout}. Plain data, safe to compare and serialise. */
export interface Layout {
  /** The mode this layout was computed in. */
  mode: LayoutMode;
  /** The container size it was computed for; every tile lies inside it. */
  container: Size;
  /** One tile per seated participant, in seat order; tiles never overlap. */
  tiles: readonly Tile[];
  /** Free seats in fixed-seat modes (`pk`, `host-plus-guests`, `nine-seat`), in seat order; empty in `grid` and `speaker`. */
  vacant: readonly VacantSeat[];
  /** Participants with no seat left (more guests than seats), in input order. */
  overflow: readonly string[];
  /** The PK score bar's area (`pk` mode only). */
  scoreBar: Rect | undefined;
}

/** Input of {@link computeLayout}. */
export interface LayoutInput {
  /** Who may get a tile, in stage order (newcomers take seats in this order); ids must be unique. */
  participants: readonly LayoutParticipant[];
  /** The stage size in pixels; width and height above 0. */
  container: Size;
  /** The arrangement (see {@link computeLayout}). */
  mode: LayoutMode;
  /** Forced into the main tile (speaker), the host seat (host modes) or the first cell (grid). */
  pinned?: string | undefined;
  /** The speaker for `speaker` mode when nobody is pinned. */
  activeSpeaker?: string | undefined;
  /** The last layout, so seated participants keep their seats. */
  previous?: Layout | undefined;
  /** Video width / height. Defaults to 9/16: live-commerce hosts stream portrait from phones. */
  aspectRatio?: number | undefined;
  /** Guest seats in `host-plus-guests` (default 3, at most 8). */
  guestSeats?: number | undefined;
}
