import { EventEmitter } from 'eventemitter3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isLiveroomError } from '../errors.js';
import { createRoom } from '../room.js';
import type { NetworkQuality } from '../types.js';
import { createLocalProvider } from './local-provider.js';

/** The server lets the join in at once; the session's certificate is made when the test says so. */
const fakes = vi.hoisted(() => {
  let makeCertificate: (certificate: undefined) => void = () => undefined;
  return {
    entered: 0,
    /** Sockets the provider closed. */
    closed: 0,
    /** What the server does before letting the next join in (a refusal rejects). */
    answer: undefined as ((signal: AbortSignal) => Promise<unknown>) | undefined,
    /** The session's socket: emit `lost` on its events to drop the connection. */
    socket: undefined as { events: EventEmitter<{ lost: [] }> } | undefined,
    /** Set to make every network-quality reading throw this message (a bug in the reader). */
    qualityBug: undefined as string | undefined,
    /** What the server sends reaches the provider here. */
    deliver: (_message: unknown) => {},
    certificate: () =>
      new Promise<undefined>((resolve) => {
        makeCertificate = resolve;
      }),
    makeCertificate: () => makeCertificate(undefined),
  };
});

vi.mock('./entry.js', () => ({
  enterRoom: async (
    _config: unknown,
    _join: unknown,
    _attempts: number,
    signal: AbortSignal,
    onMessage: (message: unknown) => void,
  ) => {
    fakes.entered += 1;
    fakes.deliver = onMessage;
    if (fakes.answer) await fakes.answer(signal);
    const socket = {
      events: new EventEmitter<{ lost: [] }>(),
      open: true,
      send: () => undefined,
      request: async () => undefined,
      close: () => {
        fakes.closed += 1;
      },
    };
    fakes.socket = socket;
    return { socket, joined: { type: 'joined', participants: [], serverTime: 0 }, serverTimeOffsetMs: 0 };
  },
}));
vi.mock('./network-quality.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./network-quality.js')>();
  return {
    ...actual,
    worstLevel: (levels: Parameters<typeof actual.worstLevel>[0]) => {
      if (fakes.qualityBug) throw new TypeError(fakes.qualityBug);
      return actual.worstLevel(levels);
    },
  };
});
vi.mock('./peer-link.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./peer-link.js')>()),
  generateCertificate: () => fakes.certificate(),
}));

afterEach(() => {
  vi.useRealTimers();
  fakes.answer = undefined;
  fakes.entered = 0;
  fakes.closed = 0;
  fakes.qualityBug = undefined;
});

describe('LocalProvider', () => {
  it('leaves no timer running and does not resolve join() when leave() comes while the certificate is made', async () => {
    vi.useFakeTimers();
    const provider = createLocalProvider({ signallingUrl: 'ws://127.0.0.1:1' });
    const joining = provider.join({ roomId: 'r1', userId: 'u1', role: 'host', signal: new AbortController().signal });
    const outcome = joining.then(
      () => 'joined',
      (error: unknown) => (isLiveroomError(error, 'OPERATION_ABORTED') ? 'aborted' : error),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.entered).toBe(1); // in the room, waiting for the certificate
    await provider.leave();
    fakes.makeCertificate();
    expect(await outcome).toBe('aborted');
    expect(vi.getTimerCount()).toBe(0); // no audio-level or network-quality ticker for a session that ended
  });

  it("rejects with the caller's reason, starts no timer and keeps no session when the caller aborts while the certificate is made", async () => {
    vi.useFakeTimers();
    const provider = createLocalProvider({ signallingUrl: 'ws://127.0.0.1:1' });
    const caller = new AbortController();
    const params = { roomId: 'r1', userId: 'u1', role: 'host' as const };
    const outcome = provider.join({ ...params, signal: caller.signal }).then(
      () => 'joined',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.entered).toBe(1); // in the room, waiting for the certificate
    const timedOut = new Error('join timed out');
    caller.abort(timedOut); // the room gave up (its timeout), and has not called leave() yet
    fakes.makeCertificate();
    expect(await outcome).toBe(timedOut);
    expect(vi.getTimerCount()).toBe(0); // no audio-level or network-quality ticker
    expect(fakes.closed).toBe(1); // the signalling socket is closed: the server lets the user out
    await expect(provider.sendData('anyone?', {})).rejects.toMatchObject({ code: 'INVALID_STATE' });
    // No session is left behind: a new join() is not refused as "already in a room".
    const again = provider.join({ ...params, signal: new AbortController().signal });
    fakes.makeCertificate();
    await expect(again).resolves.toMatchObject({ userId: 'u1' });
    await provider.leave();
  });

  it('ends a reconnect begun while the certificate was made when the caller aborts the join', async () => {
    vi.useFakeTimers();
    const provider = createLocalProvider({ signallingUrl: 'ws://127.0.0.1:1' });
    const states: string[] = [];
    provider.events.on('connection-state-changed', (state) => states.push(state));
    const caller = new AbortController();
    const params = { roomId: 'r1', userId: 'u1', role: 'host' as const };
    const outcome = provider.join({ ...params, signal: caller.signal }).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.entered).toBe(1); // in the room, waiting for the certificate
    // The connection drops meanwhile; the server lets the rejoin in when the test says so.
    let letIn: (value?: unknown) => void = () => undefined;
    fakes.answer = (signal) =>
      new Promise((resolve, reject) => {
        letIn = resolve;
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      });
    fakes.socket?.events.emit('lost');
    await vi.advanceTimersByTimeAsync(0);
    expect(fakes.entered).toBe(2);
    const timedOut = new Error('join timed out');
    caller.abort(timedOut); // the room gave up, then calls leave() as its teardown does
    fakes.makeCertificate();
    expect(await outcome).toBe(timedOut);
    await provider.leave();
    letIn();
    await vi.advanceTimersByTimeAsync(0);
    // The rejoin must not revive the session the join gave up: no socket, no "connected".
    expect(states).toEqual(['reconnecting']);
    await expect(provider.sendData('anyone?', {})).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('does not release the session of a join() made after leave() ended an earlier one', async () => {
    const provider = createLocalProvider({ signallingUrl: 'ws://127.0.0.1:1' });
    const params = { roomId: 'r1', userId: 'u1', role: 'host' as const, signal: new AbortController().signal };
    // The server does not answer the first join; leave() aborts it, as the real entry does.
    fakes.answer = (signal) =>
      new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    const first = provider.join(params).catch((error: unknown) => error);
    fakes.makeCertificate();
    await provider.leave();
    fakes.answer = undefined;
    const second = provider.join(params);
    expect(isLiveroomError(await first, 'OPERATION_ABORTED')).toBe(true);
    await expect(second).resolves.toMatchObject({ userId: 'u1' });
    await expect(provider.sendData('still here', {})).resolves.toBeUndefined();
    await provider.leave();
  });

  it("names what failed when a peer's SDP cannot be applied, instead of calling it an impairment", async () => {
    const provider = createLocalProvider({ signallingUrl: 'ws://127.0.0.1:1' });
    const warnings: string[] = [];
    provider.events.on('warning', (error) => warnings.push(error.message));
    const joining = provider.join({
      roomId: 'r1',
      userId: 'u1',
      role: 'audience',
      signal: new AbortController().signal,
    });
    fakes.makeCertificate();
    await joining;
    // Node has no RTCPeerConnection, so the downlink for this offer cannot be made.
    fakes.deliver({ type: 'sdp', from: 'host', pcId: 'p1', description: { type: 'offer', sdp: 'v=0' } });
    await vi.waitFor(() => expect(warnings).toHaveLength(1));
    expect(warnings[0]).toMatch(/^sdp from host failed: /);
    await provider.leave();
  });
});

describe('LocalProvider network quality', () => {
  const params = { roomId: 'r1', userId: 'u1', role: 'host' as const, signal: new AbortController().signal };

  it('warns once per distinct failure of its reading, not every tick, and keeps reading', async () => {
    vi.useFakeTimers();
    const provider = createLocalProvider({ signallingUrl: 'ws://127.0.0.1:1', networkQualityIntervalMs: 1000 });
    const warnings: string[] = [];
    const qualities: NetworkQuality[] = [];
    provider.events.on('warning', (error) => warnings.push(`${error.code} ${error.message}`));
    provider.events.on('network-quality', (quality) => qualities.push(quality));
    const joining = provider.join(params);
    fakes.makeCertificate();
    await joining;
    fakes.qualityBug = 'boom';
    await vi.advanceTimersByTimeAsync(3000);
    expect(warnings).toEqual([expect.stringMatching(/^PROVIDER_ERROR .*network quality.*boom/)]);
    fakes.qualityBug = 'bang'; // another failure is news
    await vi.advanceTimersByTimeAsync(2000);
    expect(warnings).toHaveLength(2);
    expect(warnings[1]).toMatch(/bang/);
    expect(qualities).toEqual([]);
    fakes.qualityBug = undefined; // still ticking: the first good reading is reported
    await vi.advanceTimersByTimeAsync(1000);
    expect(qualities).toEqual([{ uplink: 0, downlink: 0 }]);
    expect(warnings).toHaveLength(2);
    await provider.leave();
  });

  it("reads 6 (disconnected) for the local user while reconnecting, through room.watch('networkQuality'), then measures again", async () => {
    vi.useFakeTimers();
    const provider = createLocalProvider({ signallingUrl: 'ws://127.0.0.1:1', networkQualityIntervalMs: 1000 });
    const room = createRoom({ provider });
    const seen: (NetworkQuality | undefined)[] = [];
    room.watch('networkQuality', (quality) => seen.push(quality));
    const joining = room.join({ roomId: 'r1', userId: 'u1', role: 'host' });
    await vi.advanceTimersByTimeAsync(0);
    fakes.makeCertificate();
    await joining;
    await vi.advanceTimersByTimeAsync(1000); // no paths yet: unknown
    expect(seen).toEqual([undefined, { uplink: 0, downlink: 0 }]);

    let letIn: (value?: unknown) => void = () => undefined;
    fakes.answer = () => new Promise((resolve) => (letIn = resolve));
    fakes.socket?.events.emit('lost');
    await vi.advanceTimersByTimeAsync(0);
    expect(room.connectionState).toBe('reconnecting');
    expect(seen.at(-1)).toEqual({ uplink: 6, downlink: 6 });
    await vi.advanceTimersByTimeAsync(5000); // readings of the closed mesh say nothing meanwhile
    expect(seen).toHaveLength(3);

    fakes.answer = undefined;
    letIn();
    await vi.advanceTimersByTimeAsync(0);
    expect(room.connectionState).toBe('connected');
    await vi.advanceTimersByTimeAsync(1000); // measured again: no paths yet, unknown
    expect(seen.at(-1)).toEqual({ uplink: 0, downlink: 0 });
    expect(seen).toHaveLength(4);
    await room.leave();
  });
});
