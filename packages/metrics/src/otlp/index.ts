/**
 * `@liveroom/metrics/otlp`: the OpenTelemetry logs sink, for teams that route
 * telemetry through an OpenTelemetry Collector into their own event store.
 * It is an entry of its own so that apps sending to the liveroom collector do
 * not ship the OTLP mapping; it shares the HTTP batch sink's engine (queue,
 * retries, page-hide delivery) with the main entry.
 *
 * @packageDocumentation
 */

export type { OtlpLogsSinkOptions } from './otlp-logs-sink.js';
export { createOtlpLogsSink } from './otlp-logs-sink.js';
