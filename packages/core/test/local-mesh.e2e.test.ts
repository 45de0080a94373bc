/**
 * The local provider in real headless Chromium with the fake camera: a host
 * and two viewers in separate pages (separate browser contexts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../scripts/testing/harness.ts';
import type { NetworkQuality } from '../src/index.js';
import { departures, expectVideoFlowing, firstArgs, openRoomPage, POLL } from './pages.ts';

let h: Harness;
let host: Page;
let alice: Page;
let bob: Page;

beforeAll(async () => {
  h = await startHarness();
  // Chromium's fake microphone is silent between short beeps. Levels are averaged over each interval
  // (totalAudioEnergy), so Alice, at the default 500 ms in step with the beeps, hears them as Bob does
  // at an interval that drifts across them (the last packet's level would read 0 for Alice).
  [host, alice, bob] = await Promise.all([
    openRoomPage(h),
    openRoomPage(h),
    openRoomPage(h, { audioLevelIntervalMs: 130 }),
  ]);
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

  it("reports network quality from the mesh's stats, for each path and for the local user, only on change", async () => {
    const reports = (page: Page) => firstArgs<NetworkQuality>(page, 'network-quality');
    const latest = async (page: Page, id: string) =>
      (await reports(page)).findLast((q) => (q.participantId ?? '') === id);
    // Alice knows the host's sending to her (her downlink from it), the host knows its sending to Alice
    // from her receiver reports; neither has a path the other way (0, unknown).
    await expect.poll(async () => (await latest(alice, 'host'))?.uplink ?? 0, POLL).toBeGreaterThan(0);
    expect((await latest(alice, 'host'))?.downlink).toBe(0);
    await expect.poll(async () => (await latest(alice, ''))?.downlink ?? 0, POLL).toBeGreaterThan(0);
    expect((await latest(alice, ''))?.uplink).toBe(0);
    await expect.poll(async () => (await latest(host, 'alice'))?.downlink ?? 0, POLL).toBeGreaterThan(0);
    await expect.poll(async () => (await latest(host, ''))?.uplink ?? 0, POLL).toBeGreaterThan(0);
    // Each report changes a level: the same quality is never reported twice in a row.
    for (const page of [alice, host]) {
      const all = await reports(page);
      for (const id of new Set(all.map((q) => q.participantId ?? ''))) {
        const mine = all.filter((q) => (q.participantId ?? '') === id).map((q) => `${q.uplink}/${q.downlink}`);
        expect(mine.filter((q, i) => q === mine[i - 1])).toEqual([]);
      }
    }
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

  it('delivers data messages room-wide and to chosen user ids', async () => {
    const received = (page: Page) =>
      page.evaluate(() =>
        window.lr
          .events()
          .filter((e) => e.name === 'data-message')
          .map((e) => (e.detail as [{ from: string; payload: string }])[0])
          .map((m) => `${m.from}:${m.payload}`),
      );
    await host.evaluate(() => window.lr.sendData('hello all'));
    await host.evaluate(() => window.lr.sendData('just bob', ['bob']));
    await expect.poll(() => received(bob), POLL).toEqual(['host:hello all', 'host:just bob']);
    await expect.poll(() => received(alice), POLL).toEqual(['host:hello all']);
  });

  it('reports the audio level of a publishing microphone to every viewer and to its publisher', async () => {
    await host.evaluate(() => window.lr.publishMicrophone());
    const loudest = (page: Page, participantId: string | undefined) =>
      page.evaluate(
        (id) =>
          Math.max(
            0,
            ...window.lr
              .events()
              .filter((e) => e.name === 'audio-levels')
              .flatMap((e) => (e.detail as [{ participantId?: string; level: number }[]])[0])
              .filter((l) => l.participantId === (id ?? undefined))
              .map((l) => l.level),
          ),
        participantId ?? null,
      );
    await expect.poll(() => loudest(alice, 'host'), POLL).toBeGreaterThan(0);
    await expect.poll(() => loudest(bob, 'host'), POLL).toBeGreaterThan(0);
    await expect.poll(() => loudest(host, undefined), POLL).toBeGreaterThan(0);
  });

  it('lets a cohost step down: the others see the role change, its media goes, and its quality turns unknown', async () => {
    expect(await bob.evaluate(() => window.lr.resources().providerPeerConnections)).toBe(2);
    const aliceAsBobSees = async () =>
      (await firstArgs<NetworkQuality>(bob, 'network-quality')).findLast((q) => q.participantId === 'alice');
    await expect.poll(async () => (await aliceAsBobSees())?.uplink ?? 0, POLL).toBeGreaterThan(0);
    await alice.evaluate(() => window.lr.setRole('audience'));
    await expect
      .poll(() => bob.evaluate(() => window.lr.participants().find((p) => p.id === 'alice')), POLL)
      .toMatchObject({ role: 'audience', published: [], subscribed: [] });
    await expect.poll(() => bob.evaluate(() => window.lr.resources().providerPeerConnections), POLL).toBe(1);
    // Bob has no path to or from Alice any more: 0 (unknown), not her last measured level.
    await expect.poll(aliceAsBobSees, POLL).toEqual({ participantId: 'alice', uplink: 0, downlink: 0 });
    expect(await alice.evaluate(() => window.lr.resources().liveCaptureTracks)).toBe(0);
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

describe('local provider host tools', () => {
  it('lets the host kick a participant, whose room ends as kicked and releases everything', async () => {
    const carol = await openRoomPage(h);
    const newHost = await openRoomPage(h);
    await newHost.evaluate(() => window.lr.join({ roomId: 'kicks', role: 'host', userId: 'boss' }));
    await carol.evaluate(() => window.lr.join({ roomId: 'kicks', role: 'audience', userId: 'carol' }));
    await newHost.evaluate(() => window.lr.publishCamera());
    await expectVideoFlowing(carol, 'boss');
    await newHost.evaluate(() => window.lr.kick('carol'));
    await expect.poll(() => carol.evaluate(() => window.lr.state()), POLL).toBe('disconnected');
    const names = await carol.evaluate(() => window.lr.events().map((e) => e.name));
    expect(names).toContain('kicked');
    expect(await carol.evaluate(() => window.lr.resources())).toMatchObject({ peerConnections: 0, openSockets: 0 });
    await expect.poll(() => departures(newHost), POLL).toEqual(['carol']);
  });
});
