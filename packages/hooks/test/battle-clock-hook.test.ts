// @vitest-environment happy-dom
// happy-dom rather than jsdom: see react-hooks.test.ts.
import { act, cleanup, render } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type BattleStore, createBattleStore } from '../src/pk/battle-store.js';
import { DEFAULT_BATTLE_TIMINGS as T } from '../src/pk/battle-types.js';
import { useBattleClock } from '../src/react/battle-hooks.js';
import { joinHost } from './fixtures/rooms.js';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Records every remaining time it renders. */
function Clock({ store, shown }: { store: BattleStore; shown: number[] }) {
  shown.push(useBattleClock(store, 100));
  return null;
}

describe('useBattleClock', () => {
  it('shows the remaining invite time and refreshes it while the phase is timed', async () => {
    vi.useFakeTimers();
    const alice = await joinHost('alice', 'shop-1', 1_500);
    const transport = { send: async () => {}, listen: () => () => {} };
    const store = createBattleStore({ room: alice.room, transport, clock: alice.clock });
    const shown: number[] = [];
    render(createElement(Clock, { store, shown }));
    expect(shown.at(-1)).toBe(0);
    await act(() => store.invite({ userId: 'bob' }));
    expect(shown.at(-1)).toBe(T.inviteTimeoutMs);
    alice.clock.local += 4_000; // the store's clock moves without firing its own timers
    act(() => vi.advanceTimersByTime(100));
    expect(shown.at(-1)).toBe(T.inviteTimeoutMs - 4_000);
    store.destroy();
  });
});
