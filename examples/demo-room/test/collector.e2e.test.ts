/**
 * The demo's telemetry path end to end: a viewer's session, ended with
 * Leave, lands in the collector's DuckDB file (read back through its admin
 * export) and shows in its retention report, the one the telemetry panel
 * links to.
 */
import { expect, test } from 'vitest';
import { setUpDemoFixture } from './demo-fixture.js';

const fixture = setUpDemoFixture();

interface Summary {
  trafficSource: string;
  sessions: number;
  startupP50Ms: number | null;
}

test("a viewer's session reaches the collector and its report", async () => {
  await fixture.open('?room=qa-collector&role=host&name=host-a');
  const viewer = await fixture.open('?room=qa-collector&role=viewer&name=viewer-1');
  await expect
    .poll(() => viewer.evaluate(() => document.querySelector('video')?.videoWidth ?? 0), { timeout: 60_000 })
    .toBeGreaterThan(0);
  expect(await viewer.locator('.telemetry a').getAttribute('href')).toBe(fixture.demo.ingest.reportUrl);
  await viewer.getByRole('button', { name: 'Leave' }).dispatchEvent('click', {}, { timeout: 60_000 });
  await expect.poll(() => viewer.locator('.lobby').count(), { timeout: 30_000 }).toBe(1);

  // The stored session is the viewer's, closed by its own session_end (not by the collector), with video.
  const viewerSession = async () => (await fixture.storedSessions()).find((s) => s.user_id === 'viewer-1');
  await expect.poll(async () => (await viewerSession())?.exit_reason, { timeout: 30_000 }).toBe('leave');
  const session = await viewerSession();
  expect(session?.role).toBe('audience');
  expect(session?.video_started).toBe(true);
  expect(session?.startup_ms).toBeGreaterThan(0);

  const json = new URL(fixture.demo.ingest.reportUrl);
  json.searchParams.delete('format');
  const all = async (): Promise<Summary | undefined> => {
    const report = (await (await fetch(json)).json()) as { summary: Summary[] };
    return report.summary.find((row) => row.trafficSource === 'all');
  };
  await expect.poll(async () => (await all())?.sessions ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  expect((await all())?.startupP50Ms).toBeGreaterThan(0);
});
