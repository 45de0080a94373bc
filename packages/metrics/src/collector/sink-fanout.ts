/**
 * Hands each event to every sink, and keeps sink failures away from app
 * code: a sink that throws, or reports an error, becomes an `error` event
 * (decision: sinks never throw into the app). Reports are not re-entrant, so
 * a sink failing on the `error` event itself cannot loop.
 */
import type { TelemetryEvent } from '../schema/index.js';
import type { FlushReason, TelemetrySink } from '../sinks/sink.js';

/** Receives sink failures (the collector turns them into `error` events). */
export type SinkFailureListener = (sink: string, code: string, message: string) => void;

/** The collector's set of sinks. Failures are reported, never thrown. */
export interface SinkFanout {
  /** Gives `event` to every sink. */
  write(event: TelemetryEvent): void;
  /** Flushes every sink. */
  flush(reason: FlushReason): Promise<void>;
  /** Closes every sink. */
  close(): Promise<void>;
}

/** Starts `sinks` and returns their fanout. */
export function createSinkFanout(sinks: readonly TelemetrySink[], onFailure: SinkFailureListener): SinkFanout {
  let reporting = false;
  const report = (sink: string, code: string, message: string) => {
    if (reporting) return;
    reporting = true;
    try {
      onFailure(sink, code, message);
    } catch {
      // A failing failure listener must not reach the sink that reported.
    } finally {
      reporting = false;
    }
  };
  // `call` runs synchronously for every sink (a throw is reported at once); a rejection is reported when it comes,
  // unless the call was made while reporting (`quiet`, taken at the call): writing a failure's own `error` event
  // must not fail into another one, later no more than at once, or a sink whose writes reject would loop.
  const each = async (code: string, call: (sink: TelemetrySink) => unknown, quiet = reporting) => {
    await Promise.all(
      sinks.map(async (sink) => {
        try {
          await call(sink);
        } catch (error) {
          if (!quiet) report(sink.name, code, error instanceof Error ? error.message : String(error));
        }
      }),
    );
  };
  void each('SINK_START_FAILED', (sink) =>
    sink.start?.({ reportError: (code, message) => report(sink.name, code, message) }),
  );
  return {
    write: (event) => void each('SINK_WRITE_FAILED', (sink) => sink.write(event)),
    flush: (reason) => each('SINK_FLUSH_FAILED', (sink) => sink.flush?.(reason)),
    close: () => each('SINK_CLOSE_FAILED', (sink) => sink.close?.()),
  };
}
