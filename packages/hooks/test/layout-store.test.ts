import { createRoom } from '@liveroom/core';
import { FakeProvider } from '@liveroom/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { createLayoutStore } from '../src/layout/layout-store.js';
import { TelemetryRecorder } from './fixtures/telemetry.js';

async function stage(mode: 'nine-seat' | 'speaker' = 'nine-seat') {
  const provider = new FakeProvider();
  const room = createRoom({ provider });
  await room.join({ roomId: 'shop-1', userId: 'me', role: 'host' });
  const telemetry = new TelemetryRecorder();
  const store = createLayoutStore({ room, mode, container: { width: 720, height: 1280 }, telemetry });
  return { provider, room, store, telemetry };
}

describe('LayoutStore', () => {
  it('seats the local host and remote publishers, not the audience', async () => {
    const { provider, store } = await stage();
    provider.remoteJoin('guest-1', 'cohost');
    provider.remoteJoin('viewer', 'audience');
    expect(store.getSnapshot().tiles.map((t) => [t.participantId, t.seat])).toEqual([
      ['me', 0],
      ['guest-1', 1],
    ]);
  });

  it('keeps a guest in its seat when another leaves', async () => {
    const { provider, store } = await stage();
    for (const id of ['g1', 'g2', 'g3']) provider.remoteJoin(id, 'cohost');
    provider.remoteLeave('g2');
    expect(store.getSnapshot().tiles.map((t) => [t.participantId, t.seat])).toEqual([
      ['me', 0],
      ['g1', 1],
      ['g3', 3],
    ]);
  });

  it('does not notify when nothing visible changed', async () => {
    const { provider, store } = await stage();
    provider.remoteJoin('guest-1', 'cohost');
    const listener = vi.fn();
    store.subscribe(listener);
    const before = store.getSnapshot();
    provider.remotePublish('guest-1', 'video'); // a new participant object, same stage
    store.setContainer({ width: 720, height: 1280 });
    expect(listener).not.toHaveBeenCalled();
    expect(store.getSnapshot()).toBe(before);
  });

  it('ignores an empty container (a hidden element) and keeps the last layout', async () => {
    const { store } = await stage();
    const before = store.getSnapshot();
    store.setContainer({ width: 0, height: 0 });
    expect(store.getSnapshot()).toBe(before);
  });

  it('reports layout_change for new modes and tile counts, not for resizes', async () => {
    const { provider, store, telemetry } = await stage();
    provider.remoteJoin('guest-1', 'cohost');
    store.setContainer({ width: 1080, height: 1920 });
    store.setMode('pk');
    expect(telemetry.events).toEqual([
      { type: 'layout_change', body: { to: 'nine-seat', tileCount: 1 } },
      { type: 'layout_change', body: { to: 'nine-seat', from: 'nine-seat', tileCount: 2 } },
      { type: 'layout_change', body: { to: 'pk', from: 'nine-seat', tileCount: 2 } },
    ]);
  });

  it('puts the local user in the speaker tile when they speak, and honours a pin', async () => {
    const { provider, store } = await stage('speaker');
    provider.remoteJoin('guest-1', 'cohost');
    provider.events.emit('audio-levels', [{ level: 0.9 }]);
    expect(store.getSnapshot().tiles[0]).toMatchObject({ participantId: 'me', area: 'main' });
    store.pin('guest-1');
    expect(store.getSnapshot().tiles[0]?.participantId).toBe('guest-1');
  });

  it('refuses a bad initial container and an unknown mode with INVALID_CONFIG', async () => {
    const { room, store } = await stage();
    expect(() => createLayoutStore({ room, mode: 'grid', container: { width: -1, height: 10 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
    expect(() => store.setMode('circle' as 'grid')).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
});
