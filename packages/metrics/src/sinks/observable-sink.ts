/** A sink that exposes events as an rxjs observable, for UIs and debugging panels. */
import { type Observable, Subject } from 'rxjs';
import type { TelemetryEvent } from '../schema/index.js';
import type { TelemetrySink } from './sink.js';

/** A sink whose events you subscribe to. */
export interface ObservableSink extends TelemetrySink {
  /** Every event from now on (hot: no replay). Completes when the collector stops. */
  readonly events$: Observable<TelemetryEvent>;
}

/**
 * Creates a sink that pushes each event to `events$`.
 *
 * @example
 * ```ts
 * const live = createObservableSink();
 * createQualityCollector(room, { sinks: [live] });
 * live.events$.pipe(filter((e) => e.type === 'stall_start')).subscribe(showStallBadge);
 * ```
 */
export function createObservableSink(): ObservableSink {
  const subject = new Subject<TelemetryEvent>();
  return {
    name: 'observable',
    events$: subject.asObservable(),
    write: (event) => subject.next(event),
    close: async () => subject.complete(),
  };
}
