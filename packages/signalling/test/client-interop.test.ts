/**
 * The local provider's signalling client (entry with retries, request/ack,
 * heartbeat) against this server, in Node: `ws` stands in for the browser's
 * WebSocket, which Node 20 lacks. It lives here, not in core, because this
 * package is the one that depends on `ws`; it reaches into core's
 * unexported client modules on purpose.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { enterRoom } from '../../core/src/local/entry.js';
import { type LocalProviderConfig, localProviderOptionsSchema } from '../../core/src/local/options.js';
import { SignallingSocket } from '../../core/src/local/signalling-socket.js';
import { type SignallingServer, startSignallingServer } from '../src/index.js';

const globals = globalThis as { WebSocket?: unknown };
const nativeWebSocket = globals.WebSocket;
let server: SignallingServer | undefined;
const sockets: SignallingSocket[] = [];

beforeAll(() => {
  globals.WebSocket = WebSocket;
});
afterAll(() => {
  globals.WebSocket = nativeWebSocket;
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await server?.close();
  server = undefined;
});

function config(url: string, overrides: Partial<LocalProviderConfig> = {}): LocalProviderConfig {
  return { ...localProviderOptionsSchema.parse({ signallingUrl: url, backoffBaseMs: 10 }), ...overrides };
}

async function enter(url: string, userId: string, sessionId = userId, overrides: Partial<LocalProviderConfig> = {}) {
  const entry = await enterRoom(
    config(url, overrides),
    { roomId: 'r', userId, role: 'host', sessionId },
    2,
    new AbortController().signal,
    () => undefined,
  );
  sockets.push(entry.socket);
  return entry;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('local provider signalling client', () => {
  it('joins and learns the server clock offset', async () => {
    server = await startSignallingServer({ port: 0 });
    const entry = await enter(server.url, 'a');
    expect(entry.joined.participants).toEqual([]);
    expect(Math.abs(entry.serverTimeOffsetMs)).toBeLessThan(1000);
  });

  it('gives up with CONNECTION_FAILED after its bounded attempts when nothing listens', async () => {
    const url = `ws://127.0.0.1:${await closedPort()}`;
    await expect(enter(url, 'a')).rejects.toMatchObject({ code: 'CONNECTION_FAILED' });
  });

  it('stops at once when its signal aborts', async () => {
    const url = `ws://127.0.0.1:${await closedPort()}`;
    const abort = new AbortController();
    const pending = enterRoom(
      config(url, { backoffBaseMs: 60_000, backoffMaxMs: 60_000 }),
      { roomId: 'r', userId: 'a', role: 'host', sessionId: 'a' },
      5,
      abort.signal,
      () => undefined,
    );
    setTimeout(() => abort.abort(new Error('user left')), 50);
    await expect(pending).rejects.toThrow('user left');
  });

  it('does not retry a refusal: a second user with the same id gets UID_CONFLICT', async () => {
    server = await startSignallingServer({ port: 0 });
    await enter(server.url, 'same', 'session-1');
    await expect(enter(server.url, 'same', 'session-2')).rejects.toMatchObject({ code: 'UID_CONFLICT' });
  });

  it('maps refused requests onto LiveroomError codes', async () => {
    server = await startSignallingServer({ port: 0 });
    const { socket } = await enter(server.url, 'a');
    await expect(socket.request({ type: 'kick', userId: 'nobody' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    await expect(socket.request({ type: 'publish', kind: 'video' })).resolves.toMatchObject({ type: 'ack' });
    await expect(
      socket.request({ type: 'room-message', roomId: 'nowhere', to: 'b', payload: '{}' }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/unknown-room.*"nowhere"/) });
  });

  it('reports a silent server as lost after the heartbeat timeout', async () => {
    // Accepts the connection, then never says a word.
    const mute = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => mute.once('listening', resolve));
    const url = `ws://127.0.0.1:${(mute.address() as { port: number }).port}`;
    const socket = await SignallingSocket.open(
      url,
      1000,
      { intervalMs: 20, timeoutMs: 100 },
      new AbortController().signal,
    );
    sockets.push(socket);
    await new Promise<void>((resolve) => socket.events.once('lost', resolve));
    expect(socket.open).toBe(false);
    await new Promise((resolve) => mute.close(resolve));
  });
});
