/**
 * The multi-page test harness (DESIGN.md decision 17): one signalling server
 * on a free port, one Vite dev server for the fixture pages (workspace
 * packages resolved to `src/`), and one headless Chromium with fake media,
 * driven through playwright-core. Used by the core e2e tests, the metrics,
 * hooks and demo-room tests, and the join bench.
 *
 * Set `LIVEROOM_PAGE_LOGS=1` to print every page's console in the test output.
 *
 * @example
 * ```ts
 * const h = await startHarness();
 * const host = await h.newPage(); // scripts/testing/fixtures/room.html, window.lr ready
 * await host.evaluate((url) => { window.lr.start({ signallingUrl: url }); }, h.signallingUrl);
 * await host.evaluate(() => window.lr.join({ roomId: 'r1', role: 'host' }));
 * await h.close();
 * ```
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SignallingServer, type SignallingServerOptions, startSignallingServer } from '@liveroom/signalling';
import { type Browser, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { repoRoot, workspaceAliases } from './aliases.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  /** Folder served at the root of the dev server (default: `scripts/testing/fixtures`). */
  fixturesDir?: string;
  /** Flags added to `chromium.ts`'s. */
  extraChromiumArgs?: string[];
  /** Signalling server options (the port is always a free one). */
  signalling?: Omit<SignallingServerOptions, 'port'>;
}

/** A running harness. */
export interface Harness {
  /** `ws://127.0.0.1:PORT` of the signalling server (stable across {@link Harness.restartSignalling}). */
  readonly signallingUrl: string;
  /** `http://127.0.0.1:PORT/` of the fixture pages. */
  readonly baseUrl: string;
  readonly browser: Browser;
  /** The running signalling server (undefined while stopped). */
  readonly signalling: SignallingServer | undefined;
  /**
   * Opens `path` (relative to the fixtures folder) in a new browser context,
   * so every page is a separate user with its own camera permission. Waits
   * until the page sets `window.lrReady`. Page errors are rethrown by `close()`.
   */
  newPage(path?: string): Promise<Page>;
  /** Stops the signalling server (clients see their socket drop). */
  stopSignalling(): Promise<void>;
  /** Starts it again on the same port. */
  startSignalling(): Promise<void>;
  /** Closes the pages, the browser, Vite and the signalling server. */
  close(): Promise<void>;
}

const defaultFixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Starts the signalling server, Vite and Chromium. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  let signalling: SignallingServer | undefined = await startSignallingServer({ ...options.signalling, port: 0 });
  const port = signalling.port;
  const cacheDir = mkdtempSync(join(tmpdir(), 'liveroom-vite-'));
  const vite = await startVite(options.fixturesDir ?? defaultFixtures, cacheDir);
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // Playwright gives every launch() its own fresh temporary user-data dir.
    args: [...chromiumArgs, ...(options.extraChromiumArgs ?? [])],
    headless: true,
  });
  const pageErrors: string[] = [];
  const baseUrl = viteUrl(vite);
  return {
    signallingUrl: signalling.url,
    baseUrl,
    browser,
    get signalling() {
      return signalling;
    },
    async newPage(path = 'room.html') {
      const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${path}: ${error.message}`));
      if (process.env.LIVEROOM_PAGE_LOGS) page.on('console', (m) => console.log(`[${path}] ${m.text()}`));
      await page.goto(new URL(path, baseUrl).href);
      await page.waitForFunction(() => (window as { lrReady?: boolean }).lrReady === true);
      return page;
    },
    async stopSignalling() {
      await signalling?.close();
      signalling = undefined;
    },
    async startSignalling() {
      signalling ??= await startSignallingServer({ ...options.signalling, port });
    },
    async close() {
      await browser.close().catch(() => undefined);
      await vite.close();
      await signalling?.close();
      signalling = undefined;
      rmSync(cacheDir, { recursive: true, force: true });
      if (pageErrors.length > 0) throw new Error(`Uncaught errors in pages:\n${pageErrors.join('\n')}`);
    },
  };
}

async function startVite(root: string, cacheDir: string): Promise<ViteDevServer> {
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'warn',
    clearScreen: false,
    resolve: { alias: workspaceAliases },
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, fs: { allow: [repoRoot] } },
    // Crawl every fixture page up front, so dependencies are pre-bundled before
    // the first page loads and no late discovery reloads a page mid-test.
    optimizeDeps: { entries: ['**/*.html'] },
    cacheDir,
  });
  await vite.listen();
  return vite;
}

function viteUrl(vite: ViteDevServer): string {
  const address = vite.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('Vite did not report its port.');
  return `http://127.0.0.1:${address.port}/`;
}
