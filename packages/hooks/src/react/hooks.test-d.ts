import type { NetworkQuality, Room } from '@liveroom/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { LayoutStore } from '../layout/layout-store.js';
import type { Layout, Tile } from '../layout/layout-types.js';
import type { BattleSnapshot, BattleStore } from '../pk/battle-store.js';
import type { BattlePhase, BattleState } from '../pk/battle-types.js';
import type { BattleClockSource, SpectatorSnapshot, SpectatorStore } from '../pk/spectator.js';
import type { RoomSnapshot } from '../stores/room-stores.js';
import { useBattle } from './battle-hooks.js';
import type { BattleView } from './battle-view.js';
import { useLayout } from './layout-hooks.js';
import { useConnectionQuality, useParticipants, useRoom } from './room-hooks.js';

declare const room: Room;
declare const battle: BattleStore;
declare const spectator: SpectatorStore;
declare const either: BattleClockSource;
declare const stage: LayoutStore;

describe('hook types follow their selectors', () => {
  it('returns the whole snapshot without a selector', () => {
    expectTypeOf(useRoom(room)).toEqualTypeOf<RoomSnapshot>();
    expectTypeOf(useLayout(stage)).toEqualTypeOf<Layout>();
  });

  it('returns the selected slice with a selector', () => {
    expectTypeOf(useBattle(battle, (s) => s.battle.phase)).toEqualTypeOf<BattlePhase>();
    expectTypeOf(useParticipants(room, (list) => list.length)).toEqualTypeOf<number>();
    expectTypeOf(useLayout(stage, (l) => l.tiles[0])).toEqualTypeOf<Tile | undefined>();
    expectTypeOf(useConnectionQuality(room)).toEqualTypeOf<NetworkQuality | undefined>();
  });

  it("types a battle after its store: a host's fields, a viewer's fields, the time left", () => {
    expectTypeOf(useBattle(battle)).toEqualTypeOf<BattleView<BattleSnapshot>>();
    expectTypeOf(useBattle(battle).relay).toEqualTypeOf<BattleSnapshot['relay']>();
    expectTypeOf(useBattle(spectator)).toEqualTypeOf<BattleView<SpectatorSnapshot>>();
    expectTypeOf(useBattle(spectator).hostId).toEqualTypeOf<string | undefined>();
    expectTypeOf(useBattle(spectator)).not.toHaveProperty('relay');
    expectTypeOf(useBattle(either).remainingMs).toEqualTypeOf<number>();
    expectTypeOf(useBattle(spectator, (s) => s.remainingMs)).toEqualTypeOf<number>();
  });

  it('narrows battle states by phase', () => {
    const state = {} as BattleState;
    if (state.phase === 'result')
      expectTypeOf(state.outcome).toEqualTypeOf<'win' | 'loss' | 'draw' | 'opponent_left'>();
    if (state.phase === 'active') expectTypeOf(state.scores).toEqualTypeOf<Readonly<Record<string, number>>>();
  });

  it("takes a host's and a viewer's store as a clock source", () => {
    expectTypeOf<BattleStore>().toExtend<BattleClockSource>();
    expectTypeOf<SpectatorStore>().toExtend<BattleClockSource>();
  });
});
