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

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The collector's set of sinks. */
export class SinkFanout {
  readonly #sinks: readonly TelemetrySink[];
  readonly #onFailure: SinkFailureListener;
  #reporting = false;

  constructor(sinks: readonly TelemetrySink[], onFailure: SinkFailureListener) {
    this.#sinks = sinks;
    this.#onFailure = onFailure;
    for (const sink of sinks) {
      this.#guard(sink, 'SINK_START_FAILED', () =>
        sink.start?.({ reportError: (code, message) => this.#report(sink.name, code, message) }),
      );
    }
  }

  /** Gives `event` to every sink. */
  write(event: TelemetryEvent): void {
    for (const sink of this.#sinks) this.#guard(sink, 'SINK_WRITE_FAILED', () => sink.write(event));
  }

  /** Flushes every sink; failures are reported, never thrown. */
  async flush(reason: FlushReason): Promise<void> {
    await this.#settle('SINK_FLUSH_FAILED', (sink) => sink.flush?.(reason));
  }

  /** Closes every sink; failures are reported, never thrown. */
  async close(): Promise<void> {
    await this.#settle('SINK_CLOSE_FAILED', (sink) => sink.close?.());
  }

  async #settle(code: string, call: (sink: TelemetrySink) => Promise<void> | undefined): Promise<void> {
    await Promise.all(
      this.#sinks.map(async (sink) => {
        try {
          await call(sink);
        } catch (error) {
          this.#report(sink.name, code, messageOf(error));
        }
      }),
    );
  }

  #guard(sink: TelemetrySink, code: string, call: () => void): void {
    try {
      call();
    } catch (error) {
      this.#report(sink.name, code, messageOf(error));
    }
  }

  #report(sink: string, code: string, message: string): void {
    if (this.#reporting) return;
    this.#reporting = true;
    try {
      this.#onFailure(sink, code, message);
    } catch {
      // A failing failure listener must not reach the sink that reported.
    } finally {
      this.#reporting = false;
    }
  }
}
