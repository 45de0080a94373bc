import { describe, expect, it, vi } from 'vitest';
import { exampleEvent } from '../schema/index.js';
import { createMemoryQueueStore } from '../sinks/queue-store.js';
import { createOtlpLogsSink, toLogRecord, toOtlpValue } from './otlp-logs-sink.js';

describe('OTLP mapping', () => {
  it('converts JSON values to AnyValue, with 64-bit integers as strings', () => {
    expect(toOtlpValue({ a: 1, b: 0.5, c: [true], d: 'x', e: undefined })).toEqual({
      kvlistValue: {
        values: [
          { key: 'a', value: { intValue: '1' } },
          { key: 'b', value: { doubleValue: 0.5 } },
          { key: 'c', value: { arrayValue: { values: [{ boolValue: true }] } } },
          { key: 'd', value: { stringValue: 'x' } },
        ],
      },
    });
  });

  it('makes one log record per event, timed by ts, named by type, ERROR for fatal errors', () => {
    const record = toLogRecord(exampleEvent('error'));
    expect(record.timeUnixNano).toBe(`${exampleEvent('error').ts}000000`);
    expect(record).toMatchObject({ eventName: 'liveroom.error', severityText: 'ERROR', severityNumber: 17 });
    expect(record.attributes).toContainEqual({
      key: 'liveroom.event_id',
      value: { stringValue: exampleEvent('error').eventId },
    });
    expect(toLogRecord(exampleEvent('first_frame')).severityText).toBe('INFO');
  });
});

describe('createOtlpLogsSink', () => {
  it('posts OTLP/HTTP JSON with the resource and scope, and a 2xx answers the batch', async () => {
    const bodies: unknown[] = [];
    const fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      bodies.push(JSON.parse(String(init?.body)));
      return Response.json({});
    }) as unknown as typeof globalThis.fetch;
    const store = createMemoryQueueStore();
    const sink = createOtlpLogsSink({
      url: 'http://127.0.0.1:4318/v1/logs',
      resource: { 'deployment.environment': 'test' },
      gzip: false,
      store,
      fetch,
    });
    sink.start?.({ reportError: () => {} });
    sink.write(exampleEvent('session_start'));
    sink.write(exampleEvent('first_frame'));
    await sink.flush?.('manual');
    const [body] = bodies as {
      resourceLogs: {
        resource: { attributes: { key: string }[] };
        scopeLogs: { scope: { name: string }; logRecords: unknown[] }[];
      }[];
    }[];
    const logs = body?.resourceLogs[0];
    expect(logs?.resource.attributes.map((a) => a.key)).toEqual(['service.name', 'deployment.environment']);
    expect(logs?.scopeLogs[0]?.scope.name).toBe('@liveroom/metrics');
    expect(logs?.scopeLogs[0]?.logRecords).toHaveLength(2);
    // OTLP answers without per-event results: the 2xx answered the whole batch.
    expect(await store.load()).toEqual([]);
  });
});
