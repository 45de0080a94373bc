/**
 * One host and two viewers in the demo room on the local provider: the
 * viewers see the host's live video; one viewer runs a scripted scenario
 * and its overlay shows the injected stalls and the resolution drop.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { setUpDemoFixture } from './demo-fixture.js';

const fixture = setUpDemoFixture();

/** Width of the picture playing in `participant`'s tile (0 until frames arrive). */
const videoWidth = (page: Page, participant: string) =>
  page.locator(`.tile[data-participant="${participant}"] video`).evaluate((v: HTMLVideoElement) => v.videoWidth);

test('two viewers see the host live', async () => {
  const viewer1 = await fixture.open('?room=qa-live&role=viewer&name=viewer-1');
  await expect.poll(() => viewer1.locator('[data-state="waiting-for-host"]').count(), { timeout: 30_000 }).toBe(1);
  await fixture.screenshot(viewer1, 'demo-waiting-for-host');

  const host = await fixture.open('?room=qa-live&role=host&name=host-a');
  await expect.poll(() => videoWidth(host, 'host-a'), { timeout: 30_000 }).toBeGreaterThan(0);
  await fixture.screenshot(host, 'demo-room-host');

  const viewer2 = await fixture.open(
    '?room=qa-live&role=viewer&name=viewer-2&scenario=stall-every-5s-1500ms%2Bres-360p@3s',
    {
      width: 390,
      height: 844,
    },
  );
  for (const viewer of [viewer1, viewer2]) {
    await expect.poll(() => videoWidth(viewer, 'host-a'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await viewer.locator('[data-state="waiting-for-host"]').count()).toBe(0);
  }
  await fixture.screenshot(viewer1, 'demo-room-viewer');

  // The scenario: the resolution drop lands first, then stalls every 5 s.
  const metric = (page: Page, name: string) =>
    page.locator(`.tile[data-participant="host-a"] [data-metric="${name}"] dd`).textContent();
  await expect.poll(() => metric(viewer2, 'resolution'), { timeout: 30_000 }).toBe('640×360');
  // Wait for the resolution step and two stalls to be injected, then for the overlay to count both stalls
  // (on a loaded machine the CPU adds real freezes, so the count may be higher, never lower).
  const injected = viewer2.locator('.injections li[data-ok="true"]');
  await expect.poll(() => injected.count(), { timeout: 40_000 }).toBeGreaterThanOrEqual(3);
  await expect
    .poll(async () => Number.parseInt((await metric(viewer2, 'stalls')) ?? '0', 10), { timeout: 20_000 })
    .toBeGreaterThanOrEqual(2);
  expect(await viewer2.locator('.injections li[data-ok="false"]').count()).toBe(0);
  await fixture.screenshot(viewer2, 'demo-room-phone-scenario');

  // Impairment reaches only the viewer who asked (decision 20): viewer 1 still gets 720p.
  expect(await metric(viewer1, 'resolution')).toBe('1280×720');

  // What the page emitted reached the collector: viewer 2's stalls, with the host as their participant.
  const stored = async () =>
    (await fixture.storedEvents()).filter(
      (e) => e.type === 'stall_end' && e.user_id === 'viewer-2' && e.body.participantId === 'host-a',
    ).length;
  expect(await viewer2.locator('.events li[data-type="stall_end"]').count()).toBeGreaterThanOrEqual(1);
  await expect.poll(stored, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
});
