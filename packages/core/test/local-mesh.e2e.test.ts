/**
 * The local provider in real headless Chromium with the fake camera: a host
 * and two viewers in separate pages (separate browser contexts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../scripts/testing/harness.ts';
import { departures, expectVideoFlowing, openRoomPage, POLL } from './pages.ts';

let h: Harness;
let host: Page;
let alice: Page;
let bob: Page;

beforeAll(async () => {
  h = await startHarness();
  [host, alice, bob] = await Promise.all([openRoomPage(h), openRoomPage(h), openRoomPage(h)]);
});

afterAll(async () => {
  await h?.close();
});

describe('local provider mesh', () => {
  it('delivers the host camera to two viewers as decoding video', async () => {
    await host.evaluate(() => window.lr.join({ roomId: 'mesh', role: 'host', userId: 'host' }));
    await host.evaluate(() => window.lr.publishCamera());
    await alice.evaluate(() => window.lr.join({ roomId: 'mesh', role: 'audience', userId: 'alice' }));
    await bob.evaluate(() => window.lr.join({ roomId: 'mesh', role: 'audience', userId: 'bob' }));
    await expectVideoFlowing(alice, 'host');
    await expectVideoFlowing(bob, 'host');
    const stats = await alice.evaluate(() => window.lr.stats());
    const fromHost = stats.remoteVideo.find((v) => v.participantId === 'host');
    expect(fromHost?.source).toBe('webrtc-stats');
    expect(fromHost?.frameWidth).toBeGreaterThan(0);
    expect(fromHost?.framesDecoded).toBeGreaterThan(0);
  });

  it('lets a viewer step up to cohost, and the others receive its video', async () => {
    await alice.evaluate(() => window.lr.setRole('cohost'));
    await alice.evaluate(() => window.lr.publishCamera());
    await expectVideoFlowing(host, 'alice');
    await expectVideoFlowing(bob, 'alice');
    await expect
      .poll(() => bob.evaluate(() => window.lr.participants().find((p) => p.id === 'alice')?.role), POLL)
      .toBe('cohost');
  });

  it('mutes as a pause the viewers see: track-muted, then frames again on unmute', async () => {
    await host.evaluate(() => window.lr.setMuted('camera', true));
    await expect
      .poll(() => bob.evaluate(() => window.lr.participants().find((p) => p.id === 'host')?.muted), POLL)
      .toEqual(['video']);
    await host.evaluate(() => window.lr.setMuted('camera', false));
    await expect
      .poll(() => bob.evaluate(() => window.lr.participants().find((p) => p.id === 'host')?.muted), POLL)
      .toEqual([]);
    await expectVideoFlowing(bob, 'host');
  });

  it('tells the others when a participant leaves, and leave() releases everything', async () => {
    await bob.evaluate(() => window.lr.leave());
    await expect.poll(() => departures(host), POLL).toEqual(['bob']);
    await expect.poll(() => departures(alice), POLL).toEqual(['bob']);
    expect(await alice.evaluate(() => window.lr.participants().map((p) => p.id))).toEqual(['host']);
    expect(await bob.evaluate(() => window.lr.resources())).toMatchObject({
      peerConnections: 0,
      providerPeerConnections: 0,
      liveCaptureTracks: 0,
      openSockets: 0,
    });
    await alice.evaluate(() => window.lr.leave());
    const released = await alice.evaluate(() => window.lr.resources());
    expect(released.peerConnectionsCreated).toBeGreaterThan(0);
    expect(released).toMatchObject({ peerConnections: 0, liveCaptureTracks: 0, openSockets: 0 });
  });
});
