/**
 * Who sits where. A participant who stays keeps their seat when others come
 * and go, so video tiles do not jump around (pass the previous layout in).
 */
import type { Layout, LayoutMode, Tile } from './layout-types.js';

/** Seats by participant id, and those who found no seat. */
export interface SeatPlan {
  seats: Map<string, number>;
  overflow: string[];
}

/** What seats are kept from: the previous layout's mode and who held which seat. */
export interface SeatHistory {
  mode: Layout['mode'] | (string & {});
  tiles: readonly Pick<Tile, 'participantId' | 'seat'>[];
}

/** The previous layout's seats, when it was of the same mode. */
export function previousSeats(previous: SeatHistory | undefined, mode: LayoutMode): Map<string, number> {
  return new Map(previous?.mode === mode ? previous.tiles.map((tile) => [tile.participantId, tile.seat]) : []);
}

/**
 * Fixed seats (`nine-seat`, `host-plus-guests`, `pk`): everyone keeps the
 * exact seat they held, and newcomers take the lowest free seats in input
 * order. `reserved` seats (the host's) are assigned first.
 */
export function fixedSeats(
  ids: readonly string[],
  capacity: number,
  before: ReadonlyMap<string, number>,
  reserved: ReadonlyMap<string, number>,
): SeatPlan {
  const seats = new Map(reserved);
  const taken = (seat: number) => [...seats.values()].includes(seat); // at most `capacity` seats to look through
  for (const id of ids) {
    const seat = before.get(id);
    if (!seats.has(id) && seat !== undefined && seat < capacity && !taken(seat)) seats.set(id, seat);
  }
  const overflow: string[] = [];
  let free = 0;
  for (const id of ids) {
    if (seats.has(id)) continue;
    while (taken(free)) free++;
    if (free < capacity) seats.set(id, free);
    else overflow.push(id);
  }
  return { seats, overflow };
}

/**
 * Flowing seats (`grid`, `speaker` strip): the ones who stay keep their
 * order, newcomers join at the end, and seats are renumbered without gaps,
 * because a grid with holes wastes the screen. `first` goes to seat 0.
 */
export function flowingSeats(
  ids: readonly string[],
  capacity: number,
  before: ReadonlyMap<string, number>,
  first?: string,
): SeatPlan {
  // `first`, then the stayers by their old seat, then the newcomers (Infinity − Infinity is NaN, which
  // sort reads as a tie, and sort is stable: they keep their input order).
  const rank = (id: string) => (id === first ? -1 : (before.get(id) ?? Number.POSITIVE_INFINITY));
  const ordered = [...ids].sort((a, b) => rank(a) - rank(b));
  const seats = new Map<string, number>();
  for (const [seat, id] of ordered.entries()) if (seat < capacity) seats.set(id, seat);
  return { seats, overflow: ids.filter((id) => !seats.has(id)) };
}
