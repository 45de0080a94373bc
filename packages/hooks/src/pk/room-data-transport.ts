/**
 * A {@link PkTransport} over the room's own data messages (`room.sendData`
 * and the `data-message` event), for battles between co-hosts of one room.
 * The local provider supports data messages; on Agora, supply a transport
 * over RTM or your backend instead (decision 6).
 */
import { LiveroomError, onEvents, type Room, type RoomEventMap } from '@liveroom/core';
import { listenInRoom, type PkTransport } from './pk-transport.js';

/** How to get a transport where a built-in one cannot work (the end of their `NOT_SUPPORTED` messages). */
export const OWN_TRANSPORT = 'pass your own PkTransport (e.g. over Agora RTM or your backend)';

/** `NOT_SUPPORTED`: `room`'s provider has no `feature` (the rest of the sentence says what for, and what to do). */
export function unsupported(room: Room, feature: string): LiveroomError {
  const provider = room.provider.name;
  return new LiveroomError('NOT_SUPPORTED', `The ${provider} provider has no ${feature}.`, { provider });
}

/** Throws `NOT_SUPPORTED` when `room`'s provider has no data messages, saying what they were `for`. */
export function requireDataMessages(room: Room, purpose: string): void {
  if (!room.provider.capabilities.dataMessages) throw unsupported(room, `data messages ${purpose}`);
}

/**
 * Creates the transport. Throws `NOT_SUPPORTED` when the provider has no data
 * messages. Messages to another room are rejected with `NOT_SUPPORTED`:
 * data messages never leave the room, so cross-room battles need an app
 * transport.
 *
 * @example
 * ```ts
 * const battle = createBattleStore({ room, transport: createRoomDataPkTransport(room) });
 * ```
 */
export function createRoomDataPkTransport(room: Room): PkTransport {
  requireDataMessages(room, `for PK signalling: ${OWN_TRANSPORT}`);
  return {
    async send(message) {
      if (message.to.roomId !== room.roomId) {
        throw new LiveroomError(
          'NOT_SUPPORTED',
          `Room data messages cannot reach room "${message.to.roomId}": for a cross-room battle use createLocalPkTransport(room) on the local provider, or ${OWN_TRANSPORT}.`,
        );
      }
      await room.sendData(JSON.stringify(message), { to: [message.to.userId] });
    },
    listen: (listener) =>
      // Data messages never leave the room, so the sender is in this room.
      listenInRoom(room, listener, (deliver) =>
        onEvents<RoomEventMap>(room, {
          'data-message': ({ from, payload }) => deliver(payload, { userId: from, roomId: room.roomId ?? '' }),
        }),
      ),
  };
}
