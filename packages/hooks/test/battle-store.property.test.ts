import { isLiveroomError } from '@liveroom/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BattleStore, createBattleStore } from '../src/pk/battle-store.js';
import type { PkMessage } from '../src/pk/pk-messages.js';
import type { PkTransport, PkTransportEvent } from '../src/pk/pk-transport.js';
import { joinHost, settle, type TestHost } from './fixtures/rooms.js';

/** A network that holds messages until told to deliver them, in any order, possibly twice. */
class ChaoticNetwork {
  readonly queue: PkMessage[] = [];
  readonly #listeners = new Map<string, (event: PkTransportEvent) => void>();
  transportFor(userId: string): PkTransport {
    return {
      send: async (message) => void this.queue.push(message),
      listen: (listener) => {
        this.#listeners.set(userId, listener);
        return () => this.#listeners.delete(userId);
      },
    };
  }
  deliver(index: number, keep: boolean): void {
    if (this.queue.length === 0) return;
    const i = index % this.queue.length;
    const message = this.queue[i]!;
    if (!keep) this.queue.splice(i, 1);
    this.#listeners.get(message.to.userId)?.({ type: 'message', message: structuredClone(message) });
  }
  drop(userId: string): void {
    for (const [id, listener] of this.#listeners) if (id !== userId) listener({ type: 'peer-left', userId });
  }
}

const side = fc.constantFrom(0, 1);
const action = fc.oneof(
  fc.record({ kind: fc.constantFrom('invite', 'accept', 'decline', 'cancel', 'end', 'score', 'dismiss'), by: side }),
  fc.record({ kind: fc.constant('deliver'), index: fc.nat(), keep: fc.boolean() }),
  fc.record({ kind: fc.constant('advance'), ms: fc.integer({ min: 0, max: 200_000 }) }),
  fc.record({ kind: fc.constant('disconnect'), by: side }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

/** A battle that would run to its end if nothing interfered, with random actions inserted anywhere. */
const scenario: fc.Arbitrary<Action[]> = fc
  .tuple(fc.array(fc.tuple(fc.nat(), action), { maxLength: 12 }), fc.constantFrom('time', 'end', 'disconnect'))
  .map(([noise, ending]) => {
    const deliver: Action = { kind: 'deliver', index: 0, keep: false };
    const actions: Action[] = [
      { kind: 'invite', by: 0 },
      deliver,
      { kind: 'accept', by: 1 },
      deliver,
      deliver,
      { kind: 'advance', ms: 3_000 },
      { kind: 'score', by: 0 },
      deliver,
      ending === 'time'
        ? { kind: 'advance', ms: 300_000 }
        : ending === 'end'
          ? { kind: 'end', by: 1 }
          : { kind: 'disconnect', by: 1 },
      deliver,
      { kind: 'advance', ms: 2_000 },
    ];
    for (const [at, a] of noise) actions.splice(at % (actions.length + 1), 0, a);
    return actions;
  });

async function act(
  a: Action,
  stores: BattleStore[],
  hosts: TestHost[],
  net: ChaoticNetwork,
  ids: string[],
): Promise<void> {
  if (a.kind === 'deliver') return net.deliver(a.index, a.keep);
  if (a.kind === 'advance') {
    for (const host of hosts) host.clock.advance(a.ms);
    return;
  }
  if (a.kind === 'disconnect') return net.drop(ids[a.by]!);
  const store = stores[a.by]!;
  const run = {
    invite: () => store.invite({ userId: ids[1 - a.by]! }),
    accept: () => store.accept(),
    decline: () => store.decline(),
    cancel: () => store.cancel(),
    end: () => store.end(),
    score: () => store.publishScore({ [ids[0]!]: 1 + a.by, [ids[1]!]: 2 }),
    dismiss: async () => store.dismiss(),
  }[a.kind];
  try {
    await run();
  } catch (error) {
    // Calls in the wrong phase are refused with a typed error, never anything else.
    expect(isLiveroomError(error)).toBe(true);
  }
}

describe('two battle stores over a chaotic network', () => {
  it('refuse bad calls with LiveroomError only, and both end idle once time runs on', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(scenario, fc.array(action, { maxLength: 40 })), async (actions) => {
        const net = new ChaoticNetwork();
        const ids = ['alice', 'bob'];
        const hosts = [await joinHost('alice', 'shop-1', 1_000), await joinHost('bob', 'shop-1', -2_000)];
        const stores = hosts.map((h, i) =>
          createBattleStore({ room: h.room, transport: net.transportFor(ids[i]!), clock: h.clock }),
        );
        try {
          for (const a of actions) {
            await act(a, stores, hosts, net, ids);
            await settle();
          }
          while (net.queue.length > 0) net.deliver(0, false);
          for (let i = 0; i < 6; i++) for (const host of hosts) host.clock.advance(3_600_000);
          for (const store of stores) expect(store.getSnapshot().battle.phase).toBe('idle');
        } finally {
          for (const store of stores) store.destroy();
        }
      }),
      { numRuns: 150 },
    );
  });
});
