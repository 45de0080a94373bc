/** A sink that calls your function with each event, e.g. to forward events to an existing analytics SDK. */
import type { TelemetryEvent } from '../schema/index.js';
import type { TelemetrySink } from './sink.js';

/**
 * Calls `onEvent` with every event. What `onEvent` throws is caught and
 * reported as an `error` event, never thrown into the room.
 *
 * @example
 * ```ts
 * createQualityCollector(room, { sinks: [createCallbackSink((e) => analytics.track(e.type, e))] });
 * ```
 */
export function createCallbackSink(onEvent: (event: TelemetryEvent) => void): TelemetrySink {
  return { name: 'callback', write: onEvent };
}
