/**
 * How PK signalling travels (DESIGN.md decision 6). The battle store only
 * talks to this interface: over the room's data messages for battles inside
 * one room ({@link createRoomDataPkTransport}), and over whatever the app
 * supplies elsewhere (Agora RTM, its own backend), because Agora's stream
 * messages stay inside one channel and its media relay carries no data.
 */
import { onEvents, type Room, type RoomEventMap } from '@liveroom/core';
import type { PkHost } from './battle-types.js';
import { decodePkMessage, type PkMessage } from './pk-messages.js';

/** What a transport reports to the battle store. */
export type PkTransportEvent =
  /** A validated message addressed to this host. */
  | { type: 'message'; message: PkMessage }
  /** A host this transport can see left or lost its connection. */
  | { type: 'peer-left'; userId: string };

/**
 * A two-way PK signalling channel. Implementations validate incoming
 * messages (see `decodePkMessage`) and drop anything else.
 *
 * @example
 * ```ts
 * // A transport over the app's own WebSocket backend:
 * const transport: PkTransport = {
 *   send: async (message) => socket.send(JSON.stringify(message)),
 *   listen: (listener) => {
 *     const onMessage = (e: MessageEvent) => {
 *       const message = decodePkMessage(e.data);
 *       if (message) listener({ type: 'message', message });
 *     };
 *     socket.addEventListener('message', onMessage);
 *     return () => socket.removeEventListener('message', onMessage);
 *   },
 * };
 * ```
 */
export interface PkTransport {
  /** Delivers a message to `message.to` (in another room when `to.roomId` differs). Rejects when it cannot. */
  send(message: PkMessage): Promise<void>;
  /** Starts delivering events; returns the function that stops. */
  listen(listener: (event: PkTransportEvent) => void): () => void;
}

/**
 * What the built-in transports share: incoming payloads become `message`
 * events only when they decode, their `from` is the sender the channel
 * stamped, and their `to` is this host in this room; remote participants
 * leaving `room` become `peer-left`. `subscribe` hands each raw payload, with
 * its channel sender, to `deliver`, and returns the function that stops.
 */
export function listenInRoom(
  room: Room,
  listener: (event: PkTransportEvent) => void,
  subscribe: (deliver: (payload: string, sender: PkHost) => void) => () => void,
): () => void {
  const stops = [
    subscribe((payload, sender) => {
      const message = decodePkMessage(payload);
      if (
        message &&
        message.from.userId === sender.userId &&
        message.from.roomId === sender.roomId &&
        message.to.userId === room.userId &&
        message.to.roomId === room.roomId
      ) {
        listener({ type: 'message', message });
      }
    }),
    onEvents<RoomEventMap>(room, { 'participant-left': ({ id }) => listener({ type: 'peer-left', userId: id }) }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
