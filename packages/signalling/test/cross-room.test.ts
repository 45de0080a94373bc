import { afterEach, describe, expect, it } from 'vitest';
import { Contacts } from '../src/contacts.js';
import { type SignallingServer, startSignallingServer } from '../src/index.js';
import { connect, type TestClient } from './client.js';

let server: SignallingServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
  server = undefined;
});

async function joined(userId: string, roomId: string, role: 'host' | 'cohost' | 'audience' = 'host') {
  server ??= await startSignallingServer({ port: 0 });
  const c = await connect(server.url);
  clients.push(c);
  c.send({ type: 'join', rid: 1, roomId, userId, role, sessionId: `s-${userId}` });
  await c.next('joined');
  return c;
}

describe('cross-room messages', () => {
  it('delivers to one participant of another room, stamped with the sender room and id', async () => {
    const alice = await joined('alice', 'shop-a');
    const bob = await joined('bob', 'shop-b');
    const bystander = await joined('carol', 'shop-b', 'audience');
    alice.send({ type: 'room-message', rid: 7, roomId: 'shop-b', to: 'bob', payload: 'hello' });
    await alice.next('ack', (m) => m.rid === 7);
    expect(await bob.next('room-message')).toEqual({
      type: 'room-message',
      fromRoomId: 'shop-a',
      from: 'alice',
      payload: 'hello',
    });
    bob.send({ type: 'room-message', rid: 2, roomId: 'shop-a', to: 'alice', payload: 'hi back' });
    expect((await alice.next('room-message')).from).toBe('bob');
    expect(bystander.received.filter((m) => m.type === 'room-message')).toEqual([]);
  });

  it('also works inside one room', async () => {
    const alice = await joined('alice', 'shop-a');
    const bob = await joined('bob', 'shop-a', 'cohost');
    alice.send({ type: 'room-message', rid: 3, roomId: 'shop-a', to: 'bob', payload: 'x' });
    expect(await bob.next('room-message')).toMatchObject({ fromRoomId: 'shop-a', from: 'alice' });
  });

  it('refuses an unknown room or user with a clear error and reveals no one else', async () => {
    const alice = await joined('alice', 'shop-a');
    await joined('bob', 'shop-b');
    alice.send({ type: 'room-message', rid: 4, roomId: 'nowhere', to: 'bob', payload: 'x' });
    const noRoom = await alice.next('error', (m) => m.rid === 4);
    expect(noRoom).toMatchObject({ code: 'unknown-room', message: 'No room "nowhere" on this server.' });
    alice.send({ type: 'room-message', rid: 5, roomId: 'shop-b', to: 'dave', payload: 'x' });
    const noUser = await alice.next('error', (m) => m.rid === 5);
    expect(noUser).toMatchObject({ code: 'unknown-peer' });
    expect(noUser.message).toBe('No participant "dave" in room "shop-b".');
    expect(noUser.message).not.toContain('bob');
  });

  it('refuses the audience and clients that have not joined', async () => {
    const viewer = await joined('viewer', 'shop-a', 'audience');
    await joined('bob', 'shop-b');
    viewer.send({ type: 'room-message', rid: 6, roomId: 'shop-b', to: 'bob', payload: 'x' });
    expect((await viewer.next('error', (m) => m.rid === 6)).code).toBe('forbidden');
    const stranger = await connect((server as SignallingServer).url);
    clients.push(stranger);
    stranger.send({ type: 'room-message', rid: 1, roomId: 'shop-b', to: 'bob', payload: 'x' });
    expect((await stranger.next('error')).code).toBe('not-joined');
  });

  it('validates the message: oversized payloads and missing targets are invalid', async () => {
    const alice = await joined('alice', 'shop-a');
    alice.sendRaw(JSON.stringify({ type: 'room-message', roomId: 'shop-b', payload: 'x' }));
    expect((await alice.next('error')).code).toBe('invalid-message');
    alice.sendRaw(JSON.stringify({ type: 'room-message', roomId: 'b', to: 'c', payload: 'x'.repeat(70_000) }));
    expect((await alice.next('error')).code).toBe('invalid-message');
  });

  it('tells a contact in another room when its peer leaves, and no one else', async () => {
    const alice = await joined('alice', 'shop-a');
    const bob = await joined('bob', 'shop-b');
    const erin = await joined('erin', 'shop-c');
    alice.send({ type: 'room-message', rid: 2, roomId: 'shop-b', to: 'bob', payload: 'x' });
    await alice.next('ack');
    bob.close();
    expect(await alice.next('room-peer-left')).toEqual({ type: 'room-peer-left', roomId: 'shop-b', userId: 'bob' });
    // Ping round trip: anything the server meant for erin has arrived by now.
    erin.send({ type: 'ping', t: 1 });
    await erin.next('pong');
    expect(erin.received.some((m) => m.type === 'room-peer-left')).toBe(false);
  });

  it('tells contacts when the peer room is closed', async () => {
    const alice = await joined('alice', 'shop-a');
    await joined('bob', 'shop-b');
    alice.send({ type: 'room-message', rid: 2, roomId: 'shop-b', to: 'bob', payload: 'x' });
    await alice.next('ack');
    expect(server?.closeRoom('shop-b')).toBe(true);
    expect(await alice.next('room-peer-left')).toMatchObject({ roomId: 'shop-b', userId: 'bob' });
  });
});

describe('Contacts', () => {
  it('links both ways and forgets a released line everywhere', () => {
    const contacts = new Contacts<string>();
    contacts.link('a', 'b');
    contacts.link('a', 'c');
    expect(contacts.release('b')).toEqual(['a']);
    expect(contacts.release('a')).toEqual(['c']);
    expect(contacts.release('c')).toEqual([]);
    expect(contacts.size).toBe(0);
  });
});
