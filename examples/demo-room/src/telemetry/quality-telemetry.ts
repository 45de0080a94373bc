/**
 * Starts `@liveroom/metrics`' quality collector for the room with two sinks:
 * the page's {@link TelemetryLog} (the panel and the overlay) and the HTTP
 * batch sink to the demo's ingest.
 */

import { demoConfig } from 'virtual:liveroom-demo';
import type { Room } from '@liveroom/core';
import { createHttpBatchSink, createQualityCollector, type QualityCollector } from '@liveroom/metrics';
import type { TelemetryLog } from './telemetry-log.js';

/** Whether telemetry is being recorded. */
export type TelemetryStatus =
  | { state: 'recording'; collector: QualityCollector }
  | { state: 'unavailable'; reason: string };

/** Starts the collector before `join()`, so `session_start` and the startup time are recorded. */
export function startQualityTelemetry(room: Room, log: TelemetryLog): TelemetryStatus {
  try {
    const http = createHttpBatchSink({
      url: `${demoConfig.ingestUrl}/v1/events`,
      writeKey: demoConfig.writeKey,
      // Short batches: QA watches the report while the run goes on.
      maxBatchDelayMs: 2000,
    });
    const collector = createQualityCollector(room, { sinks: [log.sink, http], context: { page: 'demo-room' } });
    return { state: 'recording', collector };
  } catch (error) {
    return { state: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  }
}
