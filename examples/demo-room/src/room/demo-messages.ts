/**
 * The demo's own data messages (over `room.sendData`): raising a hand,
 * inviting a viewer on stage, and gifts. Every incoming message is
 * validated; anything else on the channel (the hooks' PK protocol and
 * battle broadcasts) is ignored here.
 */
import { type DataMessage, parseInput, type Room } from '@liveroom/core';
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(64));

/** Every demo message; `demo: 1` tells them apart from other protocols on the same channel. */
export const demoMessageSchema = z.discriminatedUnion('kind', [
  z.object({ demo: z.literal(1), kind: z.literal('raise-hand'), raised: z.boolean() }),
  z.object({ demo: z.literal(1), kind: z.literal('invite-to-stage') }),
  z.object({
    demo: z.literal(1),
    kind: z.literal('gift'),
    to: id,
    points: z.number().check(z.int(), z.gte(1), z.lte(1000)),
  }),
]);

/** A demo message. */
export type DemoMessage = z.infer<typeof demoMessageSchema>;

/** Parses a data message; `undefined` when it is not a demo message. */
export function readDemoMessage(message: DataMessage): DemoMessage | undefined {
  try {
    return parseInput(demoMessageSchema, JSON.parse(message.payload), 'demo message');
  } catch {
    return undefined;
  }
}

/** Sends a demo message to everyone, or to `to`. */
export function sendDemoMessage(room: Room, message: DemoMessage, to?: string[]): Promise<void> {
  return room.sendData(JSON.stringify(message), to ? { to } : {});
}

/** Calls `listener` with every valid demo message; returns the unsubscribe function. */
export function onDemoMessage(room: Room, listener: (message: DemoMessage, from: string) => void): () => void {
  const handler = (data: DataMessage) => {
    const message = readDemoMessage(data);
    if (message) listener(message, data.from);
  };
  room.on('data-message', handler);
  return () => room.off('data-message', handler);
}
