/**
 * A real WebSocket client for the server tests: sends protocol messages (or
 * raw frames) and waits for the next server message matching a type.
 */
import type { ClientMessage, ServerMessage } from '@liveroom/core/local';
import WebSocket from 'ws';

/** A connected test client. */
export interface TestClient {
  readonly socket: WebSocket;
  /** Every message received so far, in order. */
  readonly received: ServerMessage[];
  send(message: ClientMessage): void;
  sendRaw(frame: string): void;
  /** Resolves with the first message of `type` (and matching `where`) not yet consumed by a previous `next`. */
  next<T extends ServerMessage['type']>(
    type: T,
    where?: (m: Extract<ServerMessage, { type: T }>) => boolean,
  ): Promise<Extract<ServerMessage, { type: T }>>;
  /** Resolves when the server closed the socket. */
  closed(): Promise<void>;
  close(): void;
}

/** Opens a client on `url`; `autoPong: false` makes it ignore protocol pings, like a frozen tab. */
export async function connect(url: string, options: { autoPong?: boolean } = {}): Promise<TestClient> {
  const socket = new WebSocket(url, { autoPong: options.autoPong ?? true });
  const received: ServerMessage[] = [];
  const consumed = new Set<ServerMessage>();
  const waiters = new Set<() => void>();
  socket.on('message', (data) => {
    received.push(JSON.parse(data.toString()) as ServerMessage);
    for (const wake of waiters) wake();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    received,
    send: (message) => socket.send(JSON.stringify(message)),
    sendRaw: (frame) => socket.send(frame),
    next: (type, where = () => true) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no "${type}" message; received ${JSON.stringify(received)}`));
        }, 5000);
        function check() {
          const found = received.find(
            (m) => !consumed.has(m) && m.type === type && where(m as Extract<ServerMessage, { type: typeof type }>),
          );
          if (!found) return;
          consumed.add(found);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found as Extract<ServerMessage, { type: typeof type }>);
        }
        waiters.add(check);
        check();
      }),
    closed: () => closed,
    close: () => socket.close(),
  };
}
