/**
 * One WebSocket to the signalling server: opens with a timeout, validates
 * every incoming frame with the protocol schema, matches requests to their
 * `ack`/`error` by request id, and runs an application-level heartbeat so a
 * silent (half-open) server is detected and reported as closed.
 */
import { EventEmitter } from 'eventemitter3';
import { LiveroomError, type LiveroomErrorCode } from '../errors.js';
import {
  type ClientMessage,
  decodeMessage,
  type ServerMessage,
  type SignallingErrorCode,
  serverMessageSchema,
} from './protocol.js';

/** Heartbeat timing of a {@link SignallingSocket}. */
export interface HeartbeatPolicy {
  intervalMs: number;
  /** A ping unanswered for this long closes the socket. */
  timeoutMs: number;
}

/** Events of a {@link SignallingSocket}. */
export interface SignallingSocketEvents {
  message: [message: ServerMessage];
  /** The socket closed for any reason other than {@link SignallingSocket.close}. */
  lost: [];
}

type Request = ClientMessage & { rid?: number };
type Pending = { resolve: (m: ServerMessage) => void; reject: (e: LiveroomError) => void };

const ERROR_CODES: Record<SignallingErrorCode, LiveroomErrorCode> = {
  'invalid-message': 'PROVIDER_ERROR',
  'not-joined': 'INVALID_STATE',
  'already-joined': 'INVALID_STATE',
  'uid-conflict': 'UID_CONFLICT',
  'publishers-full': 'INVALID_STATE',
  'viewers-full': 'INVALID_STATE',
  'unknown-peer': 'INVALID_STATE',
  'unknown-room': 'INVALID_STATE',
  forbidden: 'INVALID_STATE',
};

/** Turns a server `error` message into a {@link LiveroomError}. */
export function signallingError(code: SignallingErrorCode, message: string): LiveroomError {
  return new LiveroomError(ERROR_CODES[code], `Signalling server refused (${code}): ${message}`, { provider: 'local' });
}

/** A connected signalling socket. Create it with {@link SignallingSocket.open}. */
export class SignallingSocket {
  readonly events = new EventEmitter<SignallingSocketEvents>();
  readonly #ws: WebSocket;
  readonly #pending = new Map<number, Pending>();
  #nextRid = 1;
  /** When the unanswered ping went out (undefined: the server spoke since the last ping). */
  #pingSentAt: number | undefined;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #closed = false;

  private constructor(ws: WebSocket, heartbeat: HeartbeatPolicy) {
    this.#ws = ws;
    ws.onmessage = (event) => this.#receive(event.data);
    ws.onclose = () => this.#lose();
    // Silence counts from an unanswered ping, not from the last message: timers in a
    // hidden tab may fire only once a minute, and that alone must not look like a dead server.
    this.#heartbeat = setInterval(() => {
      if (this.#pingSentAt === undefined) {
        this.#pingSentAt = Date.now();
        this.send({ type: 'ping', t: this.#pingSentAt });
      } else if (Date.now() - this.#pingSentAt > heartbeat.timeoutMs) {
        this.#ws.close();
        this.#lose();
      }
    }, heartbeat.intervalMs);
  }

  /**
   * Opens a socket to `url`. Rejects with `CONNECTION_FAILED` when the server
   * does not accept within `timeoutMs`, or with the signal's reason on abort.
   */
  static open(
    url: string,
    timeoutMs: number,
    heartbeat: HeartbeatPolicy,
    signal: AbortSignal,
  ): Promise<SignallingSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const fail = (error: unknown) => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        ws.onopen = ws.onerror = ws.onclose = null;
        ws.close();
        reject(error);
      };
      const onAbort = () => fail(signal.reason);
      const timer = setTimeout(
        () => fail(new LiveroomError('CONNECTION_FAILED', `No answer from ${url} within ${timeoutMs} ms.`)),
        timeoutMs,
      );
      ws.onerror = ws.onclose = () =>
        fail(new LiveroomError('CONNECTION_FAILED', `Could not connect to the signalling server at ${url}.`));
      ws.onopen = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        ws.onopen = ws.onerror = null;
        resolve(new SignallingSocket(ws, heartbeat));
      };
      if (signal.aborted) onAbort();
      else signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** True until the socket closed or was lost. */
  get open(): boolean {
    return !this.#closed;
  }

  /** Sends a message without waiting for an answer (dropped when closed). */
  send(message: ClientMessage): void {
    if (!this.#closed && this.#ws.readyState === WebSocket.OPEN) this.#ws.send(JSON.stringify(message));
  }

  /**
   * Sends a request with a fresh request id and resolves with the server's
   * answer carrying that id (`ack`, or `joined` for `join`). Rejects with the
   * mapped {@link LiveroomError} on `error`, and with `CONNECTION_FAILED` when
   * the socket closes first.
   */
  request(message: Request): Promise<ServerMessage> {
    const rid = this.#nextRid++;
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(new LiveroomError('CONNECTION_FAILED', 'The signalling connection is closed.', { provider: 'local' }));
        return;
      }
      this.#pending.set(rid, { resolve, reject });
      this.send({ ...message, rid } as ClientMessage);
    });
  }

  /** Closes the socket; pending requests reject and `lost` is not emitted. */
  close(): void {
    if (this.#closed) return;
    this.#ws.onclose = null;
    this.#ws.close(1000);
    this.#shutDown('The signalling connection was closed.');
  }

  #receive(data: unknown): void {
    this.#pingSentAt = undefined;
    if (typeof data !== 'string') return;
    const decoded = decodeMessage(serverMessageSchema, data);
    if (!decoded.ok) return;
    const message = decoded.message;
    const rid = 'rid' in message ? message.rid : undefined;
    const pending = rid === undefined ? undefined : this.#pending.get(rid);
    if (pending && rid !== undefined) {
      this.#pending.delete(rid);
      if (message.type === 'error') pending.reject(signallingError(message.code, message.message));
      else pending.resolve(message);
      return;
    }
    this.events.emit('message', message);
  }

  #lose(): void {
    if (this.#closed) return;
    this.#shutDown('The signalling connection was lost.');
    this.events.emit('lost');
  }

  #shutDown(reason: string): void {
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#heartbeat = undefined;
    for (const pending of this.#pending.values()) {
      pending.reject(new LiveroomError('CONNECTION_FAILED', reason, { provider: 'local' }));
    }
    this.#pending.clear();
  }
}
