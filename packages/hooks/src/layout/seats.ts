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
  if (!previous || previous.mode !== mode) return new Map();
  return new Map(previous.tiles.map((tile) => [tile.participantId, tile.seat]));
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
  reserved: ReadonlyMap<string, number> = new Map(),
): SeatPlan {
  const seats = new Map(reserved);
  const taken = new Set(reserved.values());
  for (const id of ids) {
    const seat = before.get(id);
    if (seats.has(id) || seat === undefined || seat >= capacity || taken.has(seat)) continue;
    seats.set(id, seat);
    taken.add(seat);
  }
  const overflow: string[] = [];
  let free = 0;
  for (const id of ids) {
    if (seats.has(id)) continue;
    while (taken.has(free)) free++;
    if (free >= capacity) overflow.push(id);
    else {
      seats.set(id, free);
      taken.add(free);
    }
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
  const stayers = ids.filter((id) => before.has(id)).sort((a, b) => before.get(a)! - before.get(b)!);
  const ordered = [...stayers, ...ids.filter((id) => !before.has(id))];
  if (first !== undefined && ordered.includes(first)) {
    ordered.splice(ordered.indexOf(first), 1);
    ordered.unshift(first);
  }
  const seats = new Map<string, number>();
  for (const [seat, id] of ordered.entries()) if (seat < capacity) seats.set(id, seat);
  return { seats, overflow: ids.filter((id) => !seats.has(id)) };
}
