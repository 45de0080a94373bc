/**
 * The WebSocket side of the signalling server: accepts connections on
 * 127.0.0.1, validates every frame against the protocol schema (a bad frame
 * gets an `error` reply and never crashes the server), keeps each socket
 * alive with a heartbeat, and hands valid messages to the {@link Switchboard}.
 */
import type { AddressInfo } from 'node:net';
import { clientMessageSchema, decodeMessage, type ServerMessage } from '@liveroom/core/local';
import { type WebSocket, WebSocketServer } from 'ws';
import { z } from 'zod';
import { type Line, type RoomSnapshot, Switchboard } from './switchboard.js';

/** Options of {@link startSignallingServer}. */
export const signallingServerOptionsSchema = z.object({
  /** TCP port; 0 picks a free one (read it back from `server.port`). */
  port: z.number().int().min(0).max(65_535).default(8787),
  /** Interface to bind. Loopback by default: the local provider is for one machine. */
  host: z.string().min(1).default('127.0.0.1'),
  /** How often the server pings each socket. */
  heartbeatIntervalMs: z.number().int().min(10).default(5000),
  /** A socket silent for this long (no message, no pong) is dropped as timed out. */
  heartbeatTimeoutMs: z.number().int().min(20).default(15_000),
  /** Hosts and cohosts allowed per room (default 9, the mesh's limit); one more is refused with `publishers-full`. */
  maxPublishers: z.number().int().min(1).optional(),
  /** Audience members allowed per room (default 50); one more is refused with `viewers-full`. */
  maxViewers: z.number().int().min(0).optional(),
});

/** Options of {@link startSignallingServer}. */
export type SignallingServerOptions = z.input<typeof signallingServerOptionsSchema>;

/** A running signalling server. */
export interface SignallingServer {
  /** The port it listens on (the real one when started with port 0). */
  readonly port: number;
  /** `ws://host:port`, ready for `createLocalProvider({ signallingUrl })`. */
  readonly url: string;
  /** Every room with its participants (for tests and the demo's admin view). */
  rooms(): RoomSnapshot[];
  /** Removes a participant; it receives `removed: kicked`. */
  kick(roomId: string, userId: string): boolean;
  /** Closes a room; everyone in it receives `removed: room-closed`. */
  closeRoom(roomId: string): boolean;
  /** Disconnects every client, stops the heartbeat and releases the port. */
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 512 * 1024;

class SocketLine implements Line {
  member: Line['member'];
  roomId: string | undefined;
  lastSeen = Date.now();
  constructor(readonly socket: WebSocket) {}
  send(message: ServerMessage): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(message));
  }
  hangUp(): void {
    this.socket.close(1000);
  }
}

/**
 * Starts the local provider's signalling server.
 *
 * @example
 * ```ts
 * const server = await startSignallingServer({ port: 0 });
 * const provider = createLocalProvider({ signallingUrl: server.url }); // in the browser
 * await server.close();
 * ```
 */
export async function startSignallingServer(options: SignallingServerOptions = {}): Promise<SignallingServer> {
  const config = signallingServerOptionsSchema.parse(options);
  const switchboard = new Switchboard({
    ...(config.maxPublishers === undefined ? {} : { maxPublishers: config.maxPublishers }),
    ...(config.maxViewers === undefined ? {} : { maxViewers: config.maxViewers }),
  });
  const lines = new Set<SocketLine>();
  const wss = new WebSocketServer({ host: config.host, port: config.port, maxPayload: MAX_FRAME_BYTES });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });

  wss.on('connection', (socket) => {
    const line = new SocketLine(socket);
    lines.add(line);
    socket.on('message', (data, isBinary) => {
      line.lastSeen = Date.now();
      const decoded = isBinary
        ? ({ ok: false, reason: 'binary frames are not part of the protocol' } as const)
        : decodeMessage(clientMessageSchema, data.toString());
      if (!decoded.ok) {
        line.send({ type: 'error', code: 'invalid-message', message: `Invalid message (${decoded.reason}).` });
        return;
      }
      switchboard.handle(line, decoded.message);
    });
    socket.on('pong', () => {
      line.lastSeen = Date.now();
    });
    socket.on('close', () => {
      lines.delete(line);
      switchboard.disconnect(line, 'left');
    });
    socket.on('error', () => socket.terminate());
  });

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const line of lines) {
      if (now - line.lastSeen > config.heartbeatTimeoutMs) {
        lines.delete(line);
        switchboard.disconnect(line, 'timeout');
        line.socket.terminate();
      } else if (line.socket.readyState === line.socket.OPEN) {
        line.socket.ping();
      }
    }
  }, config.heartbeatIntervalMs);

  const port = (wss.address() as AddressInfo).port;
  return {
    port,
    url: `ws://${config.host}:${port}`,
    rooms: () => switchboard.rooms(),
    kick: (roomId, userId) => switchboard.kick(roomId, userId),
    closeRoom: (roomId) => switchboard.closeRoom(roomId),
    close: async () => {
      clearInterval(heartbeat);
      for (const line of lines) line.socket.terminate();
      lines.clear();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
