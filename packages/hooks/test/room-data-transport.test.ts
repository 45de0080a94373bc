import { describe, expect, it } from 'vitest';
import type { PkMessage } from '../src/pk/pk-messages.js';
import type { PkTransportEvent } from '../src/pk/pk-transport.js';
import { createRoomDataPkTransport } from '../src/pk/room-data-transport.js';
import { joinHost, linkDataMessages } from './fixtures/rooms.js';

const invite: PkMessage = {
  kind: 'liveroom.pk',
  v: 1,
  from: { userId: 'alice', roomId: 'shop-1' },
  to: { userId: 'bob', roomId: 'shop-1' },
  body: {
    type: 'invite',
    battleId: 'pk-1',
    sentAt: 1,
    timings: { inviteTimeoutMs: 1, countdownMs: 1, durationMs: 1, settleMs: 1, resultMs: 1 },
  },
};

async function pair() {
  const alice = await joinHost('alice', 'shop-1');
  const bob = await joinHost('bob', 'shop-1');
  bob.provider.remoteJoin('alice');
  linkDataMessages([alice, bob]);
  const received: PkTransportEvent[] = [];
  createRoomDataPkTransport(bob.room).listen((event) => received.push(event));
  return { alice, bob, received };
}

describe('createRoomDataPkTransport', () => {
  it('delivers a valid message sent to one user only', async () => {
    const { alice, received } = await pair();
    await createRoomDataPkTransport(alice.room).send(invite);
    expect(received).toEqual([{ type: 'message', message: invite }]);
    expect(alice.provider.calls.find((c) => c.method === 'sendData')?.args[1]).toEqual({ to: ['bob'] });
  });

  it('refuses a message to another room with NOT_SUPPORTED, naming the transports that span rooms', async () => {
    const { alice } = await pair();
    const elsewhere = { ...invite, to: { userId: 'bob', roomId: 'shop-2' } };
    await expect(createRoomDataPkTransport(alice.room).send(elsewhere)).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
      message: expect.stringMatching(/"shop-2".*createLocalPkTransport\(room\).*your own PkTransport/),
    });
    expect(alice.provider.calls.some((c) => c.method === 'sendData')).toBe(false);
  });

  it.each<[string, unknown]>([
    ['not JSON', '{oops'],
    ['another protocol', JSON.stringify({ kind: 'chat', text: 'hi' })],
    ['a newer protocol version', JSON.stringify({ ...invite, v: 2 })],
    ['a negative duration', JSON.stringify({ ...invite, body: { ...invite.body, timings: { durationMs: -1 } } })],
    [
      'a sender who is not the data channel sender',
      JSON.stringify({ ...invite, from: { userId: 'eve', roomId: 'shop-1' } }),
    ],
    ['a sender who claims another room', JSON.stringify({ ...invite, from: { userId: 'alice', roomId: 'shop-2' } })],
    ['a message for someone else', JSON.stringify({ ...invite, to: { userId: 'carol', roomId: 'shop-1' } })],
  ])('drops %s', async (_name, payload) => {
    const { bob, received } = await pair();
    bob.provider.events.emit('data-message', { from: 'alice', payload: payload as string });
    expect(received).toEqual([]);
  });

  it('reports a participant leaving the room as peer-left', async () => {
    const { bob, received } = await pair();
    bob.provider.remoteLeave('alice');
    expect(received).toEqual([{ type: 'peer-left', userId: 'alice' }]);
  });

  it('stops delivering after unlisten', async () => {
    const alice = await joinHost('alice', 'shop-1');
    const bob = await joinHost('bob', 'shop-1');
    linkDataMessages([alice, bob]);
    const received: PkTransportEvent[] = [];
    const stop = createRoomDataPkTransport(bob.room).listen((event) => received.push(event));
    stop();
    await createRoomDataPkTransport(alice.room).send(invite);
    expect(received).toEqual([]);
  });
});
