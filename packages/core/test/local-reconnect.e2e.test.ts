/**
 * The local provider's connection handling in real Chromium: an unreachable
 * signalling server fails the join, and a signalling restart is survived by
 * every page, which rejoins, republishes and receives video again.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../scripts/testing/harness.ts';
import type { NetworkQuality } from '../src/index.js';
import { expectVideoFlowing, firstArgs, openRoomPage, POLL } from './pages.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const fastRetries = { backoffBaseMs: 100, backoffMaxMs: 800, reconnectAttempts: 30 };

/** The local user's latest network quality as `page` logged it. */
async function ownQuality(page: Page): Promise<NetworkQuality | undefined> {
  return (await firstArgs<NetworkQuality>(page, 'network-quality')).findLast((q) => q.participantId === undefined);
}

function subscriptions(page: Page, publisherId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      window.lr
        .events()
        .filter(
          (e) => e.name === 'track-subscribed' && (e.detail as [{ participantId: string }])[0].participantId === id,
        ).length,
    publisherId,
  );
}

describe('local provider connection', () => {
  it('rejects join() with CONNECTION_FAILED when the signalling server is unreachable', async () => {
    const page = await h.newPage();
    const outcome = await page.evaluate(async () => {
      // Port 9 (discard) is closed on loopback: every attempt is refused.
      window.lr.start({ signallingUrl: 'ws://127.0.0.1:9', provider: { joinAttempts: 2, backoffBaseMs: 50 } });
      try {
        await window.lr.join({ roomId: 'nowhere', role: 'audience' });
        return { code: 'joined', state: window.lr.state() };
      } catch (error) {
        return { code: (error as { code?: string }).code, state: window.lr.state() };
      }
    });
    expect(outcome).toEqual({ code: 'CONNECTION_FAILED', state: 'failed' });
    expect(await page.evaluate(() => window.lr.resources())).toMatchObject({ openSockets: 0, peerConnections: 0 });
    await page.context().close();
  });

  it('reconnects every page after the signalling server restarts, and video flows again', async () => {
    // The host retries every 25-100 ms and its viewers wait 0.5-2 s, so the host is back, and
    // republishing, before them: the order in which a republish once connected the viewers it knew
    // from before the drop, not yet back (the server refused those offers, and no new ones followed).
    const viewerRetries = { ...fastRetries, backoffBaseMs: 1000, backoffMaxMs: 2000 };
    const [host, alice, bob] = await Promise.all([
      openRoomPage(h, { ...fastRetries, backoffBaseMs: 50, backoffMaxMs: 100 }),
      openRoomPage(h, viewerRetries),
      openRoomPage(h, viewerRetries),
    ]);
    await host.evaluate(() => window.lr.join({ roomId: 'restart', role: 'host', userId: 'host' }));
    await host.evaluate(() => window.lr.publishCamera());
    await alice.evaluate(() => window.lr.join({ roomId: 'restart', role: 'audience', userId: 'alice' }));
    await bob.evaluate(() => window.lr.join({ roomId: 'restart', role: 'audience', userId: 'bob' }));
    await expectVideoFlowing(alice, 'host');
    await expectVideoFlowing(bob, 'host');
    const before = await Promise.all([subscriptions(alice, 'host'), subscriptions(bob, 'host')]);

    await expect.poll(async () => (await ownQuality(alice))?.downlink ?? 0, POLL).toBeGreaterThan(0);
    await h.stopSignalling();
    for (const page of [host, alice, bob]) {
      await expect.poll(() => page.evaluate(() => window.lr.state()), POLL).toBe('reconnecting');
      // Agora's 6, "network down", while the socket is down and every path is closed: not 0 (unknown).
      expect(await ownQuality(page)).toEqual({ uplink: 6, downlink: 6 });
    }
    await h.startSignalling();
    for (const page of [host, alice, bob]) {
      await expect.poll(() => page.evaluate(() => window.lr.state()), POLL).toBe('connected');
    }
    await expect.poll(() => subscriptions(alice, 'host'), POLL).toBeGreaterThan(before[0] as number);
    await expect.poll(() => subscriptions(bob, 'host'), POLL).toBeGreaterThan(before[1] as number);
    await expectVideoFlowing(alice, 'host');
    await expectVideoFlowing(bob, 'host');
    // Measured again once back: Alice's path from the host rates 1-5.
    await expect.poll(async () => (await ownQuality(alice))?.downlink, POLL).toBeOneOf([1, 2, 3, 4, 5]);
    const reasons = await alice.evaluate(() =>
      window.lr
        .events()
        .filter((e) => e.name === 'connection-state-changed')
        .map((e) => (e.detail as [{ state: string; reason: string }])[0])
        .map((c) => `${c.state}:${c.reason}`),
    );
    expect(reasons.slice(-2)).toEqual(['reconnecting:network', 'connected:reconnected']);
    expect(
      h.signalling
        ?.rooms()[0]
        ?.participants.map((p) => p.id)
        .sort(),
    ).toEqual(['alice', 'bob', 'host']);
    // A reconnect is normal: the readings it overtook (closed paths) warn of nothing.
    for (const page of [host, alice, bob]) expect(await firstArgs(page, 'warning')).toEqual([]);
  });

  it('gives up after its bounded retries: failed, retries-exhausted, everything released', async () => {
    const [host, viewer] = await Promise.all([
      openRoomPage(h, { reconnectAttempts: 2, backoffBaseMs: 50, backoffMaxMs: 100 }),
      openRoomPage(h, { reconnectAttempts: 2, backoffBaseMs: 50, backoffMaxMs: 100 }),
    ]);
    await host.evaluate(() => window.lr.join({ roomId: 'doomed', role: 'host', userId: 'host' }));
    await host.evaluate(() => window.lr.publishCamera());
    await viewer.evaluate(() => window.lr.join({ roomId: 'doomed', role: 'audience', userId: 'viewer' }));
    await expectVideoFlowing(viewer, 'host');
    await h.stopSignalling();
    try {
      for (const page of [host, viewer]) {
        await expect.poll(() => page.evaluate(() => window.lr.state()), POLL).toBe('failed');
        const last = await page.evaluate(() => window.lr.events().at(-1)?.name);
        expect(last).toBe('left');
        expect(await page.evaluate(() => window.lr.resources())).toMatchObject({
          peerConnections: 0,
          liveCaptureTracks: 0,
          openSockets: 0,
        });
      }
      const reasons = await viewer.evaluate(() =>
        window.lr
          .events()
          .filter((e) => e.name === 'connection-state-changed')
          .map((e) => (e.detail as [{ state: string; reason: string }])[0].reason),
      );
      expect(reasons.at(-1)).toBe('retries-exhausted');
      for (const page of [host, viewer]) expect(await firstArgs(page, 'warning')).toEqual([]);
    } finally {
      await h.startSignalling();
    }
  });
});
