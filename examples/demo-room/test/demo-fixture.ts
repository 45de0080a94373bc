/**
 * Starts the whole demo (signalling, `@liveroom/collector`, Vite) on free
 * ports and one headless Chromium with fake media, opens demo pages as
 * separate users, and reads what reached the collector through its admin
 * export, as a data team would. Screenshots are written only with
 * `UPDATE_SCREENSHOTS=1` (decision 21).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../scripts/testing/chromium.js';
import { type RunningDemo, startDemo } from '../server/demo-server.js';

/** One row of the collector's `events` table, as its NDJSON export writes it (docs/collector.md). */
export interface StoredEvent {
  event_id: string;
  type: string;
  session_id: string;
  user_id: string;
  role: string;
  seq: number;
  body: Record<string, unknown>;
}

/** A `session_facts` row (docs/collector.md), the columns the tests read. */
export interface StoredSession {
  session_id: string;
  user_id: string;
  role: string;
  exit_reason: string;
  video_started: boolean;
  startup_ms: number | null;
  pk_seen: boolean;
}

/** The running demo and its browser. */
export interface DemoFixture {
  readonly demo: RunningDemo;
  /** Opens the demo at `query` (e.g. `?room=r&role=host`) as a new user. */
  open(query?: string, viewport?: { width: number; height: number }): Promise<Page>;
  /** Every event the collector has stored (committed), through `GET /v1/admin/export/events.ndjson`. */
  storedEvents(): Promise<StoredEvent[]>;
  /** One row per stored session, through `GET /v1/admin/export/session_facts.ndjson`. */
  storedSessions(): Promise<StoredSession[]>;
  /** Saves `page` to `docs/images/<name>.png` when `UPDATE_SCREENSHOTS=1`. */
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

const imagesDir = fileURLToPath(new URL('../../../docs/images/', import.meta.url));

/** Reads one table of the running collector through its admin export, one JSON object per line. */
async function exportRows<Row>(demo: RunningDemo, table: 'events' | 'session_facts'): Promise<Row[]> {
  const response = await fetch(`${demo.ingest.url}/v1/admin/export/${table}.ndjson`, {
    headers: { authorization: `Bearer ${demo.ingest.adminKey}` },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`The collector's ${table} export answered ${response.status}: ${text}`);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
}

/** Starts the demo (with a fresh DuckDB file) and Chromium. */
export async function startDemoFixture(): Promise<DemoFixture> {
  const demo = await startDemo({
    ports: { app: 0, signalling: 0, ingest: 0 },
    dataDir: mkdtempSync(join(tmpdir(), 'liveroom-demo-')),
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
    storedEvents: () => exportRows<StoredEvent>(demo, 'events'),
    storedSessions: () => exportRows<StoredSession>(demo, 'session_facts'),
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

/**
 * Starts a demo fixture before the file's tests and closes it after them.
 * The returned fixture forwards to the one started, so tests use it directly.
 */
export function setUpDemoFixture(): DemoFixture {
  let started: DemoFixture | undefined;
  beforeAll(async () => {
    started = await startDemoFixture();
  });
  afterAll(async () => {
    await started?.close();
  });
  const current = (): DemoFixture => {
    if (!started) throw new Error('The demo fixture is used before beforeAll() started it.');
    return started;
  };
  return {
    get demo() {
      return current().demo;
    },
    open: (query, viewport) => current().open(query, viewport),
    storedEvents: () => current().storedEvents(),
    storedSessions: () => current().storedSessions(),
    screenshot: (page, name) => current().screenshot(page, name),
    close: () => current().close(),
  };
}
