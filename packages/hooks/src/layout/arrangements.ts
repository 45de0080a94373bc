/**
 * One arrangement per layout mode: who gets which seat, and where each seat
 * is. Seats are placed in disjoint cells and each tile is fitted inside its
 * cell at the video's aspect ratio, so tiles never overlap and stay in bounds.
 */
import { fit, gridCells, gridShape, mainAndStrip } from './geometry.js';
import type { Layout, LayoutInput, Rect, Size, Tile, TileArea, VacantSeat } from './layout-types.js';
import { fixedSeats, flowingSeats, previousSeats, type SeatHistory, type SeatPlan } from './seats.js';

/** Most tiles in `grid` mode. */
export const MAX_GRID_TILES = 16;
/** Most small tiles beside the speaker. */
export const MAX_SPEAKER_STRIP = 8;
/** Share of the container's side that a strip of small tiles takes. */
const STRIP_SHARE = 0.25;
/** Share of the PK stage's height that the score bar takes. */
const SCORE_BAR_SHARE = 0.08;

/** Validated input with its defaults applied. */
export type ArrangementInput = Required<Pick<LayoutInput, 'participants' | 'container' | 'mode'>> &
  Pick<LayoutInput, 'pinned' | 'activeSpeaker'> & {
    previous?: SeatHistory | undefined;
    aspectRatio: number;
    guestSeats: number;
  };

type Arranged = Pick<Layout, 'tiles' | 'vacant' | 'overflow' | 'scoreBar'>;

/** Where each seat sits (seat `n` in `cells[n]`, one seat per cell), and how its tile is fitted. */
interface SeatMap {
  cells: Rect[];
  area(seat: number): TileArea;
  topAligned?: boolean;
}

/** Lays out `input` in its mode. */
export function arrange(input: ArrangementInput): Arranged {
  switch (input.mode) {
    case 'grid':
      return grid(input);
    case 'speaker':
      return speaker(input);
    case 'pk':
      return pk(input);
    case 'host-plus-guests':
      return hostPlusGuests(input);
    case 'nine-seat':
      return nineSeat(input);
  }
}

function ids(input: ArrangementInput): string[] {
  return input.participants.map((p) => p.id);
}

/** One seat per cell of a `cols` × `rows` grid filling the container (`count` cells), in order. */
function gridSeats(container: Size, count: number, cols: number, rows: number): SeatMap {
  return { cells: gridCells({ x: 0, y: 0, ...container }, count, cols, rows), area: () => 'cell' };
}

/** Seat 0 in the main area, the others along a strip of `count` cells. */
function mainAndStripSeats(container: Size, count: number): SeatMap {
  return { cells: mainAndStrip(container, count, STRIP_SHARE), area: (seat) => (seat === 0 ? 'main' : 'strip') };
}

function grid(input: ArrangementInput): Arranged {
  const plan = flowingSeats(ids(input), MAX_GRID_TILES, previousSeats(input.previous, 'grid'), input.pinned);
  const { cols, rows } = gridShape(plan.seats.size, input.container, input.aspectRatio);
  return place(plan, gridSeats(input.container, plan.seats.size, cols, rows), input, false);
}

/**
 * The speaker takes the main tile: the pinned participant, else the active
 * speaker; in silence whoever held it keeps it (seat 0 sorts first).
 */
function speaker(input: ArrangementInput): Arranged {
  const present = ids(input);
  const main = [input.pinned, input.activeSpeaker].find((id) => id !== undefined && present.includes(id));
  const plan = flowingSeats(present, MAX_SPEAKER_STRIP + 1, previousSeats(input.previous, 'speaker'), main);
  return place(plan, mainAndStripSeats(input.container, Math.max(0, plan.seats.size - 1)), input, false);
}

/**
 * A host-centred stage of fixed seats, free ones listed: the host in seat 0
 * (pinned, else the first `host`, else the first participant).
 */
function hosted(input: ArrangementInput, seats: SeatMap): Arranged {
  const { participants, pinned } = input;
  const host =
    participants.find((p) => p.id === pinned) ?? participants.find((p) => p.role === 'host') ?? participants[0];
  const reserved = new Map(host ? [[host.id, 0]] : []);
  const before = previousSeats(input.previous, input.mode);
  return place(fixedSeats(ids(input), seats.cells.length, before, reserved), seats, input, true);
}

/** Two halves side by side (local host left, opponent right) and a score bar right under them. */
function pk(input: ArrangementInput): Arranged {
  const { width, height } = input.container;
  const barHeight = height * SCORE_BAR_SHARE;
  const halves = gridCells({ x: 0, y: 0, width, height: height - barHeight }, 2, 2, 1);
  const seats: SeatMap = { cells: halves, area: (seat) => (seat === 0 ? 'left' : 'right'), topAligned: true };
  const arranged = hosted(input, seats);
  const videoHeight = fit(halves[0]!, input.aspectRatio, true).height;
  return { ...arranged, scoreBar: { x: 0, y: videoHeight, width, height: barHeight } };
}

/** The host large, guests in a strip of fixed seats beside or below. */
function hostPlusGuests(input: ArrangementInput): Arranged {
  return hosted(input, mainAndStripSeats(input.container, input.guestSeats));
}

/** The live-commerce 3×3 stage: the host in seat 0 (top left), eight guest seats. */
function nineSeat(input: ArrangementInput): Arranged {
  return hosted(input, gridSeats(input.container, 9, 3, 3));
}

function place(plan: SeatPlan, seats: SeatMap, input: ArrangementInput, listVacant: boolean): Arranged {
  const rect = (seat: number) => fit(seats.cells[seat]!, input.aspectRatio, seats.topAligned);
  const tiles: Tile[] = [...plan.seats].map(([participantId, seat]) => ({
    participantId,
    seat,
    area: seats.area(seat),
    ...rect(seat),
  }));
  const vacant: VacantSeat[] = [];
  for (let seat = 0; listVacant && seat < seats.cells.length; seat++)
    if (!tiles.some((tile) => tile.seat === seat)) vacant.push({ seat, ...rect(seat) });
  return { tiles: tiles.sort((a, b) => a.seat - b.seat), vacant, overflow: plan.overflow, scoreBar: undefined };
}
