import { afterEach, describe, expect, it } from 'vitest';
import { type BattleStore, createBattleStore } from '../src/pk/battle-store.js';
import { DEFAULT_BATTLE_TIMINGS as T } from '../src/pk/battle-types.js';
import { createRoomDataPkTransport } from '../src/pk/room-data-transport.js';
import { joinHost, linkDataMessages, settle, type TestHost } from './fixtures/rooms.js';
import { TelemetryRecorder } from './fixtures/telemetry.js';

const stores: BattleStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.destroy();
});

function storeFor(
  host: TestHost,
  transport = createRoomDataPkTransport(host.room),
  telemetry = new TelemetryRecorder(),
) {
  const store = createBattleStore({ room: host.room, transport, clock: host.clock, telemetry });
  stores.push(store);
  return { store, telemetry };
}

/** Both clocks move together: the same real time passes for everyone. */
function advance(hosts: readonly TestHost[], ms: number): void {
  for (const host of hosts) host.clock.advance(ms);
}

/** Alice and Bob co-host one room; their clocks disagree by 9 s, their servers do not. */
async function sameRoom() {
  const alice = await joinHost('alice', 'shop-1', 4_000);
  const bob = await joinHost('bob', 'shop-1', -5_000);
  alice.provider.remoteJoin('bob');
  bob.provider.remoteJoin('alice');
  linkDataMessages([alice, bob]);
  return { alice, bob, a: storeFor(alice), b: storeFor(bob) };
}

describe('a PK battle between co-hosts of one room', () => {
  it('runs invite → countdown → active → result → idle on both sides, with one clock', async () => {
    const { alice, bob, a, b } = await sameRoom();
    const battleId = await a.store.invite({ userId: 'bob' });
    expect(b.store.getSnapshot().battle).toMatchObject({ phase: 'invited', battleId, opponent: { userId: 'alice' } });

    await b.store.accept();
    await settle();
    expect(a.store.getSnapshot().battle.phase).toBe('countdown');
    expect(b.store.getSnapshot().battle.phase).toBe('countdown');
    expect(a.store.remainingMs()).toBe(T.countdownMs);
    expect(b.store.remainingMs()).toBe(T.countdownMs);

    advance([alice, bob], T.countdownMs);
    expect(b.store.getSnapshot().battle.phase).toBe('active');
    await a.store.publishScore({ alice: 12, bob: 40 });
    advance([alice, bob], 60_000);
    expect(a.store.remainingMs()).toBe(T.durationMs - 60_000);
    expect(b.store.remainingMs()).toBe(a.store.remainingMs());
    expect(b.store.getSnapshot().battle).toMatchObject({ scores: { alice: 12, bob: 40 }, scoreSeq: 1 });

    advance([alice, bob], T.durationMs - 60_000 + T.settleMs);
    expect(a.store.getSnapshot().battle).toMatchObject({ phase: 'result', outcome: 'loss' });
    expect(b.store.getSnapshot().battle).toMatchObject({ phase: 'result', outcome: 'win' });
    expect(b.telemetry.events).toEqual([
      { type: 'pk_start', body: { battleId, durationMs: T.durationMs } },
      { type: 'pk_end', body: { battleId, result: 'win', reason: 'time_up', scores: { local: 40, opponent: 12 } } },
    ]);

    advance([alice, bob], T.resultMs);
    expect(a.store.getSnapshot().battle).toEqual({ phase: 'idle', ended: [battleId] });
    expect(b.store.getSnapshot().battle.phase).toBe('idle');
  });

  it('reschedules when its timer fires before the deadline (an early timer or a moved server offset)', async () => {
    const { alice, a } = await sameRoom();
    await a.store.invite({ userId: 'bob' });
    alice.clock.now = () => alice.clock.local - 50; // from now on the store reads time 50 ms behind its timers
    alice.clock.advance(T.inviteTimeoutMs);
    expect(a.store.getSnapshot().battle.phase).toBe('inviting');
    alice.clock.advance(50);
    expect(a.store.getSnapshot().battle.phase).toBe('idle');
  });

  it('lets the invitee decline and the inviter cancel', async () => {
    const { a, b } = await sameRoom();
    await a.store.invite({ userId: 'bob' });
    await b.store.decline();
    expect(a.store.getSnapshot().battle.phase).toBe('idle');
    await a.store.invite({ userId: 'bob' });
    await a.store.cancel();
    expect(b.store.getSnapshot().battle.phase).toBe('idle');
  });

  it('drops an unanswered invite after the invite timeout', async () => {
    const { alice, bob, a, b } = await sameRoom();
    await a.store.invite({ userId: 'bob' });
    advance([alice, bob], T.inviteTimeoutMs - 1);
    expect(a.store.getSnapshot().battle.phase).toBe('inviting');
    advance([alice, bob], 1);
    expect(a.store.getSnapshot().battle.phase).toBe('idle');
    expect(b.store.getSnapshot().battle.phase).toBe('idle');
  });

  it('ends as opponent_left when the opponent leaves the room mid-battle', async () => {
    const { alice, bob, a, b } = await sameRoom();
    await a.store.invite({ userId: 'bob' });
    await b.store.accept();
    await settle();
    advance([alice, bob], T.countdownMs + 1_000);
    alice.provider.remoteLeave('bob');
    expect(a.store.getSnapshot().battle).toMatchObject({ phase: 'result', outcome: 'opponent_left' });
    expect(a.telemetry.types()).toEqual(['pk_start', 'pk_end']);
    expect(a.telemetry.events[1]?.body).toMatchObject({ result: 'aborted', reason: 'opponent_left' });
  });

  it('lets either host end early, and forgets the battle when the local host leaves the room', async () => {
    const { alice, bob, a, b } = await sameRoom();
    await a.store.invite({ userId: 'bob' });
    await b.store.accept();
    await settle();
    advance([alice, bob], T.countdownMs);
    await b.store.end();
    expect(a.store.getSnapshot().battle).toMatchObject({ phase: 'settling', reason: 'ended_early' });
    await alice.room.leave();
    expect(a.store.getSnapshot().battle.phase).toBe('idle');
    expect(a.telemetry.events.at(-1)?.body).toMatchObject({ result: 'aborted', reason: 'left' });
  });

  it('declines a second invite at once while busy', async () => {
    const { alice, bob, a, b } = await sameRoom();
    const carol = await joinHost('carol', 'shop-1');
    linkDataMessages([alice, bob, carol]);
    const c = storeFor(carol);
    await a.store.invite({ userId: 'bob' });
    await c.store.invite({ userId: 'bob' });
    await settle();
    expect(c.store.getSnapshot().battle.phase).toBe('idle');
    expect(b.store.getSnapshot().battle).toMatchObject({ phase: 'invited', opponent: { userId: 'alice' } });
  });
});

describe('battle timings', () => {
  async function hostWith(timings: unknown) {
    const alice = await joinHost('alice', 'shop-1');
    alice.provider.remoteJoin('bob');
    const transport = createRoomDataPkTransport(alice.room);
    return { alice, transport, create: () => createBattleStore({ room: alice.room, transport, timings } as never) };
  }

  it('take their defaults when left out or passed as undefined; the given ones win', async () => {
    const { create } = await hostWith({ countdownMs: undefined, durationMs: 90_000 });
    const store = create();
    stores.push(store);
    await store.invite({ userId: 'bob' });
    expect(store.getSnapshot().battle).toMatchObject({ timings: { ...T, durationMs: 90_000 } });
  });

  it('are refused with INVALID_CONFIG naming the field when malformed', async () => {
    const { create } = await hostWith({ durationMs: 0 });
    expect(create).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG', message: expect.stringMatching(/durationMs/) }),
    );
    const notAnObject = await hostWith('fast');
    expect(notAnObject.create).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
  });
});
