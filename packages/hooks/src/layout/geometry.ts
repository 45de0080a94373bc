/** Rectangle arithmetic for the layout engine. */
import type { Rect, Size } from './layout-types.js';

/**
 * The largest rectangle of `aspect` (width / height) inside `cell`,
 * centred horizontally, and vertically unless `top` is set.
 */
export function fit(cell: Rect, aspect: number, top = false): Rect {
  const width = Math.min(cell.width, cell.height * aspect);
  const height = width / aspect;
  return {
    x: cell.x + (cell.width - width) / 2,
    y: top ? cell.y : cell.y + (cell.height - height) / 2,
    width,
    height,
  };
}

/**
 * Columns and rows for `count` tiles of `aspect` in `container`, chosen so
 * the tiles come out as large as possible.
 */
export function gridShape(count: number, container: Size, aspect: number): { cols: number; rows: number } {
  // Every tile has the same aspect, so the widest is also the largest. The first candidate always wins over width 0.
  let best = { cols: 1, rows: 1, width: 0 };
  for (let cols = 1; cols <= Math.max(1, count); cols++) {
    const rows = Math.max(1, Math.ceil(count / cols));
    const { width } = fit({ x: 0, y: 0, width: container.width / cols, height: container.height / rows }, aspect);
    if (width > best.width) best = { cols, rows, width };
  }
  return best;
}

/**
 * `count` cells of a `cols`-wide grid over `area`, row by row. A short last
 * row is centred, as video grids usually are.
 */
export function gridCells(area: Rect, count: number, cols: number, rows: number): Rect[] {
  const width = area.width / cols;
  const height = area.height / rows;
  const cells: Rect[] = [];
  for (let i = 0; i < count; i++) {
    const row = Math.floor(i / cols);
    const inRow = Math.min(cols, count - row * cols);
    const offset = ((cols - inRow) * width) / 2;
    cells.push({ x: area.x + offset + (i % cols) * width, y: area.y + row * height, width, height });
  }
  return cells;
}

/**
 * Splits `container` into a main area and a strip of `count` equal cells:
 * the strip runs down the right side of a landscape container and along the
 * bottom of a portrait one, taking `share` of that side. Returns the main
 * area first, then the strip's cells in order.
 */
export function mainAndStrip(container: Size, count: number, share: number): Rect[] {
  const { width: w, height: h } = container;
  if (count === 0) return [{ x: 0, y: 0, width: w, height: h }];
  if (w > h) {
    const stripWidth = w * share;
    const main = { x: 0, y: 0, width: w - stripWidth, height: h };
    return [main, ...gridCells({ x: main.width, y: 0, width: stripWidth, height: h }, count, 1, count)];
  }
  const stripHeight = h * share;
  const main = { x: 0, y: 0, width: w, height: h - stripHeight };
  return [main, ...gridCells({ x: 0, y: main.height, width: w, height: stripHeight }, count, count, 1)];
}
