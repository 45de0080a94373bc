import { createRoom } from '@liveroom/core';
import { FakeProvider } from '@liveroom/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { roomStores } from '../src/stores/room-stores.js';

async function joined() {
  const provider = new FakeProvider();
  const room = createRoom({ provider });
  const stores = roomStores(room);
  await room.join({ roomId: 'shop-1', userId: 'me', role: 'host' });
  return { provider, room, stores };
}

describe('roomStores', () => {
  it('shares one set of stores per room', () => {
    const room = createRoom({ provider: new FakeProvider() });
    expect(roomStores(room)).toBe(roomStores(room));
    expect(roomStores(room)).not.toBe(roomStores(createRoom({ provider: new FakeProvider() })));
  });

  it('follows the connection state, ids and role', async () => {
    const { room, stores } = await joined();
    expect(stores.room.getSnapshot()).toEqual({
      connectionState: 'connected',
      roomId: 'shop-1',
      userId: 'me',
      role: 'host',
    });
    await room.setRole('audience');
    expect(stores.room.getSnapshot().role).toBe('audience');
    await room.leave();
    expect(stores.room.getSnapshot()).toEqual({
      connectionState: 'disconnected',
      roomId: undefined,
      userId: undefined,
      role: undefined,
    });
  });

  it('follows participants and notifies once per change', async () => {
    const { provider, stores } = await joined();
    const listener = vi.fn();
    stores.participants.subscribe(listener);
    provider.remoteJoin('guest-1', 'cohost');
    expect(stores.participants.getSnapshot().map((p) => p.id)).toEqual(['guest-1']);
    expect(listener).toHaveBeenCalledTimes(1);
    provider.remoteLeave('guest-1');
    expect(stores.participants.getSnapshot()).toEqual([]);
  });

  it('keeps network quality per participant, drops it when they leave, and skips repeats', async () => {
    const { provider, room, stores } = await joined();
    provider.remoteJoin('guest-1');
    provider.events.emit('network-quality', { uplink: 1, downlink: 2 });
    provider.events.emit('network-quality', { participantId: 'guest-1', uplink: 4, downlink: 3 });
    expect(stores.quality.getSnapshot().get('')).toEqual({ uplink: 1, downlink: 2 });
    expect(stores.quality.getSnapshot().get('guest-1')).toMatchObject({ uplink: 4 });
    const before = stores.quality.getSnapshot();
    provider.events.emit('network-quality', { participantId: 'guest-1', uplink: 4, downlink: 3 });
    expect(stores.quality.getSnapshot()).toBe(before);
    provider.remoteLeave('guest-1');
    expect(stores.quality.getSnapshot().has('guest-1')).toBe(false);
    await room.leave();
    expect(stores.quality.getSnapshot().size).toBe(0);
  });

  it('follows the active speaker and local tracks', async () => {
    const { provider, room, stores } = await joined();
    provider.remoteJoin('guest-1');
    provider.events.emit('audio-levels', [{ participantId: 'guest-1', level: 0.8 }]);
    expect(stores.activeSpeaker.getSnapshot()).toBe('guest-1');
    await room.publishCamera();
    expect(stores.localTracks.getSnapshot().map((t) => t.source)).toEqual(['camera']);
  });
});
