/**
 * Starts the whole demo (signalling, NDJSON ingest, Vite) on free ports and
 * one headless Chromium with fake media, and opens demo pages as separate
 * users. Screenshots are written only with `UPDATE_SCREENSHOTS=1` (decision 21).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/testing/chromium.js';
import { type RunningDemo, startDemo } from '../server/demo-server.js';

/** The running demo and its browser. */
export interface DemoFixture {
  readonly demo: RunningDemo;
  /** Opens the demo at `query` (e.g. `?room=r&role=host`) as a new user. */
  open(query?: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Saves `page` to `docs/images/<name>.png` when `UPDATE_SCREENSHOTS=1`. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

const imagesDir = fileURLToPath(new URL('../../../docs/images/', import.meta.url));

/**
 * Starts the demo and Chromium. The NDJSON store by default, because tests
 * can list its events in-process; `collector` runs `@liveroom/collector`.
 */
export async function startDemoFixture(ingest: 'ndjson' | 'collector' = 'ndjson'): Promise<DemoFixture> {
  const demo = await startDemo({
    ports: { app: 0, signalling: 0, ingest: 0 },
    dataDir: mkdtempSync(join(tmpdir(), 'liveroom-demo-')),
    ingest,
  });
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  } catch (error) {
    await demo.close();
    throw error;
  }
  const pageErrors: string[] = [];
  return {
    demo,
    async open(query = '', viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ permissions: ['camera', 'microphone'], viewport });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      if (process.env.LIVEROOM_PAGE_LOGS) page.on('console', (m) => console.log(`[${query}] ${m.text()}`));
      await page.goto(new URL(query, demo.appUrl).href);
      return page;
    },
    async screenshot(page, name) {
      if (process.env.UPDATE_SCREENSHOTS !== '1') return;
      await page.screenshot({ path: join(imagesDir, `${name}.png`) });
    },
    async close() {
      await browser.close().catch(() => undefined);
      await demo.close();
      if (pageErrors.length > 0) throw new Error(`Uncaught errors in demo pages:\n${pageErrors.join('\n')}`);
    },
  };
}
