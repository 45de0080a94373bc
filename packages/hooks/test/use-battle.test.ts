// @vitest-environment happy-dom
// happy-dom rather than jsdom: see react-hooks.test.ts.
import { act, cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BattleStore, createBattleStore } from '../src/pk/battle-store.js';
import { DEFAULT_BATTLE_TIMINGS as T } from '../src/pk/battle-types.js';
import { createRoomDataPkTransport } from '../src/pk/room-data-transport.js';
import { type BattleClockSource, broadcastBattle, createSpectatorStore } from '../src/pk/spectator.js';
import { useBattle } from '../src/react/battle-hooks.js';
import { joinHost, linkDataMessages, settle, type TestHost } from './fixtures/rooms.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const stop of cleanups.splice(0)) stop();
  vi.useRealTimers();
});

/** Two hosts of one room battling, Alice broadcasting, and Carol watching with a clock 30 s behind. */
async function battleWithViewer() {
  const alice = await joinHost('alice', 'shop-1');
  const bob = await joinHost('bob', 'shop-1');
  const carol = await joinHost('carol', 'shop-1', 30_000);
  const everyone = [alice, bob, carol];
  for (const host of everyone) {
    for (const other of everyone) {
      if (other !== host) host.provider.remoteJoin(other.room.userId!, other === carol ? 'audience' : 'host');
    }
  }
  linkDataMessages(everyone);
  const store = (h: TestHost): BattleStore => {
    const s = createBattleStore({ room: h.room, transport: createRoomDataPkTransport(h.room), clock: h.clock });
    cleanups.push(() => s.destroy());
    return s;
  };
  const [a, b] = [store(alice), store(bob)];
  cleanups.push(broadcastBattle(a, alice.room));
  const viewer = createSpectatorStore({ room: carol.room, clock: carol.clock });
  cleanups.push(() => viewer.destroy());
  /** Moves every clock (without firing the hook's timers). */
  const advance = (ms: number) => {
    for (const h of everyone) h.clock.advance(ms);
  };
  return { a, b, viewer, advance };
}

/** Calls `read` (which uses hooks) on every render and records what it returned. */
function Probe({ read, seen }: { read: () => unknown; seen: unknown[] }) {
  seen.push(read());
  return null;
}

/** Renders a component that reads a hook; returns each value it read and the render result. */
function renderBattle<T>(read: () => T) {
  const seen: T[] = [];
  const result = render(createElement(Probe, { read, seen }));
  return Object.assign(seen, { unmount: result.unmount });
}

describe('useBattle', () => {
  it('gives a host its battle, its own fields and the time left, ticking while the battle runs', async () => {
    const { a, b, advance } = await battleWithViewer();
    vi.useFakeTimers();
    const seen = renderBattle(() => useBattle(a));
    expect(seen.at(-1)).toMatchObject({ battle: { phase: 'idle' }, relay: 'none', remainingMs: 0 });
    await act(async () => {
      await a.invite({ userId: 'bob' });
      await b.accept();
      await settle();
    });
    expect(seen.at(-1)).toMatchObject({ battle: { phase: 'countdown' }, remainingMs: T.countdownMs });
    act(() => advance(T.countdownMs));
    expect(seen.at(-1)).toMatchObject({ battle: { phase: 'active' }, remainingMs: T.durationMs });
    act(() => advance(10_000)); // time passes, the store does not change: the hook's timer shows it
    act(() => vi.advanceTimersByTime(250));
    expect(seen.at(-1)?.remainingMs).toBe(T.durationMs - 10_000);
    expect(seen.at(-1)?.lastRejection).toBeUndefined();
  });

  it('gives a viewer the battle it follows, whose host, and the same time left as the host', async () => {
    const { a, b, viewer, advance } = await battleWithViewer();
    vi.useFakeTimers();
    const seen = renderBattle(() => useBattle(viewer));
    expect(seen.at(-1)).toEqual({ hostId: undefined, battle: { phase: 'idle', ended: [] }, remainingMs: 0 });
    await act(async () => {
      await a.invite({ userId: 'bob' });
      await b.accept();
      await settle();
    });
    expect(seen.at(-1)).toMatchObject({ hostId: 'alice', battle: { phase: 'countdown' } });
    act(() => advance(T.countdownMs + 10_000));
    act(() => vi.advanceTimersByTime(250));
    expect(seen.at(-1)).toMatchObject({
      hostId: 'alice',
      battle: { phase: 'active', self: { userId: 'alice' } },
      remainingMs: T.durationMs - 10_000,
    });
    expect(seen.at(-1)?.remainingMs).toBe(a.remainingMs());
  });

  it('runs one timer while time is left: none when idle or in the result, none after unmount', async () => {
    const { a, b, advance } = await battleWithViewer();
    vi.useFakeTimers();
    const before = vi.getTimerCount();
    const { unmount } = renderBattle(() => useBattle(a));
    expect(vi.getTimerCount()).toBe(before); // idle
    await act(async () => {
      await a.invite({ userId: 'bob' });
      await b.accept();
      await settle();
    });
    expect(vi.getTimerCount()).toBe(before + 1); // counting down
    act(() => advance(T.countdownMs));
    expect(vi.getTimerCount()).toBe(before + 1); // scoring
    await act(() => a.end());
    expect(vi.getTimerCount()).toBe(before); // settling
    act(() => advance(T.settleMs));
    expect(a.getSnapshot().battle.phase).toBe('result');
    expect(vi.getTimerCount()).toBe(before);
    act(() => advance(T.resultMs));
    await act(async () => {
      await a.invite({ userId: 'bob' });
    });
    expect(vi.getTimerCount()).toBe(before + 1); // the answer window runs
    unmount();
    expect(vi.getTimerCount()).toBe(before);
  });

  it('with a selector, re-renders only when the selection changes (not on every tick)', async () => {
    const { a, b, advance } = await battleWithViewer();
    vi.useFakeTimers();
    const source: BattleClockSource = a;
    const phases = renderBattle(() => useBattle(source, (view) => view.battle.phase));
    await act(async () => {
      await a.invite({ userId: 'bob' });
      await b.accept();
      await settle();
    });
    const renders = phases.length;
    act(() => advance(1_000));
    act(() => vi.advanceTimersByTime(1_000)); // four ticks, each with less time left
    expect(phases).toHaveLength(renders);
    expect(phases.at(-1)).toBe('countdown');
  });
});
