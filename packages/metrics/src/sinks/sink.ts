/**
 * The contract between the quality collector and where events go. Sinks
 * never throw into app code: the collector catches what `write` throws, and
 * sinks with asynchronous work report failures through
 * {@link SinkContext.reportError}; both become `error` events.
 */
import type { TelemetryEvent } from '../schema/index.js';

/** Why a sink is asked to flush. `pagehide`: the page may be gone next; send with keepalive or a beacon. */
export type FlushReason = 'heartbeat' | 'session_end' | 'pagehide' | 'manual';

/** What the collector gives a sink when it starts. */
export interface SinkContext {
  /** Reports a failure that did not throw (a rejected request, a full queue). */
  reportError(code: string, message: string): void;
}

/** Where telemetry events go. */
export interface TelemetrySink {
  /** Short name used in `error` events (`http`, `otlp`, …). */
  readonly name: string;
  /** Called once, before the first `write`. */
  start?(context: SinkContext): void;
  /** Takes one event; must return quickly (queue, do not wait). */
  write(event: TelemetryEvent): void;
  /** Delivers what is queued. */
  flush?(reason: FlushReason): Promise<void>;
  /** Releases timers and storage; the sink is not used again. */
  close?(): Promise<void>;
}
