/** Whether two layouts would draw the same thing, so a store can keep its old snapshot. */
import type { Layout, Rect } from './layout-types.js';

function sameRect(a: Rect | undefined, b: Rect | undefined): boolean {
  if (!a || !b) return a === b;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

/** True when mode, tiles, vacant seats, overflow and score bar are all equal. */
export function sameLayout(a: Layout, b: Layout): boolean {
  return (
    a.mode === b.mode &&
    a.container.width === b.container.width &&
    a.container.height === b.container.height &&
    sameRect(a.scoreBar, b.scoreBar) &&
    a.overflow.length === b.overflow.length &&
    a.overflow.every((id, i) => id === b.overflow[i]) &&
    a.vacant.length === b.vacant.length &&
    a.vacant.every((v, i) => v.seat === b.vacant[i]?.seat && sameRect(v, b.vacant[i])) &&
    a.tiles.length === b.tiles.length &&
    a.tiles.every((t, i) => {
      const u = b.tiles[i];
      return (
        u !== undefined &&
        t.participantId === u.participantId &&
        t.seat === u.seat &&
        t.area === u.area &&
        sameRect(t, u)
      );
    })
  );
}
