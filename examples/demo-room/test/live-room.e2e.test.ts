/**
 * One host and two viewers in the demo room on the local provider: the
 * viewers see the host's live video.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DemoFixture, startDemoFixture } from './demo-fixture.js';

let fixture: DemoFixture;
beforeAll(async () => {
  fixture = await startDemoFixture();
});
afterAll(async () => {
  await fixture?.close();
});

/** Width of the picture playing in `participant`'s tile (0 until frames arrive). */
const videoWidth = (page: Page, participant: string) =>
  page.locator(`.tile[data-participant="${participant}"] video`).evaluate((v: HTMLVideoElement) => v.videoWidth);

test('two viewers see the host live', async () => {
  const viewer1 = await fixture.open('?room=qa-live&role=viewer&name=viewer-1');
  await expect.poll(() => viewer1.locator('[data-state="waiting-for-host"]').count()).toBe(1);
  await fixture.screenshot(viewer1, 'demo-waiting-for-host');

  const host = await fixture.open('?room=qa-live&role=host&name=host-a');
  await expect.poll(() => videoWidth(host, 'host-a'), { timeout: 30_000 }).toBeGreaterThan(0);

  const viewer2 = await fixture.open('?room=qa-live&role=viewer&name=viewer-2', { width: 390, height: 844 });
  for (const viewer of [viewer1, viewer2]) {
    await expect.poll(() => videoWidth(viewer, 'host-a'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await viewer.locator('[data-state="waiting-for-host"]').count()).toBe(0);
  }
  await fixture.screenshot(viewer1, 'demo-room-viewer');
  await fixture.screenshot(viewer2, 'demo-room-phone');
});
