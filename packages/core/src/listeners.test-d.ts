import { EventEmitter } from 'eventemitter3';
import { describe, expectTypeOf, it } from 'vitest';
import { onEvents } from './listeners.js';
import type { RemoteParticipant } from './participants.js';
import { createRoom } from './room.js';
import { FakeProvider } from './testing/fake-provider.js';

describe('onEvents', () => {
  it("types a room's listeners from the room's event map", () => {
    const room = createRoom({ provider: new FakeProvider() });
    onEvents(room, {
      'participant-left': (participant, reason) => {
        expectTypeOf(participant).toEqualTypeOf<RemoteParticipant>();
        expectTypeOf(reason).toEqualTypeOf<'left' | 'timeout' | 'kicked' | 'role-changed'>();
      },
    });
    // @ts-expect-error: not an event of the room
    onEvents(room, { 'participant-gone': () => {} });
  });

  it("types another emitter's listeners from its own map", () => {
    const emitter = new EventEmitter<{ ping: [count: number] }>();
    onEvents(emitter, { ping: (count) => expectTypeOf(count).toEqualTypeOf<number>() });
  });
});
