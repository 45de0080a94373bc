/**
 * A {@link PkTransport} over the room's own data messages (`room.sendData`
 * and the `data-message` event), for battles between co-hosts of one room.
 * The local provider supports data messages; on Agora, supply a transport
 * over RTM or your backend instead (decision 6).
 */
import { LiveroomError, onEvents, type Room, type RoomEventMap } from '@liveroom/core';
import { listenInRoom, type PkTransport } from './pk-transport.js';

/** Throws `NOT_SUPPORTED` when `room`'s provider has no data messages, saying what they were `for`. */
export function requireDataMessages(room: Room, purpose: string): void {
  const provider = room.provider.name;
  if (!room.provider.capabilities.dataMessages) {
    throw new LiveroomError('NOT_SUPPORTED', `The ${provider} provider has no data messages ${purpose}.`, { provider });
  }
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
  requireDataMessages(room, 'for PK signalling. Pass a PkTransport over your own signalling (e.g. Agora RTM)');
  return {
    async send(message) {
      if (message.to.roomId !== room.roomId) {
        throw new LiveroomError(
          'NOT_SUPPORTED',
          `Room data messages cannot reach room "${message.to.roomId}". Use a PkTransport that spans rooms for cross-room battles.`,
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
