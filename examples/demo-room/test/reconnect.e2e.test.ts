/**
 * The "Reconnecting…" state: when the signalling server goes away, a
 * viewer's page says so instead of freezing silently, and comes back to
 * `connected` when the server returns.
 */
import { expect, test } from 'vitest';
import { setUpDemoFixture } from './demo-fixture.js';

const fixture = setUpDemoFixture();

test('a lost signalling server shows Reconnecting, then the room recovers', async () => {
  const viewer = await fixture.open('?room=qa-reconnect&role=viewer&name=viewer-1');
  const state = () => viewer.evaluate(() => document.querySelector('.pill')?.textContent ?? 'no room');
  await expect.poll(state, { timeout: 30_000 }).toBe('connected');

  await fixture.demo.stopSignalling();
  await expect.poll(state, { timeout: 30_000 }).toBe('reconnecting');
  expect(await viewer.locator('.banner-warn').textContent()).toContain('Reconnecting');
  await fixture.screenshot(viewer, 'demo-reconnecting');

  await fixture.demo.startSignalling();
  await expect.poll(state, { timeout: 60_000 }).toBe('connected');
  expect(await viewer.locator('.banner-warn').count()).toBe(0);
});
