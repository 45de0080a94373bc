/**
 * Starts `@liveroom/metrics`' quality collector for the room, when this
 * build has it, with two sinks: the page's {@link TelemetryLog} (the panel
 * and the overlay) and the HTTP batch sink to the demo's ingest.
 */

import { demoConfig, optionalModules } from 'virtual:liveroom-demo';
import type { Room } from '@liveroom/core';
import { createFallbackHttpSink } from './fallback-http-sink.js';
import type { TelemetryLog } from './telemetry-log.js';

/** The slice of the quality collector the demo uses (also the hooks' telemetry emitter). */
export interface RunningCollector {
  readonly sessionId: string | undefined;
  emit(type: 'pk_start' | 'pk_end' | 'layout_change', body: object): void;
  flush(): Promise<void>;
  stop(): Promise<void>;
}

interface MetricsModule {
  createQualityCollector(room: Room, options: { sinks: object[]; context?: object }): RunningCollector;
  createHttpBatchSink?: (options: { url: string }) => object;
}

/** Whether telemetry is being recorded, and if not, why. */
export type TelemetryStatus =
  | { state: 'recording'; collector: RunningCollector; httpSink: 'metrics' | 'fallback' }
  | { state: 'unavailable'; reason: string };

/** The ingest URL with the write key in the query (the way `sendBeacon` must send it too). */
export const ingestEventsUrl = `${demoConfig.ingestUrl}/v1/events?key=${encodeURIComponent(demoConfig.writeKey)}`;

/** Starts the collector before `join()`, so `session_start` and the startup time are recorded. */
export async function startQualityTelemetry(room: Room, log: TelemetryLog): Promise<TelemetryStatus> {
  const module = (await optionalModules.metrics?.().catch(() => undefined)) as Partial<MetricsModule> | undefined;
  if (typeof module?.createQualityCollector !== 'function') {
    return {
      state: 'unavailable',
      reason: '@liveroom/metrics does not export createQualityCollector in this build yet.',
    };
  }
  const http = module.createHttpBatchSink;
  const httpSink =
    typeof http === 'function' ? http({ url: ingestEventsUrl }) : createFallbackHttpSink(ingestEventsUrl);
  const collector = module.createQualityCollector(room, {
    sinks: [log.sink, httpSink],
    context: { page: 'demo-room' },
  });
  return { state: 'recording', collector, httpSink: typeof http === 'function' ? 'metrics' : 'fallback' };
}
