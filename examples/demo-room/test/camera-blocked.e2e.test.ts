/**
 * A host whose browser refuses the camera: the room says "Camera blocked"
 * with what to do and a Retry button, and the host stays in the room.
 */
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/testing/chromium.js';
import { setUpDemoFixture } from './demo-fixture.js';

const fixture = setUpDemoFixture();
let refusing: Browser;
beforeAll(async () => {
  // Without the fake permission prompt, a context that was granted nothing is refused camera access.
  refusing = await chromium.launch({
    executablePath: chromiumPath,
    args: chromiumArgs.filter((arg) => arg !== '--use-fake-ui-for-media-stream'),
  });
});
afterAll(async () => {
  await refusing?.close();
});

test('a refused camera is explained, with a retry, and the host stays in the room', async () => {
  const page = await (await refusing.newContext()).newPage();
  await page.goto(new URL('?room=qa-camera&role=host&name=host-a', fixture.demo.appUrl).href);
  const banner = page.locator('.banner-error');
  await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(1);
  expect(await banner.textContent()).toContain('Camera blocked');
  expect(await banner.getByRole('button', { name: 'Retry' }).count()).toBe(1);
  expect(await page.locator('.pill').textContent()).toBe('connected');
  expect(await page.locator('.tile[data-participant="host-a"]').textContent()).toContain('Your camera is off');
  await fixture.screenshot(page, 'demo-camera-blocked');
});
