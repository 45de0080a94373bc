/**
 * A PK between two hosts of one room, seen by viewers: the second host
 * invites, the first accepts, the viewer's stage splits in two with the
 * score bar and the clock, the viewer's gifts move the score, a viewer who
 * arrives mid-battle catches up (each host's `broadcastBattle` sends its
 * state to newcomers), a host ends the battle, and the result is shown.
 * The battle is long (10 min) and ended by hand: a short one can run out
 * before a page on a loaded machine has even drawn it, and its timer is the
 * hooks package's to test.
 */
import { expect, test } from 'vitest';
import { setUpDemoFixture } from './demo-fixture.js';

const fixture = setUpDemoFixture();

test('a second host starts a PK; viewers see the split stage, the clock, gifts scoring and the result', async () => {
  const hostA = await fixture.open('?room=qa-pk&role=host&name=host-a&pkSeconds=600');
  const viewer = await fixture.open('?room=qa-pk&role=viewer&name=viewer-1');
  const hostB = await fixture.open('?room=qa-pk&role=host&name=host-b&pkSeconds=600');
  // dispatchEvent: a loaded 2-core machine can keep Playwright's "stable element" check waiting for long.
  const press = (locator: ReturnType<typeof hostA.getByRole>) =>
    locator.dispatchEvent('click', {}, { timeout: 60_000 });

  await press(hostB.getByRole('button', { name: 'Start PK with host-a' }));
  await press(hostA.getByRole('button', { name: 'Accept' }));

  // Reads without waiting (a missing element is an answer too), so a slow page fails with what it shows.
  const layoutOf = (page: typeof viewer) =>
    page.evaluate(
      () =>
        document.querySelector('.stage')?.getAttribute('data-layout') ??
        (document.body.textContent ?? '').slice(0, 200),
    );
  await expect.poll(() => layoutOf(viewer), { timeout: 60_000 }).toBe('pk');
  expect(await viewer.locator('.tile[data-area="left"]').count()).toBe(1);
  expect(await viewer.locator('.tile[data-area="right"]').count()).toBe(1);

  const headline = (page: typeof viewer) =>
    page.evaluate(() => document.querySelector('[data-testid="pk-headline"]')?.textContent ?? 'no PK bar');
  await expect.poll(() => headline(viewer), { timeout: 60_000 }).toMatch(/^(9|10):\d\d left$/);

  const giftA = viewer.getByRole('button', { name: /Gift to host-a/ });
  await press(giftA);
  await press(giftA);
  await press(viewer.getByRole('button', { name: /Gift to host-b/ }));
  const scores = viewer.locator('.pk-scores');
  // Each gift travels to the inviting host and back as score: wait for all three.
  await expect
    .poll(() => scores.getAttribute('aria-label'), { timeout: 30_000 })
    .toMatch(/^(?=.*host-a 20 points)(?=.*host-b 10 points)/);
  await fixture.screenshot(viewer, 'demo-pk-viewer');

  // No change happens while it loads, so only the state sent to a newcomer can bring it up to date.
  const lateViewer = await fixture.open('?room=qa-pk&role=viewer&name=viewer-2');
  await expect.poll(() => headline(lateViewer), { timeout: 60_000 }).toMatch(/^\d+:\d\d left$/);
  expect(await lateViewer.locator('.pk-scores').getAttribute('aria-label')).toMatch(
    /^(?=.*host-a 20 points)(?=.*host-b 10 points)/,
  );

  await press(hostA.getByRole('button', { name: 'End PK now' }));
  await expect.poll(() => headline(viewer), { timeout: 60_000 }).toBe('host-a wins!');
  await expect.poll(() => headline(hostB), { timeout: 30_000 }).toBe('host-a wins!');
  await expect.poll(() => headline(lateViewer), { timeout: 30_000 }).toBe('host-a wins!');
  await fixture.screenshot(viewer, 'demo-pk-result');

  // The hosts' battle stores report through the quality collector: pk_start reaches the collector.
  const stored = async () =>
    (await fixture.storedEvents()).filter((e) => e.type === 'pk_start' && e.role === 'host').length;
  await expect.poll(stored, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
}, 300_000); // four pages on a loaded 2-core machine: each step's wait is bounded above, the sum can pass the default
