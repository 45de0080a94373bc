/**
 * An OpenTelemetry logs sink: each event becomes one OTLP log record, sent
 * as OTLP/HTTP JSON (`POST <endpoint>/v1/logs`), so data teams can route
 * events through an OpenTelemetry Collector into their own store. Batching,
 * the persisted queue and retries are the HTTP batch sink's.
 *
 * Mapping (OTLP logs data model, https://opentelemetry.io/docs/specs/otel/logs/data-model/):
 * `timeUnixNano` = the event's `ts`; `eventName` = `liveroom.<type>`;
 * severity INFO, or WARN/ERROR for `error` events; the whole event as a
 * `kvlistValue` body; envelope ids as `liveroom.*` attributes. OTLP/JSON
 * writes 64-bit integers as strings (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding).
 */
import type { TelemetryEvent } from '../schema/index.js';
import { SDK_VERSION } from '../version.js';
import { createBatchSink, type HttpBatchSinkOptions } from './http-batch-sink.js';
import { answeredAll, type BatchFormat } from './http-delivery.js';
import type { TelemetrySink } from './sink.js';

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
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(toOtlpValue) } };
  if (typeof value === 'object' && value !== null) {
    return {
      kvlistValue: {
        values: Object.entries(value)
          .filter(([, v]) => v !== undefined)
          .map(([key, v]) => ({ key, value: toOtlpValue(v) })),
      },
    };
  }
  return { stringValue: String(value) };
}

const attribute = (key: string, value: string) => ({ key, value: { stringValue: value } });

function severityOf(event: TelemetryEvent): { severityNumber: number; severityText: string } {
  if (event.type !== 'error') return { severityNumber: 9, severityText: 'INFO' };
  return event.body.fatal
    ? { severityNumber: 17, severityText: 'ERROR' }
    : { severityNumber: 13, severityText: 'WARN' };
}

/** One OTLP log record for one event. */
export function toLogRecord(event: TelemetryEvent) {
  const nanos = `${BigInt(event.ts) * 1_000_000n}`;
  return {
    timeUnixNano: nanos,
    observedTimeUnixNano: nanos,
    ...severityOf(event),
    eventName: `liveroom.${event.type}`,
    body: toOtlpValue(event),
    attributes: [
      attribute('event.name', `liveroom.${event.type}`),
      attribute('liveroom.event_id', event.eventId),
      attribute('liveroom.session_id', event.sessionId),
      attribute('liveroom.room_id', event.roomId),
      attribute('liveroom.schema', `${event.schema}/v${event.version}`),
    ],
  };
}

function otlpFormat(resource: Record<string, string>): BatchFormat {
  const resourceAttributes = Object.entries({ 'service.name': 'liveroom-web', ...resource }).map(([k, v]) =>
    attribute(k, v),
  );
  return {
    encode: (events) =>
      JSON.stringify({
        resourceLogs: [
          {
            resource: { attributes: resourceAttributes },
            scopeLogs: [
              { scope: { name: '@liveroom/metrics', version: SDK_VERSION }, logRecords: events.map(toLogRecord) },
            ],
          },
        ],
      }),
    // OTLP answers per request (partialSuccess counts, no ids): the batch is answered as a whole.
    read: (events) => answeredAll(events),
    beacons: false,
  };
}

/**
 * Creates the OTLP/HTTP JSON logs sink.
 *
 * @example
 * ```ts
 * createQualityCollector(room, {
 *   sinks: [createOtlpLogsSink({ url: 'https://otel.example/v1/logs', resource: { 'deployment.environment': 'prod' } })],
 * });
 * ```
 */
export function createOtlpLogsSink(options: OtlpLogsSinkOptions): TelemetrySink {
  const { resource = {}, ...batching } = options;
  return createBatchSink(batching, {
    name: 'otlp',
    format: otlpFormat(resource),
    what: 'createOtlpLogsSink() options',
    database: 'liveroom-telemetry-otlp',
  });
}
