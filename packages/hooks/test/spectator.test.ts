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

/** Alice and Bob battle in one room; Carol watches with a clock 30 s behind. */
async function watchParty() {
  const alice = await joinHost('alice', 'shop-1', 0);
  const bob = await joinHost('bob', 'shop-1', 0);
  const carol = await joinHost('carol', 'shop-1', 30_000);
  const everyone = [alice, bob, carol];
  for (const host of everyone) {
    for (const other of everyone)
      if (other !== host) host.provider.remoteJoin(other.room.userId!, other === carol ? 'audience' : 'host');
  }
  linkDataMessages(everyone);
  const store = (h: TestHost): BattleStore => {
    const s = createBattleStore({ room: h.room, transport: createRoomDataPkTransport(h.room), clock: h.clock });
    cleanups.push(() => s.destroy());
    return s;
  };
  const a = store(alice);
  const b = store(bob);
  cleanups.push(broadcastBattle(a, alice.room));
  const viewer: SpectatorStore = createSpectatorStore({ room: carol.room, clock: carol.clock });
  cleanups.push(() => viewer.destroy());
  return { alice, bob, carol, a, b, viewer, all: everyone };
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
    alice.provider.remoteJoin('dave', 'audience');
    const last = alice.provider.calls.filter((c) => c.method === 'sendData').at(-1);
    expect(last?.args[1]).toEqual({ to: ['dave'] });
    expect(JSON.parse(last?.args[0] as string)).toMatchObject({
      kind: 'liveroom.pk-state',
      battle: { phase: 'inviting' },
    });
  });
});
