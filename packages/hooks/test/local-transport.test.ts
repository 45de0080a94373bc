import { createRoom, isLiveroomError, LiveroomError } from '@liveroom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type BattleStore, createBattleStore } from '../src/pk/battle-store.js';
import { DEFAULT_BATTLE_TIMINGS as T } from '../src/pk/battle-types.js';
import { type CrossRoomMessengerEvent, createLocalPkTransport } from '../src/pk/local-transport.js';
import type { PkMessage } from '../src/pk/pk-messages.js';
import type { PkTransportEvent } from '../src/pk/pk-transport.js';
import { joinHost, ManualClock, SERVER_T0, SkewedProvider, settle } from './fixtures/rooms.js';

/** An in-memory signalling server: routes `sendToRoom` by room and user, like `@liveroom/signalling`. */
class Exchange {
  readonly members = new Map<string, MessengerProvider>();
  route(from: MessengerProvider, roomId: string, userId: string, payload: string): void {
    const target = this.members.get(`${roomId}/${userId}`);
    if (!target) throw new LiveroomError('INVALID_STATE', `No participant "${userId}" in room "${roomId}".`);
    target.deliver({ type: 'message', fromRoomId: from.roomId, from: from.userId, payload });
  }
}

class MessengerProvider extends SkewedProvider {
  readonly #listeners = new Set<(event: CrossRoomMessengerEvent) => void>();
  constructor(
    readonly exchange: Exchange,
    readonly roomId: string,
    readonly userId: string,
  ) {
    super(0);
    exchange.members.set(`${roomId}/${userId}`, this);
  }
  async sendToRoom(roomId: string, userId: string, payload: string): Promise<void> {
    this.exchange.route(this, roomId, userId, payload);
  }
  onRoomMessage(listener: (event: CrossRoomMessengerEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  deliver(event: CrossRoomMessengerEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}

const stores: BattleStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

async function host(exchange: Exchange, userId: string, roomId: string) {
  const provider = new MessengerProvider(exchange, roomId, userId);
  const room = createRoom({ provider });
  await room.join({ roomId, userId, role: 'host' });
  return { room, provider, clock: new ManualClock(SERVER_T0) };
}

const invite: PkMessage = {
  kind: 'liveroom.pk',
  v: 1,
  from: { userId: 'alice', roomId: 'shop-a' },
  to: { userId: 'bob', roomId: 'shop-b' },
  body: { type: 'accept', battleId: 'pk-1' },
};

describe('createLocalPkTransport', () => {
  it('throws NOT_SUPPORTED on a provider without cross-room messaging', async () => {
    const { room } = await joinHost('alice', 'shop-a');
    expect(() => createLocalPkTransport(room)).toThrow(
      expect.objectContaining({ code: 'NOT_SUPPORTED', message: expect.stringMatching(/createRoomDataPkTransport/) }),
    );
  });

  it('runs a battle across rooms to its result on both sides', async () => {
    const exchange = new Exchange();
    const alice = await host(exchange, 'alice', 'shop-a');
    const bob = await host(exchange, 'bob', 'shop-b');
    const a = createBattleStore({
      room: alice.room,
      transport: createLocalPkTransport(alice.room),
      clock: alice.clock,
    });
    const b = createBattleStore({ room: bob.room, transport: createLocalPkTransport(bob.room), clock: bob.clock });
    stores.push(a, b);
    await a.invite({ userId: 'bob', roomId: 'shop-b' });
    expect(b.getSnapshot().battle).toMatchObject({ phase: 'invited', opponent: { userId: 'alice', roomId: 'shop-a' } });
    await b.accept();
    await settle();
    expect(a.getSnapshot().battle.phase).toBe('countdown');
    expect(b.getSnapshot().battle.phase).toBe('countdown');
    alice.clock.advance(T.countdownMs);
    bob.clock.advance(T.countdownMs);
    await a.publishScore({ alice: 3, bob: 5 });
    expect(b.getSnapshot().battle).toMatchObject({ phase: 'active', scores: { alice: 3, bob: 5 } });
    await a.end();
    await settle();
    alice.clock.advance(T.settleMs);
    bob.clock.advance(T.settleMs);
    expect(a.getSnapshot().battle).toMatchObject({ phase: 'result', outcome: 'loss', reason: 'ended_early' });
    expect(b.getSnapshot().battle).toMatchObject({ phase: 'result', outcome: 'win', scores: { bob: 5 } });
  });

  it('rolls the invite back when the server refuses the target', async () => {
    const exchange = new Exchange();
    const alice = await host(exchange, 'alice', 'shop-a');
    const a = createBattleStore({
      room: alice.room,
      transport: createLocalPkTransport(alice.room),
      clock: alice.clock,
    });
    stores.push(a);
    const error = await a.invite({ userId: 'nobody', roomId: 'shop-z' }).catch((e: unknown) => e);
    expect(isLiveroomError(error, 'INVALID_STATE')).toBe(true);
    expect(a.getSnapshot().battle.phase).toBe('idle');
    expect(a.getSnapshot().lastError).toBe(error);
  });

  it.each<[string, Partial<CrossRoomMessengerEvent>]>([
    ['a sender other than the stamped one', { from: 'eve' }],
    ['a sender room other than the stamped one', { fromRoomId: 'shop-x' }],
    ['a message for another room', { payload: JSON.stringify({ ...invite, to: { userId: 'bob', roomId: 'shop-x' } }) }],
    [
      'a message for someone else',
      { payload: JSON.stringify({ ...invite, to: { userId: 'carol', roomId: 'shop-b' } }) },
    ],
    ['not JSON', { payload: '{oops' }],
    ['another protocol', { payload: JSON.stringify({ kind: 'chat' }) }],
  ])('drops %s', async (_name, change) => {
    const exchange = new Exchange();
    const bob = await host(exchange, 'bob', 'shop-b');
    const received: PkTransportEvent[] = [];
    createLocalPkTransport(bob.room).listen((event) => received.push(event));
    const valid = { type: 'message', fromRoomId: 'shop-a', from: 'alice', payload: JSON.stringify(invite) } as const;
    bob.provider.deliver({ ...valid, ...change } as CrossRoomMessengerEvent);
    bob.provider.deliver(valid);
    expect(received).toEqual([{ type: 'message', message: invite }]);
  });

  it('reports departures from the server and from the room as peer-left, until unlistened', async () => {
    const exchange = new Exchange();
    const bob = await host(exchange, 'bob', 'shop-b');
    const received: PkTransportEvent[] = [];
    const stop = createLocalPkTransport(bob.room).listen((event) => received.push(event));
    bob.provider.deliver({ type: 'peer-left', roomId: 'shop-a', userId: 'alice' });
    bob.provider.remoteJoin('carol');
    bob.provider.remoteLeave('carol');
    stop();
    bob.provider.deliver({ type: 'peer-left', roomId: 'shop-a', userId: 'dave' });
    expect(received).toEqual([
      { type: 'peer-left', userId: 'alice' },
      { type: 'peer-left', userId: 'carol' },
    ]);
  });
});
