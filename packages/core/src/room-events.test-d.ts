import { describe, expectTypeOf, it } from 'vitest';
import type { LiveroomError } from './errors.js';
import type { RemoteParticipant } from './participants.js';
import type { Room } from './room.js';
import type { ROOM_STATE_NAMES, RoomStateName } from './room-state.js';
import { roomEvent$, roomState$ } from './rx/observables.js';
import type { RemoteTrack } from './tracks.js';
import type { ConnectionState, ConnectionStateChange, Role, TrackKind } from './types.js';

declare const room: Room;

describe('RoomEventMap', () => {
  it('types listener arguments from the event name', () => {
    room.on('participant-left', (participant, reason) => {
      expectTypeOf(participant).toEqualTypeOf<RemoteParticipant>();
      expectTypeOf(reason).toEqualTypeOf<'left' | 'timeout' | 'kicked' | 'role-changed'>();
    });
    room.on('track-subscribed', (track, participant) => {
      expectTypeOf(track).toEqualTypeOf<RemoteTrack>();
      expectTypeOf(participant.id).toEqualTypeOf<string>();
    });
    room.on('connection-state-changed', (change) => expectTypeOf(change).toEqualTypeOf<ConnectionStateChange>());
    room.on('error', (error) => expectTypeOf(error).toEqualTypeOf<LiveroomError>());
  });

  it('rejects unknown events and wrong listener shapes', () => {
    // @ts-expect-error: not an event of the room
    room.on('participant-exploded', () => {});
    // @ts-expect-error: the kind is a TrackKind, not a number
    room.on('track-published', (_p: RemoteParticipant, _kind: number) => {});
  });

  it('types observables from the same map', () => {
    expectTypeOf(roomEvent$(room, 'track-muted')).toExtend<{
      subscribe(next: (args: [RemoteParticipant, TrackKind]) => void): unknown;
    }>();
  });

  it('types watched state and its observable from the state name', () => {
    room.watch('participants', (people) => expectTypeOf(people).toEqualTypeOf<readonly RemoteParticipant[]>());
    room.watch('connectionState', (state) => expectTypeOf(state).toEqualTypeOf<ConnectionState>());
    expectTypeOf(roomState$(room, 'role')).toExtend<{ subscribe(next: (role: Role | undefined) => void): unknown }>();
    // @ts-expect-error: not a piece of room state
    room.watch('speakers', () => {});
  });

  it('validates every piece of room state by name', () => {
    expectTypeOf<(typeof ROOM_STATE_NAMES)[number]>().toEqualTypeOf<RoomStateName>();
  });
});
