/**
 * Who exchanged cross-room messages with whom. When one side goes, the
 * other is told (`room-peer-left`), so a PK across rooms learns that its
 * opponent left. Only contacts are told: a room's departures never reach
 * anyone else outside it.
 */

/** Pairs of connections linked by a delivered cross-room message. */
export class Contacts<L> {
  readonly #links = new Map<L, Set<L>>();

  /** Links `a` and `b` both ways. */
  link(a: L, b: L): void {
    this.#side(a).add(b);
    this.#side(b).add(a);
  }

  /** Forgets `line` and returns the connections it was linked to. */
  release(line: L): L[] {
    const linked = [...(this.#links.get(line) ?? [])];
    this.#links.delete(line);
    for (const other of linked) {
      const side = this.#links.get(other);
      side?.delete(line);
      if (side?.size === 0) this.#links.delete(other);
    }
    return linked;
  }

  /** Connections with at least one contact (for tests: nothing may linger). */
  get size(): number {
    return this.#links.size;
  }

  #side(line: L): Set<L> {
    let side = this.#links.get(line);
    if (!side) {
      side = new Set();
      this.#links.set(line, side);
    }
    return side;
  }
}
