import { afterEach, describe, expect, it } from 'vitest';
import { type SignallingServer, type SignallingServerOptions, startSignallingServer } from '../src/index.js';
import { connect, type TestClient } from './client.js';

let server: SignallingServer | undefined;
const clients: TestClient[] = [];

async function start(options: SignallingServerOptions = {}): Promise<SignallingServer> {
  server = await startSignallingServer({ port: 0, ...options });
  return server;
}

async function client(autoPong = true): Promise<TestClient> {
  const c = await connect((server as SignallingServer).url, { autoPong });
  clients.push(c);
  return c;
}

async function joined(userId: string, role: 'host' | 'cohost' | 'audience' = 'audience', roomId = 'r1') {
  const c = await client();
  c.send({ type: 'join', rid: 1, roomId, userId, role, sessionId: `s-${userId}` });
  return { client: c, joined: await c.next('joined') };
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
});

describe('signalling server', () => {
  it('binds loopback on a free port when asked for port 0', async () => {
    const s = await start();
    expect(s.port).toBeGreaterThan(0);
    expect(s.url).toBe(`ws://127.0.0.1:${s.port}`);
  });

  it('answers join with a snapshot of the others and the server time, and announces the newcomer', async () => {
    await start();
    const host = await joined('host-1', 'host');
    host.client.send({ type: 'publish', rid: 2, kind: 'video' });
    await host.client.next('ack', (m) => m.rid === 2);
    const before = Date.now();
    const viewer = await joined('viewer-1');
    expect(viewer.joined.rid).toBe(1);
    expect(viewer.joined.participants).toEqual([{ id: 'host-1', role: 'host', published: ['video'], muted: [] }]);
    expect(viewer.joined.serverTime).toBeGreaterThanOrEqual(before);
    const announced = await host.client.next('participant-joined');
    expect(announced.participant).toEqual({ id: 'viewer-1', role: 'audience', published: [], muted: [] });
  });

  it('replies to malformed frames with an error and keeps serving', async () => {
    await start();
    const c = await client();
    c.sendRaw('not json');
    expect((await c.next('error')).code).toBe('invalid-message');
    c.sendRaw(JSON.stringify({ type: 'join', roomId: 'r1', role: 'wizard' }));
    expect((await c.next('error')).message).toMatch(/Invalid message/);
    c.send({ type: 'ping', t: 42 });
    expect((await c.next('pong')).t).toBe(42);
  });

  it('refuses messages before join', async () => {
    await start();
    const c = await client();
    c.send({ type: 'publish', rid: 7, kind: 'video' });
    expect(await c.next('error')).toMatchObject({ rid: 7, code: 'not-joined' });
  });

  it('refuses a second participant with the same user id, but lets the same session take over', async () => {
    await start();
    await joined('dup', 'host');
    const other = await client();
    other.send({ type: 'join', rid: 3, roomId: 'r1', userId: 'dup', role: 'audience', sessionId: 'another' });
    expect(await other.next('error')).toMatchObject({ rid: 3, code: 'uid-conflict' });
    const watcher = await joined('watcher');
    const again = await client();
    again.send({ type: 'join', roomId: 'r1', userId: 'dup', role: 'host', sessionId: 's-dup' });
    await again.next('joined');
    await watcher.client.next('participant-left', (m) => m.userId === 'dup');
    await watcher.client.next('participant-joined', (m) => m.participant.id === 'dup');
  });

  it('relays track announcements, role changes and departures to the rest of the room', async () => {
    await start();
    const host = await joined('h', 'host');
    const viewer = await joined('v');
    host.client.send({ type: 'publish', kind: 'video' });
    expect(await viewer.client.next('publish')).toMatchObject({ userId: 'h', kind: 'video' });
    host.client.send({ type: 'mute', kind: 'video' });
    expect(await viewer.client.next('mute')).toMatchObject({ userId: 'h', kind: 'video' });
    viewer.client.send({ type: 'set-role', rid: 9, role: 'cohost' });
    await viewer.client.next('ack', (m) => m.rid === 9);
    expect(await host.client.next('role-changed')).toMatchObject({ userId: 'v', role: 'cohost' });
    viewer.client.close();
    expect(await host.client.next('participant-left')).toMatchObject({ userId: 'v', reason: 'left' });
    expect(server?.rooms()).toEqual([
      { roomId: 'r1', participants: [{ id: 'h', role: 'host', published: ['video'], muted: ['video'] }] },
    ]);
  });

  it('refuses publishing from the audience', async () => {
    await start();
    const viewer = await joined('v');
    viewer.client.send({ type: 'publish', rid: 4, kind: 'video' });
    expect(await viewer.client.next('error')).toMatchObject({ rid: 4, code: 'forbidden' });
  });

  it('relays SDP, ICE and impairment requests to one peer only, with the sender id', async () => {
    await start();
    const a = await joined('a', 'host');
    const b = await joined('b');
    const c = await joined('c');
    a.client.send({ type: 'sdp', to: 'b', pcId: 'pc1', description: { type: 'offer', sdp: 'v=0' } });
    expect(await b.client.next('sdp')).toEqual({
      type: 'sdp',
      from: 'a',
      pcId: 'pc1',
      description: { type: 'offer', sdp: 'v=0' },
    });
    b.client.send({ type: 'ice', to: 'a', pcId: 'pc1', candidate: null });
    expect(await a.client.next('ice')).toMatchObject({ from: 'b', pcId: 'pc1', candidate: null });
    c.client.send({ type: 'impair', rid: 5, to: 'a', impairment: { stallMs: 800 } });
    await c.client.next('ack', (m) => m.rid === 5);
    expect(await a.client.next('impair')).toEqual({ type: 'impair', from: 'c', impairment: { stallMs: 800 } });
    c.client.send({ type: 'impair', rid: 6, to: 'ghost', impairment: {} });
    expect(await c.client.next('error')).toMatchObject({ rid: 6, code: 'unknown-peer' });
    expect(b.client.received.some((m) => m.type === 'impair')).toBe(false);
  });

  it('delivers data messages room-wide or to the listed user ids', async () => {
    await start();
    const a = await joined('a', 'host');
    const b = await joined('b');
    const c = await joined('c');
    a.client.send({ type: 'data', payload: 'all' });
    expect((await b.client.next('data')).payload).toBe('all');
    expect((await c.client.next('data')).payload).toBe('all');
    a.client.send({ type: 'data', rid: 2, to: ['c'], payload: 'just c' });
    await a.client.next('ack', (m) => m.rid === 2);
    expect(await c.client.next('data')).toEqual({ type: 'data', from: 'a', payload: 'just c' });
    b.client.send({ type: 'ping', t: 1 });
    await b.client.next('pong');
    expect(b.client.received.filter((m) => m.type === 'data')).toHaveLength(1);
  });

  it('enforces the publisher and viewer limits with clear errors', async () => {
    await start({ maxPublishers: 2, maxViewers: 1 });
    await joined('h1', 'host');
    await joined('h2', 'cohost');
    const third = await client();
    third.send({ type: 'join', rid: 1, roomId: 'r1', userId: 'h3', role: 'cohost', sessionId: 'x' });
    const refused = await third.next('error');
    expect(refused.code).toBe('publishers-full');
    expect(refused.message).toMatch(/2 publishers/);
    const v1 = await joined('v1');
    const v2 = await client();
    v2.send({ type: 'join', rid: 1, roomId: 'r1', userId: 'v2', role: 'audience', sessionId: 'y' });
    expect((await v2.next('error')).code).toBe('viewers-full');
    v1.client.send({ type: 'set-role', rid: 8, role: 'cohost' });
    expect(await v1.client.next('error')).toMatchObject({ rid: 8, code: 'publishers-full' });
  });

  it('defaults to 9 publishers per room', async () => {
    await start();
    for (let i = 0; i < 9; i++) await joined(`p${i}`, i === 0 ? 'host' : 'cohost');
    const tenth = await client();
    tenth.send({ type: 'join', roomId: 'r1', userId: 'p9', role: 'cohost', sessionId: 'z' });
    expect((await tenth.next('error')).code).toBe('publishers-full');
  });

  it('lets a host kick a participant and close the room; the server API does the same', async () => {
    await start();
    const host = await joined('h', 'host');
    const v = await joined('v');
    const w = await joined('w');
    v.client.send({ type: 'kick', rid: 3, userId: 'w' });
    expect((await v.client.next('error')).code).toBe('forbidden');
    host.client.send({ type: 'kick', rid: 4, userId: 'w' });
    expect(await w.client.next('removed')).toEqual({ type: 'removed', reason: 'kicked' });
    await w.client.closed();
    expect(await v.client.next('participant-left')).toMatchObject({ userId: 'w', reason: 'kicked' });
    expect(server?.closeRoom('r1')).toBe(true);
    expect((await v.client.next('removed')).reason).toBe('room-closed');
    expect((await host.client.next('removed')).reason).toBe('room-closed');
    expect(server?.rooms()).toEqual([]);
  });

  it('drops a silent client after the heartbeat timeout and tells the room', async () => {
    await start({ heartbeatIntervalMs: 20, heartbeatTimeoutMs: 60 });
    const host = await joined('h', 'host');
    const silent = await client(false);
    silent.send({ type: 'join', roomId: 'r1', userId: 's', role: 'audience', sessionId: 's' });
    await silent.next('joined');
    expect(await host.client.next('participant-left')).toMatchObject({ userId: 's', reason: 'timeout' });
  });

  it('close() disconnects every client and frees the port', async () => {
    const s = await start();
    const { client: c } = await joined('h', 'host');
    await s.close();
    server = undefined;
    await c.closed();
    const again = await startSignallingServer({ port: s.port });
    await again.close();
  });
});
