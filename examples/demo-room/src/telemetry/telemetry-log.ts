/**
 * The events this page emitted, newest first, for the telemetry panel and
 * the quality overlay. It is a sink of the quality collector (the
 * `TelemetrySink` shape of `@liveroom/metrics`), so it sees exactly what is
 * sent to the ingest.
 */
import type { TelemetryEvent, TelemetrySink } from '@liveroom/metrics';
import { SnapshotStore } from '../room/session-store.js';

/** A telemetry event as the page received it. */
export type DemoTelemetryEvent = TelemetryEvent;

/** How many events the panel keeps. */
export const LOG_LIMIT = 200;

/** The log, and a sink that feeds it. */
export class TelemetryLog extends SnapshotStore<{ events: readonly DemoTelemetryEvent[]; total: number }> {
  readonly #listeners = new Set<(event: DemoTelemetryEvent) => void>();

  constructor() {
    super({ events: [], total: 0 });
  }

  /** The sink to hand to `createQualityCollector({ sinks })`. */
  readonly sink: TelemetrySink = {
    name: 'demo-panel',
    write: (event: DemoTelemetryEvent): void => {
      const { events, total } = this.getSnapshot();
      this.update({ events: [event, ...events].slice(0, LOG_LIMIT), total: total + 1 });
      for (const listener of this.#listeners) listener(event);
    },
  };

  /** Calls `listener` for every new event; returns the unsubscribe function. */
  onEvent(listener: (event: DemoTelemetryEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
