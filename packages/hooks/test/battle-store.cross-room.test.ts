import { isLiveroomError, LiveroomError } from '@liveroom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type BattleStore, createBattleStore } from '../src/pk/battle-store.js';
import { DEFAULT_BATTLE_TIMINGS as T } from '../src/pk/battle-types.js';
import { createRoomDataPkTransport } from '../src/pk/room-data-transport.js';
import { joinHost, PkHub, settle, type TestHost } from './fixtures/rooms.js';

const stores: BattleStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

function storeFor(host: TestHost, hub: PkHub) {
  const store = createBattleStore({
    room: host.room,
    transport: hub.transportFor(host.room.userId!),
    clock: host.clock,
  });
  stores.push(store);
  return store;
}

async function crossRoom(relay: boolean) {
  const hub = new PkHub();
  const alice = await joinHost('alice', 'shop-a', 0, { capabilities: { mediaRelay: relay } });
  const bob = await joinHost('bob', 'shop-b', 2_500, { capabilities: { mediaRelay: relay } });
  const a = storeFor(alice, hub);
  const b = storeFor(bob, hub);
  await a.invite({ userId: 'bob', roomId: 'shop-b' });
  await b.accept();
  await settle();
  return { hub, alice, bob, a, b };
}

describe('cross-room battles', () => {
  it('carries both room ids and relays media into the opponent room', async () => {
    const { hub, alice, a } = await crossRoom(true);
    expect(hub.sent[0]).toMatchObject({ from: { userId: 'alice', roomId: 'shop-a' }, to: { roomId: 'shop-b' } });
    expect(a.getSnapshot().relay).toBe('running');
    expect(alice.provider.calls.find((c) => c.method === 'startRelay')?.args).toEqual([
      [{ roomId: 'shop-b', userId: 'alice' }],
    ]);
    await a.end();
    alice.clock.advance(T.settleMs + T.resultMs);
    await settle();
    expect(a.getSnapshot()).toMatchObject({ battle: { phase: 'idle' }, relay: 'none' });
    expect(alice.provider.methods()).toContain('stopRelay');
  });

  it('reports the relay as unsupported when the provider has no media relay', async () => {
    const { a, b } = await crossRoom(false);
    expect(a.getSnapshot().battle.phase).toBe('countdown');
    expect(a.getSnapshot().relay).toBe('unsupported');
    expect(b.getSnapshot().relay).toBe('unsupported');
  });

  it('records a failed relay without ending the battle', async () => {
    const hub = new PkHub();
    const alice = await joinHost('alice', 'shop-a');
    alice.provider.failNext('startRelay', new LiveroomError('PROVIDER_ERROR', 'relay refused'));
    const bob = await joinHost('bob', 'shop-b');
    const a = storeFor(alice, hub);
    const b = storeFor(bob, hub);
    await a.invite({ userId: 'bob', roomId: 'shop-b' });
    await b.accept();
    await settle();
    expect(a.getSnapshot()).toMatchObject({ battle: { phase: 'countdown' }, relay: 'failed' });
    expect(a.getSnapshot().lastError?.code).toBe('PROVIDER_ERROR');
  });

  it('ends as opponent_left when the transport loses the opponent', async () => {
    const { hub, alice, bob, a } = await crossRoom(true);
    alice.clock.advance(T.countdownMs);
    bob.clock.advance(T.countdownMs);
    hub.disconnect('bob');
    expect(a.getSnapshot().battle).toMatchObject({ phase: 'result', outcome: 'opponent_left' });
  });

  it('ignores start and score messages from anyone but the opponent', async () => {
    const { hub, b } = await crossRoom(true);
    const battle = b.getSnapshot().battle;
    if (battle.phase === 'idle') throw new Error('expected a battle');
    const eve = hub.transportFor('eve');
    const body = { type: 'score', battleId: battle.battleId, seq: 7, scores: { alice: 999 } } as const;
    await eve.send({ kind: 'liveroom.pk', v: 1, from: { userId: 'eve', roomId: 'x' }, to: battle.self, body });
    expect(b.getSnapshot().battle).toMatchObject({ scoreSeq: 0 });
    expect(b.getSnapshot().lastRejection).toEqual({ event: 'message', reason: 'unknown_host' });
  });
});

describe('bad input', () => {
  async function host() {
    const alice = await joinHost('alice', 'shop-a');
    return { alice, store: storeFor(alice, new PkHub()) };
  }

  it('refuses an invite to oneself with INVALID_CONFIG', async () => {
    const { store } = await host();
    await expect(store.invite({ userId: 'alice' })).rejects.toSatisfy((e) => isLiveroomError(e, 'INVALID_CONFIG'));
    expect(store.getSnapshot().battle.phase).toBe('idle');
  });

  it('refuses an empty user id with INVALID_CONFIG naming the field', async () => {
    const { store } = await host();
    await expect(store.invite({ userId: '' })).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
      issues: [{ path: 'userId' }],
    });
  });

  it('returns unknown_battle for a score about another battle', async () => {
    const { store } = await host();
    expect(store.applyScore({ battleId: 'pk-nope', seq: 1, scores: { alice: 1 } })).toMatchObject({
      ok: false,
      reason: 'unknown_battle',
    });
    expect(store.getSnapshot().lastRejection).toEqual({ event: 'score', reason: 'unknown_battle' });
  });

  it('refuses a malformed score update with INVALID_CONFIG', async () => {
    const { store } = await host();
    expect(() => store.applyScore({ battleId: 'pk-1', seq: 0, scores: {} })).toThrow(/seq/);
  });

  it('refuses a negative score with INVALID_CONFIG naming the scores', async () => {
    const { store } = await host();
    expect(() => store.applyScore({ battleId: 'pk-1', seq: 1, scores: { alice: -1 } })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG', issues: [expect.objectContaining({ path: 'scores' })] }),
    );
  });

  it('refuses actions in the wrong phase with INVALID_STATE', async () => {
    const { store } = await host();
    await expect(store.accept()).rejects.toSatisfy((e) => isLiveroomError(e, 'INVALID_STATE'));
    expect(() => store.dismiss()).toThrow(/phase result/);
  });

  it('needs a joined room to invite', async () => {
    const { alice, store } = await host();
    await alice.room.leave();
    await expect(store.invite({ userId: 'bob' })).rejects.toSatisfy((e) => isLiveroomError(e, 'INVALID_STATE'));
  });

  it('refuses an invite from the audience with INVALID_STATE', async () => {
    const { alice, store } = await host();
    await alice.room.setRole('audience');
    await expect(store.invite({ userId: 'bob' })).rejects.toThrow(/audience/);
  });

  it('rolls the invite back when the transport cannot send it', async () => {
    const alice = await joinHost('alice', 'shop-a');
    const store = createBattleStore({
      room: alice.room,
      transport: createRoomDataPkTransport(alice.room),
      clock: alice.clock,
    });
    stores.push(store);
    await expect(store.invite({ userId: 'bob', roomId: 'elsewhere' })).rejects.toSatisfy((e) =>
      isLiveroomError(e, 'NOT_SUPPORTED'),
    );
    expect(store.getSnapshot().battle.phase).toBe('idle');
  });

  it('refuses a room data transport on a provider without data messages', async () => {
    const alice = await joinHost('alice', 'shop-a', 0, { capabilities: { dataMessages: false } });
    expect(() => createRoomDataPkTransport(alice.room)).toThrow(expect.objectContaining({ code: 'NOT_SUPPORTED' }));
  });
});
