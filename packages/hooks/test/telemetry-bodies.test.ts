/**
 * The guard on the bodies hooks emits. The browser no longer validates
 * `pk_start`, `pk_end` and `layout_change` bodies (metrics trusts typed
 * state to keep its bundle small), so this test drives the real battle and
 * layout stores through every way a battle starts and ends and every kind of
 * layout change, and checks each body against `@liveroom/metrics/schema`:
 * it must parse, and parsing must strip nothing (a field the schema does not
 * know would be dropped by the collector service without a word).
 */
import { telemetryBodySchemas } from '@liveroom/metrics/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { createLayoutStore } from '../src/layout/layout-store.js';
import { type BattleStore, createBattleStore } from '../src/pk/battle-store.js';
import { DEFAULT_BATTLE_TIMINGS as T } from '../src/pk/battle-types.js';
import { joinHost, PkHub, settle, type TestHost } from './fixtures/rooms.js';
import { TelemetryRecorder } from './fixtures/telemetry.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Every recorded body parses with its event type's schema, unchanged. */
function expectSchemaValid(telemetry: TelemetryRecorder): void {
  for (const { type, body } of telemetry.events) {
    const result = telemetryBodySchemas[type].safeParse(body);
    expect(result.success ? undefined : result.error.issues, `${type} body ${JSON.stringify(body)}`).toBeUndefined();
    expect(result.data, `${type} body carries a field its schema does not know`).toEqual(body);
  }
}

/** Alice invites Bob; both record telemetry; the battle is counting down when this returns. */
async function battle(crossRoom: boolean) {
  const hub = new PkHub();
  const alice = await joinHost('alice', 'shop-a');
  const bob = await joinHost('bob', crossRoom ? 'shop-b' : 'shop-a', 1_500);
  const side = (host: TestHost) => {
    const telemetry = new TelemetryRecorder();
    const store: BattleStore = createBattleStore({
      room: host.room,
      transport: hub.transportFor(host.room.userId!),
      clock: host.clock,
      telemetry,
    });
    cleanups.push(() => store.destroy());
    return { host, store, telemetry };
  };
  const a = side(alice);
  const b = side(bob);
  await a.store.invite(crossRoom ? { userId: 'bob', roomId: 'shop-b' } : { userId: 'bob' });
  await b.store.accept();
  await settle();
  const advance = (ms: number) => {
    alice.clock.advance(ms);
    bob.clock.advance(ms);
  };
  advance(T.countdownMs);
  return { hub, a, b, advance };
}

describe('pk_start and pk_end bodies from the battle store', () => {
  it.each([
    ['a cross-room battle won by the opponent', true, { alice: 12, bob: 40 }, ['loss', 'win']],
    ['a same-room battle won by the inviter', false, { alice: 9, bob: 2 }, ['win', 'loss']],
    ['a draw', true, { alice: 5, bob: 5 }, ['draw', 'draw']],
  ] as const)('%s, ended by time (time_up)', async (_, crossRoom, scores, [resultA, resultB]) => {
    const { a, b, advance } = await battle(crossRoom);
    await a.store.publishScore(scores);
    await settle();
    advance(T.durationMs + T.settleMs);
    for (const [side, result] of [
      [a, resultA],
      [b, resultB],
    ] as const) {
      expect(side.telemetry.types()).toEqual(['pk_start', 'pk_end']);
      expect(side.telemetry.events[1]?.body).toMatchObject({ result, reason: 'time_up' });
      expectSchemaValid(side.telemetry);
    }
    expect(a.telemetry.events[0]?.body).toEqual(
      expect.objectContaining(crossRoom ? { opponentRoomId: 'shop-b' } : { durationMs: T.durationMs }),
    );
  });

  it('a battle a host ends early (ended_early)', async () => {
    const { a, b, advance } = await battle(true);
    await b.store.end();
    await settle();
    advance(T.settleMs);
    for (const side of [a, b]) {
      expect(side.telemetry.events.at(-1)?.body).toMatchObject({ reason: 'ended_early' });
      expectSchemaValid(side.telemetry);
    }
  });

  it('a battle whose opponent disconnects (aborted, opponent_left)', async () => {
    const { hub, a } = await battle(true);
    hub.disconnect('bob');
    expect(a.telemetry.events.at(-1)?.body).toMatchObject({ result: 'aborted', reason: 'opponent_left' });
    expectSchemaValid(a.telemetry);
  });

  it('a battle the local host leaves (aborted, left)', async () => {
    const { a } = await battle(false);
    await a.host.room.leave();
    expect(a.telemetry.events.at(-1)?.body).toMatchObject({ result: 'aborted', reason: 'left' });
    expectSchemaValid(a.telemetry);
  });
});

describe('layout_change bodies from the layout store', () => {
  it('the first layout (no from), a mode switch and a change of tile count', async () => {
    const { room, provider } = await joinHost('alice', 'shop-a');
    const telemetry = new TelemetryRecorder();
    const stage = createLayoutStore({ room, mode: 'grid', container: { width: 720, height: 1280 }, telemetry });
    cleanups.push(() => stage.destroy());
    stage.setMode('pk');
    provider.remoteJoin('bob', 'cohost');
    stage.setMode('host-plus-guests');
    expect(telemetry.events.map((e) => e.body)).toEqual([
      { to: 'grid', tileCount: 1 },
      { from: 'grid', to: 'pk', tileCount: 1 },
      { from: 'pk', to: 'pk', tileCount: 2 },
      { from: 'pk', to: 'host-plus-guests', tileCount: 2 },
    ]);
    expectSchemaValid(telemetry);
  });
});
