/**
 * Getting into a room over signalling, with bounded retries: open a socket,
 * send `join`, wait for `joined`. Network failures are retried with backoff;
 * refusals (uid conflict, full room) and aborts are not.
 */

import { backoffDelay } from '../backoff.js';
import { isLiveroomError, LiveroomError } from '../errors.js';
import type { LocalProviderConfig } from './options.js';
import type { ClientMessage, ServerMessage, ServerMessageOf } from './protocol.js';
import { SignallingSocket } from './signalling-socket.js';
import { sleep } from './sleep.js';

/** A successful entry: the open socket and what the server said. */
export interface Entry {
  socket: SignallingSocket;
  joined: ServerMessageOf<'joined'>;
  /** Server clock minus local clock, from the join round trip (NTP-style midpoint). */
  serverTimeOffsetMs: number;
}

/**
 * Joins with up to `attempts` connection attempts. `onMessage` is attached
 * before `join` is sent, so nothing the server sends right after `joined` is
 * missed. Rejects with `CONNECTION_FAILED` when every attempt failed.
 */
export async function enterRoom(
  config: LocalProviderConfig,
  join: Omit<Extract<ClientMessage, { type: 'join' }>, 'type' | 'rid'>,
  attempts: number,
  signal: AbortSignal,
  onMessage: (message: ServerMessage) => void,
): Promise<Entry> {
  const heartbeat = { intervalMs: config.heartbeatIntervalMs, timeoutMs: config.heartbeatTimeoutMs };
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0)
      await sleep(backoffDelay(attempt - 1, { baseMs: config.backoffBaseMs, maxMs: config.backoffMaxMs }), signal);
    let socket: SignallingSocket | undefined;
    try {
      socket = await SignallingSocket.open(config.signallingUrl, config.connectTimeoutMs, heartbeat, signal);
      socket.events.on('message', onMessage);
      const sentAt = Date.now();
      const joined = await raceSignal(socket.request({ type: 'join', ...join }), signal);
      if (joined.type !== 'joined')
        throw new LiveroomError('PROVIDER_ERROR', `Expected "joined", got "${joined.type}".`);
      return { socket, joined, serverTimeOffsetMs: joined.serverTime - (sentAt + Date.now()) / 2 };
    } catch (error) {
      socket?.close();
      if (signal.aborted) throw signal.reason;
      if (!isLiveroomError(error, 'CONNECTION_FAILED')) throw error;
      lastError = error;
    }
  }
  throw new LiveroomError(
    'CONNECTION_FAILED',
    `Could not reach the signalling server at ${config.signallingUrl} after ${attempts} attempt${attempts === 1 ? '' : 's'}. Is it running (liveroom-signalling --port …)?`,
    { cause: lastError, provider: 'local' },
  );
}

function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
