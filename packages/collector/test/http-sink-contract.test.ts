/**
 * The contract with the browser SDK: the metrics package's real HTTP batch
 * sink (its write-key header, `{ events }` bodies, gzip, per-event results,
 * page-hide delivery) against the real ingest.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpBatchSink, createMemoryQueueStore } from '@liveroom/metrics';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningCollector, startCollector } from '../src/collector.js';
import { ADMIN_KEY, freshEvent, storedIds, WRITE_KEY } from './fixtures.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let collector: RunningCollector;
let dbPath: string;
beforeEach(async () => {
  dbPath = join(mkdtempSync(join(tmpdir(), 'collector-sink-')), 'events.duckdb');
  collector = await startCollector({ port: 0, dbPath, writeKey: WRITE_KEY, adminKey: ADMIN_KEY });
});
afterEach(() => collector.close());

function sink(overrides: { writeKey?: string } = {}) {
  const errors: string[] = [];
  const created = createHttpBatchSink({
    url: `${collector.url}/v1/events`,
    writeKey: overrides.writeKey ?? WRITE_KEY,
    store: createMemoryQueueStore(),
    maxBatchEvents: 10,
  });
  created.start?.({ reportError: (code) => errors.push(code) });
  return { sink: created, errors };
}

describe('the metrics HTTP sink against the ingest', () => {
  it('delivers gzipped batches; the ingest stores the valid events and the sink drops the rejected one', async () => {
    const { sink: http, errors } = sink();
    const valid = Array.from({ length: 25 }, (_, i) => freshEvent('quality_sample', 'sink-session', i));
    const future = { ...freshEvent(), ts: Date.now() + 86_400_000 };
    for (const event of [...valid.slice(0, 12), future, ...valid.slice(12)]) http.write(event);
    await http.flush?.('manual');
    expect(errors).toContain('EVENTS_REJECTED');
    // Everything was answered, so a second flush sends nothing new and nothing is stored twice.
    await http.flush?.('manual');
    await http.close?.();
    expect(await storedIds(collector, dbPath)).toEqual(valid.map((e) => e.eventId).sort());
  });

  it('delivers on page hide', async () => {
    const { sink: http } = sink();
    const events = Array.from({ length: 5 }, (_, i) => freshEvent('quality_sample', 'hidden', i));
    for (const event of events) http.write(event);
    await http.flush?.('pagehide');
    // Page-hide requests are fire-and-forget: wait until the service's own export lists them.
    await vi.waitFor(async () => {
      const response = await fetch(`${collector.url}/v1/admin/export/events.ndjson`, {
        headers: { authorization: `Bearer ${ADMIN_KEY}` },
      });
      const stored = (await response.text()).trim().split('\n').filter(Boolean);
      expect(stored.map((line) => (JSON.parse(line) as { event_id: string }).event_id).sort()).toEqual(
        events.map((e) => e.eventId).sort(),
      );
    });
    await http.close?.();
  });

  it('gets a refusal for a wrong write key, which the sink reports and does not retry', async () => {
    const { sink: http, errors } = sink({ writeKey: 'wrong-key-000' });
    http.write(freshEvent());
    await http.flush?.('manual');
    await http.close?.();
    expect(errors).toContain('BATCH_REFUSED');
    expect(await storedIds(collector, dbPath)).toEqual([]);
  });
});
