/**
 * Impairments (DESIGN.md decision 20) in real Chromium: a viewer's request
 * acts on the publisher's sender toward that viewer only.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { type Harness, startHarness } from '../../../scripts/testing/harness.ts';
import type { NetworkQuality } from '../src/index.js';
import { routeThroughRelays } from './lossy-relay.ts';
import { expectVideoFlowing, firstArgs, openRoomPage, POLL } from './pages.ts';

let h: Harness;
let host: Page;
let alice: Page;
let bob: Page;

beforeAll(async () => {
  h = await startHarness();
  [host, alice, bob] = await Promise.all([openRoomPage(h), openRoomPage(h), openRoomPage(h)]);
  await host.evaluate(() => window.lr.join({ roomId: 'qa', role: 'host', userId: 'host' }));
  await host.evaluate(() => window.lr.publishCamera());
  await alice.evaluate(() => window.lr.join({ roomId: 'qa', role: 'audience', userId: 'alice' }));
  await bob.evaluate(() => window.lr.join({ roomId: 'qa', role: 'audience', userId: 'bob' }));
  await expectVideoFlowing(alice, 'host');
  await expectVideoFlowing(bob, 'host');
});

afterAll(async () => {
  await h?.close();
});

function hostVideo(page: Page) {
  return page.evaluate(async () => (await window.lr.stats()).remoteVideo.find((v) => v.participantId === 'host'));
}

describe('local provider impairment', () => {
  it('scales down the picture for the viewer who asked, and only for them', async () => {
    expect((await hostVideo(alice))?.frameHeight).toBe(480);
    await alice.evaluate(() => window.lr.impair('host', { scaleResolutionDownBy: 2 }));
    await expect.poll(async () => (await hostVideo(alice))?.frameHeight, POLL).toBe(240);
    // maintain-resolution (decision 19) keeps the untouched viewer at full size.
    expect((await hostVideo(bob))?.frameHeight).toBe(480);
    await alice.evaluate(() => window.lr.impair('host', { scaleResolutionDownBy: 1 }));
    await expect.poll(async () => (await hostVideo(alice))?.frameHeight, POLL).toBe(480);
  });

  it('stalls the stream for the asking viewer: Chromium counts a freeze of about that length', async () => {
    await expect.poll(async () => (await hostVideo(alice))?.freezeCount, POLL).toBeTypeOf('number');
    const before = await hostVideo(alice);
    await alice.evaluate(() => window.lr.impair('host', { stallMs: 1500 }));
    await expect
      .poll(async () => (await hostVideo(alice))?.freezeCount ?? 0, POLL)
      .toBeGreaterThan(before?.freezeCount ?? 0);
    const after = await hostVideo(alice);
    const frozenMs = (after?.totalFreezesDurationMs ?? 0) - (before?.totalFreezesDurationMs ?? 0);
    expect(frozenMs).toBeGreaterThan(1000);
    await expectVideoFlowing(alice, 'host');
  });

  it('reports worse network quality, on both ends, for a path that loses packets', async () => {
    // Carol receives the host through UDP relays that can drop the host's packets to her.
    const carol = await openRoomPage(h);
    const relays = await routeThroughRelays(carol, host);
    onTestFinished(() => {
      for (const relay of relays) relay.close();
    });
    await carol.evaluate(() => window.lr.join({ roomId: 'qa', role: 'audience', userId: 'carol' }));
    await expectVideoFlowing(carol, 'host');
    const latest = async (page: Page, id: string) =>
      (await firstArgs<NetworkQuality>(page, 'network-quality')).findLast((q) => q.participantId === id);
    const hostSending = async () => (await latest(carol, 'host'))?.uplink ?? 0; // as Carol receives it
    const toCarol = async () => (await latest(host, 'carol'))?.downlink ?? 0; // as Carol reports it back
    await expect.poll(hostSending, POLL).toBeGreaterThan(0);
    await expect.poll(toCarol, POLL).toBeGreaterThan(0);
    const clean = { hostSending: await hostSending(), toCarol: await toCarol() };
    for (const relay of relays) relay.lossRatio = 0.3;
    // 30 % loss is past the 20 % line: very bad, seen by the receiver and reported back to the sender.
    await expect.poll(hostSending, POLL).toBe(5);
    await expect.poll(toCarol, POLL).toBe(5);
    expect(clean.hostSending).toBeLessThan(5);
    expect(clean.toCarol).toBeLessThan(5);
    await carol.evaluate(() => window.lr.leave());
  });

  it('rejects an invalid impairment with INVALID_CONFIG', async () => {
    const code = await alice.evaluate(() =>
      window.lr.impair('host', { scaleResolutionDownBy: 0.5 }).then(
        () => 'accepted',
        (error: { code?: string }) => error.code,
      ),
    );
    expect(code).toBe('INVALID_CONFIG');
  });
});
