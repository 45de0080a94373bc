/**
 * Starts `@liveroom/metrics`' quality collector for the room with two sinks:
 * the page's {@link TelemetryLog} (the panel and the overlay) and an HTTP
 * batch sink to the demo's ingest.
 */

import { demoConfig } from 'virtual:liveroom-demo';
import type { Room } from '@liveroom/core';
import * as metrics from '@liveroom/metrics';
import { createQualityCollector, type QualityCollector, type TelemetrySink } from '@liveroom/metrics';
import { createFallbackHttpSink } from './fallback-http-sink.js';
import type { TelemetryLog } from './telemetry-log.js';

/** Whether telemetry is being recorded, and through which HTTP sink. */
export type TelemetryStatus =
  | { state: 'recording'; collector: QualityCollector; httpSink: 'metrics' | 'fallback' }
  | { state: 'unavailable'; reason: string };

type HttpSinkFactory = (options: { url: string; writeKey: string; maxBatchDelayMs: number }) => TelemetrySink;

// Looked up at run time: the metrics package is adding its HTTP batch sink while this demo is built.
const createHttpBatchSink = (metrics as Record<string, unknown>).createHttpBatchSink as HttpSinkFactory | undefined;

/** Where the page posts events. */
export const ingestEventsUrl = `${demoConfig.ingestUrl}/v1/events`;

/** Starts the collector before `join()`, so `session_start` and the startup time are recorded. */
export function startQualityTelemetry(room: Room, log: TelemetryLog): TelemetryStatus {
  try {
    const httpSink =
      typeof createHttpBatchSink === 'function'
        ? createHttpBatchSink({ url: ingestEventsUrl, writeKey: demoConfig.writeKey, maxBatchDelayMs: 2000 })
        : createFallbackHttpSink(`${ingestEventsUrl}?key=${encodeURIComponent(demoConfig.writeKey)}`);
    const collector = createQualityCollector(room, { sinks: [log.sink, httpSink], context: { page: 'demo-room' } });
    return { state: 'recording', collector, httpSink: createHttpBatchSink ? 'metrics' : 'fallback' };
  } catch (error) {
    return { state: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}
