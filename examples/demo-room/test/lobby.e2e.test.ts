/**
 * The lobby's bad-input paths, end to end in Chromium: the SDK's own
 * validation shown next to the field, and a clear message when the
 * signalling server is not there.
 */
import { expect, test } from 'vitest';
import { setUpDemoFixture } from './demo-fixture.js';

const fixture = setUpDemoFixture();

test('an empty room name is refused next to the field, with the SDK message', async () => {
  const page = await fixture.open('', { width: 390, height: 844 });
  await page.getByRole('button', { name: 'Join room' }).click();
  const error = page.locator('.field-error');
  await expect.poll(() => error.textContent(), { timeout: 30_000 }).toContain('must not be empty');
  expect(await page.getByLabel('Room name').getAttribute('aria-invalid')).toBe('true');
  await fixture.screenshot(page, 'demo-lobby-invalid');
  await page.context().close();
});

test('a room name with characters Agora refuses is explained, not sent', async () => {
  const page = await fixture.open();
  await page.getByLabel('Room name').fill('shop/42');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('.field-error').textContent(), { timeout: 30_000 }).toMatch(/may only contain/);
  await page.context().close();
});

test('the Agora option shows its App ID field and explains a malformed App ID there', async () => {
  const page = await fixture.open();
  await page.getByLabel('Room name').fill('qa-agora');
  await page.getByLabel('Provider').selectOption('agora');
  await page.getByLabel('Agora App ID').fill('not-an-app-id');
  await page.getByRole('button', { name: 'Join room' }).click();
  await expect
    .poll(() => page.locator('.field-error').textContent(), { timeout: 30_000 })
    .toMatch(/32-character hexadecimal/);
  await page.context().close();
});

test('a dead signalling server gives a clear message and the lobby stays usable', async () => {
  const page = await fixture.open('?room=qa-dead&role=viewer&signalling=ws://127.0.0.1:9');
  const banner = page.locator('.banner-error');
  await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain('Cannot reach the signalling server');
  expect(await page.getByRole('button', { name: 'Join room' }).isEnabled()).toBe(true);
  await page.context().close();
});
