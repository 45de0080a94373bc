import { isLiveroomError } from '@liveroom/core';
import { describe, expect, it, test } from 'vitest';
import { computeLayout } from '../src/layout/compute-layout.js';
import type { LayoutInput, LayoutMode, Size } from '../src/layout/layout-types.js';
import { expectSound, people, seatsOf } from './fixtures/layout.js';

const portrait: Size = { width: 720, height: 1280 };
const landscape: Size = { width: 1920, height: 1080 };

describe('computeLayout: every mode gives a sound layout', () => {
  test.each<[LayoutMode, number, Size, number, number]>([
    // mode, participants, container, tiles, overflow
    ['grid', 1, landscape, 1, 0],
    ['grid', 5, landscape, 5, 0],
    ['grid', 16, portrait, 16, 0],
    ['grid', 17, landscape, 16, 1],
    ['speaker', 1, portrait, 1, 0],
    ['speaker', 4, landscape, 4, 0],
    ['speaker', 12, portrait, 9, 3],
    ['pk', 2, portrait, 2, 0],
    ['pk', 3, landscape, 2, 1],
    ['host-plus-guests', 3, portrait, 3, 0],
    ['host-plus-guests', 6, landscape, 4, 2],
    ['nine-seat', 4, portrait, 4, 0],
    ['nine-seat', 11, portrait, 9, 2],
  ])('%s with %i participants in %o', (mode, count, container, tiles, overflow) => {
    const participants = people(count);
    const layout = computeLayout({ participants, container, mode });
    expect(layout.tiles).toHaveLength(tiles);
    expect(layout.overflow).toHaveLength(overflow);
    expectSound(layout, participants);
  });
});

describe('computeLayout: geometry', () => {
  test.each<[number, Size, number, number]>([
    // count, container, expected columns (distinct x positions in the first row), rows
    [4, { width: 1920, height: 1080 }, 4, 1],
    [4, { width: 720, height: 1280 }, 2, 2],
    [9, { width: 1000, height: 1000 }, 5, 2],
    [16, { width: 1280, height: 1280 }, 6, 3],
  ])('grid of %i portrait tiles in %o uses %i columns, %i rows', (count, container, cols, rows) => {
    const layout = computeLayout({ participants: people(count), container, mode: 'grid' });
    expect(new Set(layout.tiles.map((t) => Math.round(t.y))).size).toBe(rows);
    expect(layout.tiles.filter((t) => t.y === layout.tiles[0]!.y)).toHaveLength(cols);
  });

  it('centres a short last row', () => {
    const layout = computeLayout({
      participants: people(3),
      container: { width: 400, height: 400 },
      mode: 'grid',
      aspectRatio: 1,
    });
    expect(layout.tiles.map((t) => [t.x, t.y])).toEqual([
      [0, 0],
      [200, 0],
      [100, 200],
    ]);
  });

  it('puts the PK score bar right under the two halves', () => {
    const layout = computeLayout({ participants: people(2), container: { width: 720, height: 1280 }, mode: 'pk' });
    const [left, right] = layout.tiles;
    expect(left).toMatchObject({ area: 'left', participantId: 'p0', x: 0, y: 0 });
    expect(right).toMatchObject({ area: 'right', participantId: 'p1', x: 360 });
    expect(layout.scoreBar).toEqual({ x: 0, y: left!.height, width: 720, height: 1280 * 0.08 });
  });

  it('keeps the video aspect ratio asked for', () => {
    const layout = computeLayout({ participants: people(3), container: landscape, mode: 'grid', aspectRatio: 16 / 9 });
    expectSound(layout, people(3), 16 / 9);
  });
});

describe('computeLayout: who sits where', () => {
  it('gives the speaker the main tile, and the pinned participant over the speaker', () => {
    const participants = people(4);
    expect(
      computeLayout({ participants, container: landscape, mode: 'speaker', activeSpeaker: 'p2' }).tiles[0],
    ).toMatchObject({
      participantId: 'p2',
      area: 'main',
    });
    const pinned = computeLayout({
      participants,
      container: landscape,
      mode: 'speaker',
      activeSpeaker: 'p2',
      pinned: 'p3',
    });
    expect(pinned.tiles[0]?.participantId).toBe('p3');
  });

  it('keeps the main tile on the last speaker during silence', () => {
    const participants = people(4);
    const talking = computeLayout({ participants, container: landscape, mode: 'speaker', activeSpeaker: 'p2' });
    const silence = computeLayout({ participants, container: landscape, mode: 'speaker', previous: talking });
    expect(silence.tiles[0]?.participantId).toBe('p2');
  });

  it('seats the host in seat 0 whatever the input order', () => {
    const participants = [{ id: 'guest' }, { id: 'boss', role: 'host' as const }];
    expect(seatsOf(computeLayout({ participants, container: portrait, mode: 'nine-seat' }))).toEqual({
      boss: 0,
      guest: 1,
    });
  });

  test.each<LayoutMode>(['nine-seat', 'host-plus-guests', 'pk'])(
    '%s: a guest keeps the exact seat when another leaves',
    (mode) => {
      const before = computeLayout({ participants: people(4), container: portrait, mode, guestSeats: 3 });
      const after = computeLayout({
        participants: people(4).filter((p) => p.id !== 'p1'),
        container: portrait,
        mode,
        previous: before,
      });
      const seatedBefore = seatsOf(before);
      for (const tile of after.tiles) {
        if (tile.participantId in seatedBefore) expect(tile.seat).toBe(seatedBefore[tile.participantId]);
      }
      if (mode !== 'pk') expect(after.vacant.map((v) => v.seat)).toContain(1);
    },
  );

  it('grid: the others keep their order when someone leaves, and a newcomer joins at the end', () => {
    const before = computeLayout({ participants: people(4), container: landscape, mode: 'grid' });
    const rest = people(4).filter((p) => p.id !== 'p1');
    const after = computeLayout({
      participants: [{ id: 'new' }, ...rest],
      container: landscape,
      mode: 'grid',
      previous: before,
    });
    expect(after.tiles.map((t) => t.participantId)).toEqual(['p0', 'p2', 'p3', 'new']);
  });

  it('fills a freed seat with the first newcomer', () => {
    const before = computeLayout({ participants: people(9), container: portrait, mode: 'nine-seat' });
    const after = computeLayout({
      participants: [...people(9).filter((p) => p.id !== 'p4'), { id: 'late' }],
      container: portrait,
      mode: 'nine-seat',
      previous: before,
    });
    expect(seatsOf(after).late).toBe(4);
  });
});

describe('computeLayout: bad input', () => {
  test.each<[string, Partial<LayoutInput>, string]>([
    ['a zero-width container', { container: { width: 0, height: 100 } }, 'container.width'],
    ['a negative height', { container: { width: 100, height: -5 } }, 'container.height'],
    ['an infinite container', { container: { width: Number.POSITIVE_INFINITY, height: 100 } }, 'container.width'],
    ['an unknown mode', { mode: 'circle' as LayoutMode }, 'mode'],
    ['a participant listed twice', { participants: [{ id: 'a' }, { id: 'a' }] }, 'participants'],
    ['an empty participant id', { participants: [{ id: '' }] }, 'participants.0.id'],
    ['ten guest seats', { mode: 'host-plus-guests', guestSeats: 10 }, 'guestSeats'],
  ])('%s throws INVALID_CONFIG', (_name, patch, path) => {
    const input: LayoutInput = { participants: people(2), container: portrait, mode: 'grid', ...patch };
    let error: unknown;
    try {
      computeLayout(input);
    } catch (e) {
      error = e;
    }
    expect(isLiveroomError(error, 'INVALID_CONFIG')).toBe(true);
    expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toContain(path);
  });

  test.each<[LayoutMode, number]>([
    ['speaker', -3],
    ['nine-seat', -3],
    ['host-plus-guests', 0.5],
  ])('%s: a previous seat of %d throws INVALID_CONFIG naming the seat', (mode, seat) => {
    // A hand-made previous layout: in speaker mode such a seat took the main tile from the speaker, in fixed modes it threw a TypeError.
    const previous = computeLayout({ participants: people(3), container: portrait, mode });
    const tiles = previous.tiles.map((tile) => (tile.participantId === 'p2' ? { ...tile, seat } : tile));
    expect(() =>
      computeLayout({
        participants: people(3),
        container: portrait,
        mode,
        activeSpeaker: 'p1',
        previous: { ...previous, tiles },
      }),
    ).toThrow(/previous\.tiles\.\d\.seat: must be (a whole number|at least 0)/);
  });

  it('says a zero container side must be above 0', () => {
    expect(() =>
      computeLayout({ participants: people(2), container: { width: 0, height: 100 }, mode: 'grid' }),
    ).toThrow(/container\.width.*must be above 0/);
  });

  it('lists more guests than seats in overflow (documented fallback), in input order', () => {
    const layout = computeLayout({
      participants: people(6),
      container: portrait,
      mode: 'host-plus-guests',
      guestSeats: 2,
    });
    expect(layout.overflow).toEqual(['p3', 'p4', 'p5']);
  });

  it('lays out an empty stage as no tiles', () => {
    expect(computeLayout({ participants: [], container: portrait, mode: 'grid' }).tiles).toEqual([]);
    expect(computeLayout({ participants: [], container: portrait, mode: 'nine-seat' }).vacant).toHaveLength(9);
  });
});
