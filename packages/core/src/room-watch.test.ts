import { describe, expect, it, vi } from 'vitest';
import { createRoom } from './room.js';
import { FakeProvider } from './testing/fake-provider.js';

function setup() {
  const provider = new FakeProvider();
  const room = createRoom({ provider });
  return { provider, room };
}

describe('room.watch()', () => {
  it('give a late subscriber the current value, then each change once', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const states: string[] = [];
    room.watch('connectionState', (state) => states.push(state));
    await room.leave();
    await room.leave();
    expect(states).toEqual(['connected', 'disconnected']);
  });

  it('list the local tracks on publish and unpublish, and empty them once at leave', async () => {
    const { room } = setup();
    const sizes: number[] = [];
    room.watch('localTracks', (tracks) => sizes.push(tracks.length));
    await room.join({ roomId: 'r', role: 'host' });
    await room.publishCamera();
    await room.publishMicrophone();
    await room.unpublish('camera');
    await room.leave();
    expect(sizes).toEqual([0, 1, 2, 1, 0]);
  });

  it('show a leaving participant without their tracks, then without them, and nobody after leave', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    provider.remoteJoin('h');
    provider.remoteJoin('g');
    provider.remotePublish('h', 'video');
    await vi.waitFor(() => expect(room.participants.get('h')?.videoTrack).toBeDefined());
    const lists: string[] = [];
    room.watch('participants', (list) =>
      lists.push(list.map((p) => `${p.id}${p.videoTrack ? '+video' : ''}`).join(',')),
    );
    provider.remoteLeave('h');
    await room.leave();
    expect(lists).toEqual(['h+video,g', 'h,g', 'g', '']);
  });

  it('follow the local network quality only, and reset it and the active speaker at leave', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const uplinks: (number | undefined)[] = [];
    const speakers: (string | undefined)[] = [];
    room.watch('networkQuality', (quality) => uplinks.push(quality?.uplink));
    room.watch('activeSpeaker', (id) => speakers.push(id));
    provider.events.emit('network-quality', { uplink: 1, downlink: 2 });
    provider.events.emit('network-quality', { participantId: 'h', uplink: 5, downlink: 5 });
    provider.events.emit('network-quality', { uplink: 3, downlink: 2 });
    provider.events.emit('audio-levels', [{ participantId: 'a', level: 0.3 }]);
    provider.events.emit('audio-levels', [{ participantId: 'a', level: 0.4 }]);
    await room.leave();
    expect(uplinks).toEqual([undefined, 1, 3, undefined]);
    expect(speakers).toEqual([undefined, 'a', undefined]);
  });

  it('removes its room listeners when stopped', () => {
    const { room } = setup();
    const before = room.listenerCount('connection-state-changed');
    const stops = (['connectionState', 'participants', 'role'] as const).map((state) => room.watch(state, () => {}));
    expect(room.listenerCount('connection-state-changed')).toBe(before + 3);
    for (const stop of stops) stop();
    expect(room.eventNames()).toEqual([]);
  });

  it('refuses an unknown state or a listener that is not a function, naming the field', () => {
    const { room } = setup();
    expect(() => room.watch('speakers' as never, () => {})).toThrow(/watch\(\) arguments[\s\S]*state/);
    expect(() => room.watch('role', 'log' as never)).toThrow(/listener: must be a function/);
    expect(room.eventNames()).toEqual([]);
  });
});

describe('room.watch() stopped by another listener of the same change', () => {
  it('is not called after its stop function ran', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    let stopSecond = () => {};
    room.watch('participants', (list) => {
      if (list.length > 0) stopSecond();
    });
    const seen: number[] = [];
    stopSecond = room.watch('participants', (list) => seen.push(list.length));
    provider.remoteJoin('h');
    expect(seen).toEqual([0]);
  });
});
