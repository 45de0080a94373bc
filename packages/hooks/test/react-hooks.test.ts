// @vitest-environment happy-dom
// happy-dom, not jsdom: the workspace's jsdom 31 needs Node >= 22.22 (its undici 8 fails to load on
// this machine's Node 20). Switch back to `jsdom` once the root pins jsdom ^26.
import { createRoom, type Room } from '@liveroom/core';
import { FakeProvider } from '@liveroom/core/testing';
import { act, cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LayoutStore } from '../src/layout/layout-store.js';
import { createLayoutStore } from '../src/layout/layout-store.js';
import { createBattleStore } from '../src/pk/battle-store.js';
import { useBattle } from '../src/react/battle-hooks.js';
import { useLayout, useStageContainer } from '../src/react/layout-hooks.js';
import { useConnectionQuality, useLocalTracks, useParticipants, useRoom } from '../src/react/room-hooks.js';
import { shallowEqual } from '../src/store/shallow-equal.js';
import { joinHost, linkDataMessages } from './fixtures/rooms.js';

afterEach(cleanup);

interface Seen<T> {
  renders: number;
  value: T | undefined;
}

/** Calls `read` (which uses hooks) on every render and counts the renders. */
function Probe({ read, seen }: { read: () => unknown; seen: Seen<unknown> }) {
  seen.renders += 1;
  seen.value = read();
  return null;
}

/** Renders a component that reads a hook, and returns what it saw. */
function probe<T>(read: () => T): Seen<T> {
  const seen: Seen<T> = { renders: 0, value: undefined };
  render(createElement(Probe, { read, seen: seen as Seen<unknown> }));
  return seen;
}

async function joined(): Promise<{ room: Room; provider: FakeProvider }> {
  const provider = new FakeProvider();
  const room = createRoom({ provider });
  await room.join({ roomId: 'shop-1', userId: 'me', role: 'host' });
  return { room, provider };
}

describe('room hooks re-render only when their slice changes', () => {
  it('useParticipants with a count selector', async () => {
    const { room, provider } = await joined();
    act(() => provider.remoteJoin('guest-1', 'cohost'));
    const seen = probe(() => useParticipants(room, (list) => list.length));
    expect(seen).toEqual({ renders: 1, value: 1 });
    await act(async () => provider.remotePublish('guest-1', 'video')); // new participant objects, same count
    expect(seen.renders).toBe(1);
    act(() => provider.remoteJoin('guest-2', 'cohost'));
    expect(seen).toEqual({ renders: 2, value: 2 });
  });

  it('useParticipants with a derived array and shallowEqual', async () => {
    const { room, provider } = await joined();
    act(() => provider.remoteJoin('guest-1', 'cohost'));
    const seen = probe(() => useParticipants(room, (list) => list.map((p) => p.id), shallowEqual));
    await act(async () => provider.remotePublish('guest-1', 'audio'));
    expect(seen).toEqual({ renders: 1, value: ['guest-1'] });
  });

  it('useConnectionQuality ignores other participants', async () => {
    const { room, provider } = await joined();
    act(() => provider.remoteJoin('guest-1'));
    const seen = probe(() => useConnectionQuality(room, 'guest-1'));
    act(() => {
      provider.events.emit('network-quality', { uplink: 5, downlink: 5 });
    });
    expect(seen).toEqual({ renders: 1, value: undefined });
    act(() => {
      provider.events.emit('network-quality', { participantId: 'guest-1', uplink: 2, downlink: 1 });
    });
    expect(seen).toEqual({ renders: 2, value: { participantId: 'guest-1', uplink: 2, downlink: 1 } });
  });

  it('useRoom with a connection-state selector ignores a role change', async () => {
    const { room } = await joined();
    const seen = probe(() => useRoom(room, (r) => r.connectionState));
    await act(() => room.setRole('cohost'));
    expect(seen).toEqual({ renders: 1, value: 'connected' });
    await act(() => room.leave());
    expect(seen).toEqual({ renders: 2, value: 'disconnected' });
  });

  it('useLocalTracks follows publications', async () => {
    const { room } = await joined();
    const seen = probe(() => useLocalTracks(room, (tracks) => tracks.length));
    await act(() => room.publishMicrophone());
    expect(seen).toEqual({ renders: 2, value: 1 });
  });
});

describe('battle and layout hooks', () => {
  it('useBattle with a phase selector ignores a refused score', async () => {
    const alice = await joinHost('alice', 'shop-1');
    const bob = await joinHost('bob', 'shop-1');
    linkDataMessages([alice, bob]);
    const store = createBattleStore({
      room: alice.room,
      transport: { send: async () => {}, listen: () => () => {} },
      clock: alice.clock,
    });
    const seen = probe(() => useBattle(store, (s) => s.battle.phase));
    act(() => {
      store.applyScore({ battleId: 'pk-unknown', seq: 1, scores: {} });
    });
    expect(store.getSnapshot().lastRejection).toBeDefined();
    expect(seen).toEqual({ renders: 1, value: 'idle' });
    await act(() => store.invite({ userId: 'bob' }));
    expect(seen).toEqual({ renders: 2, value: 'inviting' });
    store.destroy();
  });

  it('useLayout selecting one tile ignores a guest joining elsewhere', async () => {
    const { room, provider } = await joined();
    const stage = createLayoutStore({ room, mode: 'nine-seat', container: { width: 720, height: 1280 } });
    const seen = probe(() => useLayout(stage, (l) => l.tiles.find((t) => t.participantId === 'me'), shallowEqual));
    act(() => provider.remoteJoin('guest-1', 'cohost'));
    expect(stage.getSnapshot().tiles).toHaveLength(2);
    expect(seen.renders).toBe(1);
    act(() => stage.setContainer({ width: 360, height: 640 }));
    expect(seen.renders).toBe(2);
    expect(seen.value).toMatchObject({ seat: 0, width: 120 });
    stage.destroy();
  });
});

/** A stage element whose size comes from `useStageContainer`. */
function StageBox({ stage }: { stage: LayoutStore }) {
  const ref = useStageContainer<HTMLDivElement>(stage);
  return createElement('div', { ref });
}

describe('useStageContainer', () => {
  it('feeds the observed element size to the layout store, skipping empty sizes', async () => {
    const observers: ((entries: { contentRect: { width: number; height: number } }[]) => void)[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: (typeof observers)[number]) {
          observers.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
    try {
      const { room } = await joined();
      const stage = createLayoutStore({ room, mode: 'grid', container: { width: 100, height: 100 } });
      render(createElement(StageBox, { stage }));
      expect(observers).toHaveLength(1);
      act(() => observers[0]?.([{ contentRect: { width: 0, height: 0 } }]));
      expect(stage.getSnapshot().container).toEqual({ width: 100, height: 100 });
      act(() => observers[0]?.([{ contentRect: { width: 640, height: 360 } }]));
      expect(stage.getSnapshot().container).toEqual({ width: 640, height: 360 });
      stage.destroy();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
