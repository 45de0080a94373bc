import type { Observable } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { roomEvent$ } from './observables.js';
import { createRoom } from './room.js';
import { FakeProvider } from './testing/fake-provider.js';

function setup() {
  const provider = new FakeProvider();
  const room = createRoom({ provider });
  return { provider, room };
}

describe('state observables', () => {
  it('give a late subscriber the current value, then each change once', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const states: string[] = [];
    room.connectionState$.subscribe((state) => states.push(state));
    await room.leave();
    await room.leave();
    expect(states).toEqual(['connected', 'disconnected']);
  });

  it('list the local tracks on publish and unpublish, and empty them once at leave', async () => {
    const { room } = setup();
    const sizes: number[] = [];
    room.localTracks$.subscribe((tracks) => sizes.push(tracks.length));
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
    room.participants$.subscribe((list) =>
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
    room.networkQuality$.subscribe((quality) => uplinks.push(quality?.uplink));
    room.activeSpeaker$.subscribe((id) => speakers.push(id));
    provider.events.emit('network-quality', { uplink: 1, downlink: 2 });
    provider.events.emit('network-quality', { participantId: 'h', uplink: 5, downlink: 5 });
    provider.events.emit('network-quality', { uplink: 3, downlink: 2 });
    provider.events.emit('audio-levels', [{ participantId: 'a', level: 0.3 }]);
    provider.events.emit('audio-levels', [{ participantId: 'a', level: 0.4 }]);
    await room.leave();
    expect(uplinks).toEqual([undefined, 1, 3, undefined]);
    expect(speakers).toEqual([undefined, 'a', undefined]);
  });

  it('remove their room listeners when unsubscribed', () => {
    const { room } = setup();
    const before = room.listenerCount('connection-state-changed');
    const observables: Observable<unknown>[] = [room.connectionState$, room.participants$, room.role$];
    const subscriptions = observables.map((o) => o.subscribe());
    expect(room.listenerCount('connection-state-changed')).toBe(before + 3);
    for (const subscription of subscriptions) subscription.unsubscribe();
    expect(room.eventNames()).toEqual([]);
  });
});

describe('roomEvent$', () => {
  it('emits each event as its argument tuple and stops listening when unsubscribed', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const seen: string[] = [];
    const subscription = roomEvent$(room, 'participant-left').subscribe(([participant, reason]) =>
      seen.push(`${participant.id} ${reason}`),
    );
    provider.remoteJoin('h');
    provider.remoteLeave('h');
    subscription.unsubscribe();
    expect(seen).toEqual(['h left']);
    expect(room.listenerCount('participant-left')).toBe(0);
  });
});
