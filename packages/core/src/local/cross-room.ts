/**
 * Messages between participants of different rooms on one signalling server
 * (DESIGN.md decision 6: PK signalling across rooms). The provider sends with
 * `sendToRoom` and reports what arrives as {@link CrossRoomEvent}s; the
 * server stamps the sender, so `fromRoomId` and `from` cannot be forged.
 */
import { EventEmitter } from 'eventemitter3';
import * as z from 'zod/mini';
import { MAX_DATA_PAYLOAD, type ServerMessage } from './protocol.js';

const id = z.string().check(z.minLength(1), z.maxLength(64));

/** Arguments of `LocalProvider.sendToRoom`, validated before anything is sent. */
export const roomMessageInputSchema = z.object({
  roomId: id,
  userId: id,
  payload: z.string().check(z.maxLength(MAX_DATA_PAYLOAD)),
});

/** What arrives over cross-room messaging. */
export type CrossRoomEvent =
  /** A message from `from` in room `fromRoomId` (which may be this room). */
  | { type: 'message'; fromRoomId: string; from: string; payload: string }
  /** A participant of another room this client exchanged messages with left, or its room closed. */
  | { type: 'peer-left'; roomId: string; userId: string };

/** A listener of {@link CrossRoomEvent}s. */
export type CrossRoomListener = (event: CrossRoomEvent) => void;

/** The server messages that carry cross-room traffic. */
export type CrossRoomMessage = Extract<ServerMessage, { type: 'room-message' | 'room-peer-left' }>;

/** Hands cross-room traffic to its listeners; it stays off the provider's neutral events, as the provider's own API. */
export class CrossRoomMessages {
  readonly #listeners = new EventEmitter<{ event: [CrossRoomEvent] }>();

  /** Adds a listener; returns the function that removes it. */
  listen(listener: CrossRoomListener): () => void {
    this.#listeners.on('event', listener);
    return () => this.#listeners.off('event', listener);
  }

  /** Delivers one server message to the listeners as a {@link CrossRoomEvent}. */
  deliver(message: CrossRoomMessage): void {
    const event: CrossRoomEvent =
      message.type === 'room-message'
        ? { ...message, type: 'message' }
        : { type: 'peer-left', roomId: message.roomId, userId: message.userId };
    this.#listeners.emit('event', event);
  }
}
