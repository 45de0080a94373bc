/**
 * Raise hand and invite to stage (连麦): a viewer raises a hand, the host
 * invites them, the viewer joins the stage as a co-host and the host sees
 * their video; then the layout switches to host-plus-guests.
 */
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { setUpDemoFixture } from './demo-fixture.js';

const fixture = setUpDemoFixture();

const videoWidth = (page: Page, participant: string) =>
  page.evaluate(
    (id) => document.querySelector<HTMLVideoElement>(`.tile[data-participant="${id}"] video`)?.videoWidth ?? 0,
    participant,
  );

test('a viewer raises a hand, is invited, joins the stage and the host sees them', async () => {
  const host = await fixture.open('?room=qa-stage&role=host&name=host-a');
  const viewer = await fixture.open('?room=qa-stage&role=viewer&name=viewer-1');
  // dispatchEvent: a loaded 2-core machine can keep Playwright's "stable element" check waiting for long.
  const press = (page: Page, name: string | RegExp) =>
    page.getByRole('button', { name }).dispatchEvent('click', {}, { timeout: 60_000 });

  await press(viewer, /Raise hand/);
  await expect.poll(() => host.locator('.hand').textContent(), { timeout: 30_000 }).toContain('viewer-1');
  await press(host, 'Invite to stage');
  await press(viewer, 'Join the stage');

  await expect.poll(() => viewer.locator('.who').textContent(), { timeout: 30_000 }).toContain('co-host');
  await expect.poll(() => videoWidth(host, 'viewer-1'), { timeout: 60_000 }).toBeGreaterThan(0);
  expect(await host.locator('.hand').count()).toBe(0);

  await press(host, 'Host + guests');
  await expect
    .poll(() => host.locator('.stage').getAttribute('data-layout'), { timeout: 30_000 })
    .toBe('host-plus-guests');
  expect(await host.locator('.seat-vacant').count()).toBeGreaterThan(0);
  await fixture.screenshot(host, 'demo-host-plus-guests');
});
