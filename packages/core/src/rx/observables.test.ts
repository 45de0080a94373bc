import { filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createRoom } from '../room.js';
import { FakeProvider } from '../testing/fake-provider.js';
import { roomEvent$, roomState$ } from './observables.js';

function setup() {
  const provider = new FakeProvider();
  const room = createRoom({ provider });
  return { provider, room };
}

describe('roomState$', () => {
  it('gives each subscriber the current value, then each change once, through rxjs operators', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const states: string[] = [];
    const reconnectingOrGone: string[] = [];
    roomState$(room, 'connectionState').subscribe((state) => states.push(state));
    roomState$(room, 'connectionState')
      .pipe(filter((state) => state !== 'connected'))
      .subscribe((state) => reconnectingOrGone.push(state));
    await room.leave();
    await room.leave();
    expect(states).toEqual(['connected', 'disconnected']);
    expect(reconnectingOrGone).toEqual(['disconnected']);
  });

  it('lists the participants on every change and removes its listeners when unsubscribed', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const sizes: number[] = [];
    const subscription = roomState$(room, 'participants').subscribe((people) => sizes.push(people.length));
    provider.remoteJoin('a');
    provider.remoteJoin('b');
    subscription.unsubscribe();
    provider.remoteLeave('a');
    await room.leave();
    expect(sizes).toEqual([0, 1, 2]);
    expect(room.eventNames()).toEqual([]);
  });

  it('errors the subscriber with INVALID_CONFIG for an unknown state name', () => {
    const { room } = setup();
    const errors: unknown[] = [];
    roomState$(room, 'speakers' as never).subscribe({ error: (error: unknown) => errors.push(error) });
    expect(errors).toEqual([expect.objectContaining({ code: 'INVALID_CONFIG' })]);
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
