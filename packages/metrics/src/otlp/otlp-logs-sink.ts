/**
 * An OpenTelemetry logs sink: each event becomes one OTLP log record, sent
 * as OTLP/HTTP JSON (`POST <endpoint>/v1/logs`), so data teams can route
 * events through an OpenTelemetry Collector into their own store. Batching,
 * the persisted queue and retries are the shared batch engine's.
 *
 * Mapping (OTLP logs data model, https://opentelemetry.io/docs/specs/otel/logs/data-model/):
 * `timeUnixNano` = the event's `ts`; `eventName` = `liveroom.<type>`;
 * severity INFO, or WARN/ERROR for `error` events; the whole event as a
 * `kvlistValue` body; envelope ids as `liveroom.*` attributes. OTLP/JSON
 * writes 64-bit integers as strings (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding).
 */
import type { TelemetryEvent } from '../schema/index.js';
import { createBatchSink } from '../sinks/batch-sink.js';
import type { HttpBatchSinkOptions } from '../sinks/http-batch-sink.js';
import type { TelemetrySink } from '../sinks/sink.js';
import { SDK_VERSION } from '../version.js';

/** An OTLP `AnyValue`. */
export type OtlpValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: OtlpValue[] } }
  | { kvlistValue: { values: { key: string; value: OtlpValue }[] } };

/** Options of {@link createOtlpLogsSink}: the HTTP batch sink's, plus the resource. */
export interface OtlpLogsSinkOptions extends Omit<HttpBatchSinkOptions, 'url' | 'writeKey'> {
  /** The collector's logs endpoint, e.g. `http://localhost:4318/v1/logs`. */
  url: string;
  /** Resource attributes; `service.name` defaults to `liveroom-web`. */
  resource?: Record<string, string>;
}

/** Converts a JSON value to an OTLP `AnyValue`. */
export function toOtlpValue(value: unknown): OtlpValue {
  switch (typeof value) {
    case 'string':
      return { stringValue: value };
    case 'boolean':
      return { boolValue: value };
    case 'number':
      return Number.isInteger(value) ? { intValue: `${value}` } : { doubleValue: value };
  }
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toOtlpValue) } };
  if (typeof value === 'object' && value !== null) return { kvlistValue: { values: keyValues(value) } };
  return { stringValue: String(value) };
}

/** An object's defined fields as OTLP key-values (bodies, attributes, resources). */
const keyValues = (object: object) =>
  Object.entries(object)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => ({ key, value: toOtlpValue(v) }));

/** One OTLP log record for one event. */
export function toLogRecord(event: TelemetryEvent) {
  // `ts` is integer epoch ms; OTLP/JSON wants nanoseconds as a decimal string.
  const nanos = `${event.ts}000000`;
  const [severityNumber, severityText] =
    event.type !== 'error' ? [9, 'INFO'] : event.body.fatal ? [17, 'ERROR'] : [13, 'WARN'];
  const eventName = `liveroom.${event.type}`;
  return {
    timeUnixNano: nanos,
    observedTimeUnixNano: nanos,
    severityNumber,
    severityText,
    eventName,
    body: toOtlpValue(event),
    attributes: keyValues({
      'event.name': eventName,
      'liveroom.event_id': event.eventId,
      'liveroom.session_id': event.sessionId,
      'liveroom.room_id': event.roomId,
      'liveroom.schema': `${event.schema}/v${event.version}`,
    }),
  };
}

/**
 * Creates the OTLP/HTTP JSON logs sink. OTLP answers per request
 * (`partialSuccess` counts, no ids), so a 2xx answers the batch as a whole.
 *
 * @example
 * ```ts
 * import { createOtlpLogsSink } from '@liveroom/metrics/otlp';
 *
 * createQualityCollector(room, {
 *   sinks: [createOtlpLogsSink({ url: 'https://otel.example/v1/logs', resource: { 'deployment.environment': 'prod' } })],
 * });
 * ```
 */
export function createOtlpLogsSink(options: OtlpLogsSinkOptions): TelemetrySink {
  const { resource, ...batching } = options;
  const attributes = keyValues({ 'service.name': 'liveroom-web', ...resource });
  const scope = { name: '@liveroom/metrics', version: SDK_VERSION };
  return createBatchSink(batching, {
    name: 'otlp',
    what: 'createOtlpLogsSink() options',
    encode: (events) =>
      JSON.stringify({
        resourceLogs: [{ resource: { attributes }, scopeLogs: [{ scope, logRecords: events.map(toLogRecord) }] }],
      }),
    beacons: false,
    database: 'liveroom-telemetry-otlp',
  });
}
