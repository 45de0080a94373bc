/**
 * A {@link PkTransport} over the local provider's cross-room messaging
 * (DESIGN.md decision 6: the local provider implements PK signalling over its
 * signalling server). One path for battles in one room and across rooms.
 *
 * The provider is matched by shape ({@link CrossRoomMessenger}) rather than
 * imported from `@liveroom/core/local`, so hooks stay free of the local
 * provider's code and any provider (or a test double) with the same two
 * methods works.
 */
import type { Room } from '@liveroom/core';
import { listenInRoom, type PkTransport } from './pk-transport.js';
import { OWN_TRANSPORT, unsupported } from './room-data-transport.js';

/** What the local provider reports over cross-room messaging (its `CrossRoomEvent`). */
export type CrossRoomMessengerEvent =
  | { type: 'message'; fromRoomId: string; from: string; payload: string }
  | { type: 'peer-left'; roomId: string; userId: string };

/** The provider methods {@link createLocalPkTransport} needs; `LocalProvider` has them. */
export interface CrossRoomMessenger {
  /** Sends `payload` to user `userId` in room `roomId`; rejects when the server refuses (an unknown room or user). */
  sendToRoom(roomId: string, userId: string, payload: string): Promise<void>;
  /** Calls `listener` for every message from another room and every peer there leaving; returns the function that stops. */
  onRoomMessage(listener: (event: CrossRoomMessengerEvent) => void): () => void;
}

/**
 * Creates the transport for `room`. Throws `NOT_SUPPORTED` when the room's
 * provider has no cross-room messaging (use `createRoomDataPkTransport`, or
 * your own transport on Agora). Sending to a room or host that does not
 * exist rejects with the server's refusal (`INVALID_STATE`). A message is
 * accepted only when its `from` matches the sender the server stamped and its
 * `to` is this host in this room.
 *
 * @example
 * ```ts
 * const battle = createBattleStore({ room, transport: createLocalPkTransport(room) });
 * await battle.invite({ userId: 'host-b', roomId: 'shop-b' }); // another room on the same server
 * ```
 */
export function createLocalPkTransport(room: Room): PkTransport {
  // Matched by shape: typed as a messenger, and checked to be one before use.
  const provider = room.provider as Room['provider'] & CrossRoomMessenger;
  if (typeof provider.sendToRoom !== 'function' || typeof provider.onRoomMessage !== 'function') {
    throw unsupported(
      room,
      `cross-room messaging: use createRoomDataPkTransport(room) in one room, or ${OWN_TRANSPORT}`,
    );
  }
  return {
    send: (message) => provider.sendToRoom(message.to.roomId, message.to.userId, JSON.stringify(message)),
    listen: (listener) =>
      listenInRoom(room, listener, (deliver) =>
        provider.onRoomMessage((event) => {
          if (event.type === 'peer-left') listener({ type: 'peer-left', userId: event.userId });
          else deliver(event.payload, { userId: event.from, roomId: event.fromRoomId });
        }),
      ),
  };
}
