/**
 * A {@link PkTransport} over the room's own data messages (`room.sendData`
 * and the `data-message` event), for battles between co-hosts of one room.
 * The local provider supports data messages; on Agora, supply a transport
 * over RTM or your backend instead (decision 6).
 */
import { LiveroomError, type Room } from '@liveroom/core';
import { onRoomEvent } from '../store/room-listener.js';
import { decodePkMessage } from './pk-messages.js';
import type { PkTransport, PkTransportEvent } from './pk-transport.js';

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
  if (!room.provider.capabilities.dataMessages) {
    throw new LiveroomError(
      'NOT_SUPPORTED',
      `The ${room.provider.name} provider has no data messages. Pass a PkTransport over your own signalling (e.g. Agora RTM).`,
      { provider: room.provider.name },
    );
  }
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
    listen(listener: (event: PkTransportEvent) => void) {
      const stops = [
        onRoomEvent(room, 'data-message', ({ from, payload }) => {
          const message = decodePkMessage(payload);
          if (message?.from.userId === from && message.to.userId === room.userId) {
            listener({ type: 'message', message });
          }
        }),
        onRoomEvent(room, 'participant-left', ({ id }) => listener({ type: 'peer-left', userId: id })),
      ];
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
