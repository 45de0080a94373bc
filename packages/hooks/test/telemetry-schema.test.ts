import { telemetryBodySchemas } from '@liveroom/metrics/schema';
import { describe, expect, it } from 'vitest';
import { createLayoutStore } from '../src/layout/layout-store.js';
import { createBattleStore } from '../src/pk/battle-store.js';
import { DEFAULT_BATTLE_TIMINGS as T } from '../src/pk/battle-types.js';
import { joinHost, PkHub, settle } from './fixtures/rooms.js';
import { TelemetryRecorder } from './fixtures/telemetry.js';

describe('the telemetry hooks emit', () => {
  it('validates against @liveroom/metrics/schema for every event type', async () => {
    const telemetry = new TelemetryRecorder();
    const hub = new PkHub();
    const alice = await joinHost('alice', 'shop-a');
    const bob = await joinHost('bob', 'shop-b', 0);
    const a = createBattleStore({
      room: alice.room,
      transport: hub.transportFor('alice'),
      clock: alice.clock,
      telemetry,
    });
    const b = createBattleStore({ room: bob.room, transport: hub.transportFor('bob'), clock: bob.clock });
    const stage = createLayoutStore({
      room: alice.room,
      mode: 'grid',
      container: { width: 640, height: 360 },
      telemetry,
    });
    await a.invite({ userId: 'bob', roomId: 'shop-b' });
    await b.accept();
    await settle();
    alice.clock.advance(T.countdownMs);
    stage.setMode('pk');
    hub.disconnect('bob');
    expect(telemetry.types().sort()).toEqual(['layout_change', 'layout_change', 'pk_end', 'pk_start']);
    for (const { type, body } of telemetry.events) {
      expect(telemetryBodySchemas[type].safeParse(body).success).toBe(true);
    }
    for (const store of [a, b, stage]) store.destroy();
  });
});
