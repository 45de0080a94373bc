import type { SendDataOptions } from '@liveroom/core';
import { afterEach, describe, expect, it } from 'vitest';
import { type BattleStore, createBattleStore } from '../src/pk/battle-store.js';
import { DEFAULT_BATTLE_TIMINGS as T } from '../src/pk/battle-types.js';
import { createRoomDataPkTransport } from '../src/pk/room-data-transport.js';
import { broadcastBattle, createSpectatorStore, type SpectatorStore } from '../src/pk/spectator.js';
import { joinHost, linkDataMessages, settle, type TestHost } from './fixtures/rooms.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/**
 * Alice and Bob battle in one room and both broadcast; Dave is a third host
 * who does not; Carol watches with a clock 30 s behind.
 */
async function watchParty(hostId?: string) {
  const lost = new Set<TestHost>();
  const alice = await joinHost('alice', 'shop-1', 0);
  const bob = await joinHost('bob', 'shop-1', 0);
  const dave = await joinHost('dave', 'shop-1', 0);
  const carol = await joinHost('carol', 'shop-1', 30_000);
  const everyone = [alice, bob, dave, carol];
  for (const host of everyone) {
    for (const other of everyone)
      if (other !== host) host.provider.remoteJoin(other.room.userId!, other === carol ? 'audience' : 'host');
  }
  linkDataMessages(everyone, (to) => !lost.has(to));
  const store = (h: TestHost): BattleStore => {
    const s = createBattleStore({ room: h.room, transport: createRoomDataPkTransport(h.room), clock: h.clock });
    cleanups.push(() => s.destroy());
    return s;
  };
  const [a, b, d] = [store(alice), store(bob), store(dave)];
  cleanups.push(broadcastBattle(a, alice.room), broadcastBattle(b, bob.room));
  const viewer: SpectatorStore = createSpectatorStore({
    room: carol.room,
    clock: carol.clock,
    ...(hostId ? { hostId } : {}),
  });
  cleanups.push(() => viewer.destroy());
  return { alice, bob, dave, carol, a, b, d, viewer, all: everyone, lost };
}

/** Alice invites Bob, Bob accepts, and scoring opens. */
async function startBattle({ a, b, all }: Awaited<ReturnType<typeof watchParty>>): Promise<void> {
  await a.invite({ userId: 'bob' });
  await b.accept();
  await settle();
  for (const h of all) h.clock.advance(T.countdownMs);
}

describe('spectating a battle', () => {
  it('mirrors the host and shows the same remaining time on a skewed clock', async () => {
    const { a, b, viewer, all } = await watchParty();
    await a.invite({ userId: 'bob' });
    await b.accept();
    await settle();
    for (const h of all) h.clock.advance(T.countdownMs + 10_000);
    expect(viewer.getSnapshot()).toMatchObject({
      hostId: 'alice',
      battle: { phase: 'active', self: { userId: 'alice' } },
    });
    expect(viewer.remainingMs()).toBe(T.durationMs - 10_000);
    expect(viewer.remainingMs()).toBe(a.remainingMs());
    await a.publishScore({ alice: 7, bob: 2 });
    expect(viewer.getSnapshot().battle).toMatchObject({ scores: { alice: 7, bob: 2 } });
  });

  it('ignores broadcasts from non-hosts, stale sequence numbers and garbage', async () => {
    const { alice, carol, viewer } = await watchParty();
    const send = (from: string, payload: string) => carol.provider.events.emit('data-message', { from, payload });
    const invited = {
      phase: 'invited',
      battleId: 'pk-9',
      self: { userId: 'alice', roomId: 'shop-1' },
      opponent: { userId: 'bob', roomId: 'shop-1' },
      isInviter: false,
      timings: T,
      invitedAt: 1,
    };
    send('carol-friend', JSON.stringify({ kind: 'liveroom.pk-state', v: 1, seq: 50, battle: invited }));
    send('alice', '{not json');
    send('alice', JSON.stringify({ kind: 'liveroom.pk-state', v: 1, seq: 1, battle: { ...invited, phase: 'boxing' } }));
    expect(viewer.getSnapshot()).toEqual({ hostId: undefined, battle: { phase: 'idle', ended: [] } });
    send('alice', JSON.stringify({ kind: 'liveroom.pk-state', v: 1, seq: 5, battle: invited }));
    send('alice', JSON.stringify({ kind: 'liveroom.pk-state', v: 1, seq: 4, battle: { phase: 'idle' } }));
    expect(viewer.getSnapshot()).toMatchObject({ hostId: 'alice', battle: { phase: 'invited', battleId: 'pk-9' } });
    carol.provider.remoteLeave(alice.room.userId!);
    expect(viewer.getSnapshot().battle.phase).toBe('idle');
  });

  it('sends the current state to a viewer who joins later', async () => {
    const { alice, a } = await watchParty();
    await a.invite({ userId: 'bob' });
    alice.provider.remoteJoin('erin', 'audience');
    const last = alice.provider.calls.filter((c) => c.method === 'sendData').at(-1);
    expect(last?.args[1]).toEqual({ to: ['erin'] });
    expect(JSON.parse(last?.args[0] as string)).toMatchObject({
      kind: 'liveroom.pk-state',
      battle: { phase: 'inviting' },
    });
  });
});

describe('which host a viewer follows', () => {
  it('follows the remaining host when the followed one leaves mid-battle', async () => {
    const party = await watchParty();
    const { bob, carol, viewer } = party;
    await startBattle(party);
    expect(viewer.getSnapshot()).toMatchObject({ hostId: 'alice', battle: { phase: 'active' } });
    // Bob's result reaches Carol before she hears that Alice left, so she first drops it.
    bob.provider.remoteLeave('alice');
    carol.provider.remoteLeave('alice');
    expect(viewer.getSnapshot()).toMatchObject({
      hostId: 'bob',
      battle: { phase: 'result', outcome: 'opponent_left', self: { userId: 'bob' } },
    });
  });

  it("follows another host's later battle once the followed host's battle is over", async () => {
    const party = await watchParty();
    const { a, b, d, viewer, all } = party;
    await startBattle(party);
    await a.end();
    for (const h of all) h.clock.advance(T.settleMs + T.resultMs);
    expect(viewer.getSnapshot()).toEqual({ hostId: undefined, battle: { phase: 'idle', ended: [] } });
    await b.invite({ userId: 'dave' });
    expect(viewer.getSnapshot()).toMatchObject({ hostId: 'bob', battle: { phase: 'inviting' } });
    await d.accept();
    expect(viewer.getSnapshot().battle).toMatchObject({ phase: 'countdown', opponent: { userId: 'dave' } });
  });

  it('stays with a host the app pinned', async () => {
    const party = await watchParty('alice');
    const { alice, b, d, carol, viewer, all } = party;
    await startBattle(party);
    await party.a.end();
    for (const h of all) h.clock.advance(T.settleMs + T.resultMs);
    await b.invite({ userId: 'dave' });
    await d.accept();
    expect(viewer.getSnapshot()).toEqual({ hostId: 'alice', battle: { phase: 'idle', ended: [] } });
    carol.provider.remoteLeave(alice.room.userId!);
    for (const h of all) h.clock.advance(T.countdownMs);
    await b.publishScore({ bob: 3, dave: 1 });
    expect(viewer.getSnapshot()).toEqual({ hostId: 'alice', battle: { phase: 'idle', ended: [] } });
  });
});

describe('a viewer who missed the state', () => {
  const REQUEST = JSON.stringify({ kind: 'liveroom.pk-state-request', v: 1 });
  const answersTo = (host: TestHost, viewer: string) =>
    host.provider.calls.filter((c) => c.method === 'sendData' && (c.args[1] as SendDataOptions).to?.[0] === viewer);

  it('asks the hosts when its store starts after the state was sent, and gets it at once', async () => {
    const party = await watchParty();
    const { alice, carol, a } = party;
    await startBattle(party);
    await a.publishScore({ alice: 4, bob: 1 });
    const late = createSpectatorStore({ room: carol.room, clock: carol.clock });
    cleanups.push(() => late.destroy());
    expect(late.getSnapshot()).toMatchObject({ hostId: 'alice', battle: { phase: 'active', scores: { alice: 4 } } });
    expect(carol.provider.calls.at(-1)?.args).toEqual([REQUEST, { to: ['alice', 'bob', 'dave'] }]);
    expect(answersTo(alice, 'carol')).toHaveLength(2); // one per store
    expect(a.getSnapshot().lastRejection).toBeUndefined(); // the battle store's transport ignores requests
  });

  it('asks only the pinned host', async () => {
    const { carol } = await watchParty('bob');
    expect(carol.provider.calls.at(-1)?.args).toEqual([REQUEST, { to: ['bob'] }]);
  });

  it('asks again after its connection comes back, and catches up on what it missed', async () => {
    const party = await watchParty();
    const { carol, a, viewer, lost } = party;
    await startBattle(party);
    lost.add(carol);
    carol.provider.dropConnection();
    await a.publishScore({ alice: 9, bob: 2 });
    lost.delete(carol);
    expect(viewer.getSnapshot().battle).toMatchObject({ scores: {} });
    carol.provider.restoreConnection();
    expect(viewer.getSnapshot().battle).toMatchObject({ phase: 'active', scores: { alice: 9, bob: 2 } });
  });

  it("gets the host's changes that failed while the host's connection was down", async () => {
    const party = await watchParty();
    const { alice, a, b, viewer, all } = party;
    await a.invite({ userId: 'bob' });
    await b.accept();
    await settle();
    alice.provider.dropConnection();
    for (const h of all) h.clock.advance(T.countdownMs);
    expect(viewer.getSnapshot()).toMatchObject({ hostId: 'alice', battle: { phase: 'countdown' } });
    alice.provider.restoreConnection();
    expect(viewer.getSnapshot()).toMatchObject({ hostId: 'alice', battle: { phase: 'active' } });
  });

  it('answers a burst of 4 requests per viewer, then one per 2.5 s, and only valid requests', async () => {
    const { alice } = await watchParty();
    const ask = (from: string, payload = REQUEST) => alice.provider.events.emit('data-message', { from, payload });
    ask('carol', JSON.stringify({ kind: 'liveroom.pk-state-request', v: 2 }));
    ask('carol', '{"kind":"liveroom.pk-state-request"');
    expect(answersTo(alice, 'carol')).toHaveLength(1); // the store's own request
    for (let i = 0; i < 6; i++) ask('carol');
    expect(answersTo(alice, 'carol')).toHaveLength(4);
    ask('erin');
    expect(answersTo(alice, 'erin')).toHaveLength(1);
    alice.clock.advance(2_500);
    ask('carol');
    ask('carol');
    expect(answersTo(alice, 'carol')).toHaveLength(5);
    alice.clock.advance(10_000);
    for (let i = 0; i < 6; i++) ask('carol');
    expect(answersTo(alice, 'carol')).toHaveLength(9);
    expect(JSON.parse(answersTo(alice, 'carol').at(-1)?.args[0] as string)).toMatchObject({
      kind: 'liveroom.pk-state',
      battle: { phase: 'idle' },
    });
  });
});
