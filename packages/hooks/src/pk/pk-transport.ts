/**
 * How PK signalling travels (DESIGN.md decision 6). The battle store only
 * talks to this interface: over the room's data messages for battles inside
 * one room ({@link createRoomDataPkTransport}), and over whatever the app
 * supplies elsewhere (Agora RTM, its own backend), because Agora's stream
 * messages stay inside one channel and its media relay carries no data.
 */
import type { PkMessage } from './pk-messages.js';

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
