/**
 * A minimal HTTP batch sink for builds whose `@liveroom/metrics` does not
 * export `createHttpBatchSink` yet: posts queued events as a JSON array every
 * few seconds and on flush. No persistence and no retry beyond the next
 * tick; the metrics package's own sink replaces it as soon as it exists.
 */
import type { FlushReason, TelemetrySink } from '@liveroom/metrics';
import type { DemoTelemetryEvent } from './telemetry-log.js';

/** The sink, in the `TelemetrySink` shape of `@liveroom/metrics`. */
export function createFallbackHttpSink(url: string, intervalMs = 2000): TelemetrySink {
  let queue: DemoTelemetryEvent[] = [];
  const send = async (keepalive: boolean): Promise<void> => {
    if (queue.length === 0) return;
    const batch = queue;
    queue = [];
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
        keepalive,
      });
      // Only a failed request as a whole is retried; per-event rejections are final (decision 15).
      if (response.status >= 500) queue = [...batch, ...queue];
    } catch {
      queue = [...batch, ...queue];
    }
  };
  const timer = setInterval(() => void send(false), intervalMs);
  return {
    name: 'demo-http',
    write: (event: DemoTelemetryEvent) => {
      queue.push(event);
    },
    flush: (reason: FlushReason) => send(reason === 'pagehide'),
    close: async () => {
      clearInterval(timer);
      await send(true);
    },
  };
}
