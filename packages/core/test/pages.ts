/**
 * Shared steps of the core e2e tests: open a room page on the harness, and
 * wait (by polling, never by fixed sleeps) for video from a publisher to be
 * flowing, i.e. sized and with the rendered frame count rising.
 */
import type { Page } from 'playwright-core';
import type { Harness } from '../../../scripts/testing/harness.ts';
import type { LocalProviderOptions } from '../src/local/index.js';

const POLL = { timeout: 30_000, interval: 250 };

/** A fixture page with a room started on the harness's signalling server. */
export async function openRoomPage(h: Harness, provider: Partial<LocalProviderOptions> = {}): Promise<Page> {
  const page = await h.newPage();
  await page.evaluate(([signallingUrl, options]) => window.lr.start({ signallingUrl, provider: options }), [
    h.signallingUrl,
    provider,
  ] as const);
  return page;
}

/** Frames rendered so far from `publisherId` (-1 while no video element shows it). */
export function framesFrom(page: Page, publisherId: string): Promise<number> {
  return page.evaluate((id) => {
    const video = window.lr.videos().find((v) => v.participantId === id);
    return video && video.videoWidth > 0 ? video.framesRendered : -1;
  }, publisherId);
}

/**
 * Waits until video from `publisherId` has a size and its rendered frame
 * count keeps rising (usable in hooks too: it polls inside the page).
 */
export async function expectVideoFlowing(page: Page, publisherId: string): Promise<void> {
  const rising = (floor: number) =>
    page.waitForFunction(
      ([id, min]) => {
        const video = window.lr.videos().find((v) => v.participantId === id);
        return video !== undefined && video.videoWidth > 0 && video.framesRendered > min;
      },
      [publisherId, floor] as const,
      { timeout: POLL.timeout, polling: POLL.interval },
    );
  await rising(0);
  await rising(await framesFrom(page, publisherId));
}

/** The first argument of every `name` event `page` logged, oldest first. */
export function firstArgs<T>(page: Page, name: string): Promise<T[]> {
  return page.evaluate(
    (wanted) =>
      window.lr
        .events()
        .filter((e) => e.name === wanted)
        .map((e) => (e.detail as unknown[])[0]),
    name,
  ) as Promise<T[]>;
}

/** Ids of the participants `page` saw leave, in order. */
export function departures(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    window.lr
      .events()
      .filter((e) => e.name === 'participant-left')
      .map((e) => (e.detail as [{ id: string }])[0].id),
  );
}

export { POLL };
