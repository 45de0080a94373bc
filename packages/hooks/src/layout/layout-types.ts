/** The shapes the layout engine takes and returns. */
import type { Role } from '@liveroom/core';

/** The stage arrangements the engine knows. */
export type LayoutMode = 'grid' | 'speaker' | 'pk' | 'host-plus-guests' | 'nine-seat';

/** Every layout mode. */
export const LAYOUT_MODES: readonly LayoutMode[] = ['grid', 'speaker', 'pk', 'host-plus-guests', 'nine-seat'];

/** A rectangle in container pixels, origin top-left. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Width and height in pixels. */
export interface Size {
  width: number;
  height: number;
}

/** Someone who may get a tile. The role picks the host in host-centred modes. */
export interface LayoutParticipant {
  id: string;
  role?: Role | undefined;
}

/** What a tile is for, so the UI can style it. */
export type TileArea = 'cell' | 'main' | 'strip' | 'left' | 'right';

/** One video tile: where to draw whose video. */
export interface Tile extends Rect {
  participantId: string;
  /** The seat the participant holds; kept across layouts while they stay (see `previous`). */
  seat: number;
  area: TileArea;
}

/** A seat nobody holds, for fixed-seat modes (`host-plus-guests`, `nine-seat`, `pk`), e.g. to draw "join" buttons. */
export interface VacantSeat extends Rect {
  seat: number;
}

/** The result of {@link computeLayout}. Plain data, safe to compare and serialise. */
export interface Layout {
  mode: LayoutMode;
  container: Size;
  tiles: readonly Tile[];
  vacant: readonly VacantSeat[];
  /** Participants with no seat left (more guests than seats), in input order. */
  overflow: readonly string[];
  /** The PK score bar's area (`pk` mode only). */
  scoreBar: Rect | undefined;
}

/** Input of {@link computeLayout}. */
export interface LayoutInput {
  participants: readonly LayoutParticipant[];
  container: Size;
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
