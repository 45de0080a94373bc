/**
 * The mesh at the size DESIGN.md decision 22 promises: 1 host + 3 guests +
 * 6 viewers, each in its own page. Small video (320×240 at 10 fps) keeps the
 * 36 encoders affordable on 2 shared cores; the point is that every page
 * receives every publisher, not the picture quality.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../../../scripts/testing/harness.ts';
import { expectVideoFlowing, openRoomPage } from './pages.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.close();
});

const publishers = ['host', 'guest-1', 'guest-2', 'guest-3'];
const viewers = ['viewer-1', 'viewer-2', 'viewer-3', 'viewer-4', 'viewer-5', 'viewer-6'];

describe('local provider at its documented scale', () => {
  // Ten pages on two shared cores: a generous budget, the assertions stay on behaviour.
  it('1 host + 3 guests + 6 viewers: every page receives every publisher', { timeout: 300_000 }, async () => {
    const ids = [...publishers, ...viewers];
    const opened = await Promise.all(ids.map(() => openRoomPage(h)));
    const pages = new Map(ids.map((id, i) => [id, opened[i] as Page]));
    for (const [id, page] of pages) {
      const role = id === 'host' ? 'host' : id.startsWith('guest') ? 'cohost' : 'audience';
      await page.evaluate((options) => window.lr.join(options), { roomId: 'scale', role, userId: id } as const);
      if (role !== 'audience') {
        await page.evaluate(() => window.lr.publishCamera({ width: 320, height: 240, frameRate: 10 }));
      }
    }
    expect(h.signalling?.rooms()[0]?.participants).toHaveLength(10);
    await Promise.all(
      [...pages].flatMap(([id, page]) =>
        publishers.filter((p) => p !== id).map((publisher) => expectVideoFlowing(page, publisher)),
      ),
    );
    const viewer = pages.get('viewer-6') as Page;
    const received = await viewer.evaluate(() =>
      window.lr
        .videos()
        .map((v) => v.participantId)
        .sort(),
    );
    expect(received).toEqual([...publishers].sort());
  });
});
