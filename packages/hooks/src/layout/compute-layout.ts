/**
 * The layout engine's entry point: validates the input and lays out the
 * stage in the requested mode. Pure: same input, same layout.
 */
import { parseInput, ROLES, wholeNumber, withDefaults } from '@liveroom/core';
import * as z from 'zod/mini';
import { arrange } from './arrangements.js';
import { LAYOUT_MODES, type Layout, type LayoutInput } from './layout-types.js';

/**
 * Finite (as every zod number) and above zero. A refine rather than
 * `z.gt(0)`: no other browser package uses `z.gt`, and core's messages read
 * an exclusive bound as "must be at least 0", which 0 is.
 */
const positive = z.number().check(z.refine((n) => n > 0, 'must be above 0'));

const layoutInputSchema = z.object({
  participants: z
    .array(z.object({ id: z.string().check(z.minLength(1)), role: z.optional(z.enum(ROLES)) }))
    .check(
      z.refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'must not list a participant twice'),
    ),
  container: z.object({ width: positive, height: positive }),
  mode: z.enum(LAYOUT_MODES as [LayoutInput['mode'], ...LayoutInput['mode'][]]),
  pinned: z.optional(z.string()),
  activeSpeaker: z.optional(z.string()),
  /** Only what keeps seats stable is read from the previous layout. */
  previous: z.optional(
    z.object({
      mode: z.string(),
      tiles: z.array(z.object({ participantId: z.string(), seat: wholeNumber(0) })),
    }),
  ),
  aspectRatio: z.optional(positive),
  guestSeats: z.optional(wholeNumber(1, 8)),
});

/**
 * Lays out video tiles for a stage.
 *
 * - `grid`: up to 16 tiles, as large as the container allows; a short last row is centred.
 * - `speaker`: the pinned participant or the active speaker large, up to 8 others in a strip.
 * - `pk`: two halves (the host left, the opponent right) and a `scoreBar` under them.
 * - `host-plus-guests`: the host large and `guestSeats` fixed guest seats.
 * - `nine-seat`: the live-commerce 3×3 stage, the host in seat 0.
 *
 * Participants who stay keep their seat when others leave (pass `previous`):
 * exactly in the fixed-seat modes, and in order in `grid` and `speaker`.
 * Participants beyond the seats are listed in `overflow`, never dropped
 * silently. Throws `INVALID_CONFIG` for a zero or negative container, an
 * unknown mode or a duplicated participant.
 *
 * @example
 * ```ts
 * const layout = computeLayout({ participants, container: { width: 720, height: 1280 }, mode: 'nine-seat', previous });
 * for (const tile of layout.tiles) position(videoOf(tile.participantId), tile);
 * ```
 */
export function computeLayout(input: LayoutInput): Layout {
  // zod's output is a copy holding only the fields it knows, so the layout shares nothing with `input`.
  const parsed = parseInput(layoutInputSchema, input, 'computeLayout() input');
  return {
    mode: parsed.mode,
    container: parsed.container,
    ...arrange(withDefaults({ aspectRatio: 9 / 16, guestSeats: 3 }, parsed)),
  };
}
