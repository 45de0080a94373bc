/**
 * `@liveroom/metrics`: viewer-side quality metrics for a liveroom `Room`
 * (stalls, resolution, startup, dwell), sent as versioned telemetry events.
 * The event schemas live in the DOM-free `@liveroom/metrics/schema` entry,
 * the OpenTelemetry logs sink in `@liveroom/metrics/otlp`, and the rxjs
 * observable sink in `@liveroom/metrics/rx` (this entry does not import rxjs).
 *
 * @packageDocumentation
 */

export type { DwellTotals, PlaybackState } from './accounting/dwell-account.js';
export { DwellAccount } from './accounting/dwell-account.js';
export type {
  FrameSize,
  ResolutionSwitch,
  ResolutionTier,
  ResolutionTotals,
} from './accounting/resolution-account.js';
export { ResolutionAccount, shortSide, summarizeResolution, tierOf } from './accounting/resolution-account.js';
export type { CollectorEnvironment, RenderedFrame } from './collector/environment.js';
export type { QualityCollectorOptions } from './collector/options.js';
export type { EmittedEventType, QualityCollector, TelemetryEmitter } from './collector/quality-collector.js';
export { createQualityCollector } from './collector/quality-collector.js';
// Types only (no zod code in the browser bundle): the events the collector
// sends, as `@liveroom/metrics/schema` defines them.
export type {
  ErrorBody,
  ExitReason,
  FirstFrameBody,
  LayoutChangeBody,
  MeasurementSource,
  PkEndBody,
  PkStartBody,
  QualityCounters,
  QualityLimitationReason,
  QualitySampleBody,
  ResolutionChangeBody,
  RoleChangeBody,
  SessionEndBody,
  SessionStartBody,
  StallEndBody,
  StallStartBody,
  TelemetryAttrs,
  TelemetryBodies,
  TelemetryBody,
  TelemetryContext,
  TelemetryEnvelope,
  TelemetryEvent,
  TelemetryEventOf,
  TelemetryEventType,
  TierTimes,
  TrafficSource,
} from './schema/index.js';
export { createCallbackSink } from './sinks/callback-sink.js';
export type { HttpBatchSinkOptions } from './sinks/http-batch-sink.js';
export { createHttpBatchSink } from './sinks/http-batch-sink.js';
export { createIndexedDbQueueStore } from './sinks/indexeddb-queue-store.js';
export type { QueueStore } from './sinks/queue-store.js';
export { createMemoryQueueStore } from './sinks/queue-store.js';
export type { FlushReason, SinkContext, TelemetrySink } from './sinks/sink.js';
export type { FrameGap, StallSummary } from './stall/stall-detector.js';
export {
  detectStalls,
  FREEZE_MIN_INCREASE_MS,
  FREEZE_MIN_SAMPLES,
  FREEZE_WINDOW_FRAMES,
  freezeThresholdMs,
  LONG_STALL_MS,
  PAUSE_GAP_MS,
  StallDetector,
} from './stall/stall-detector.js';
export { SDK_VERSION } from './version.js';
