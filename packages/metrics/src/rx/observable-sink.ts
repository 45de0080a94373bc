/** A sink that exposes events as an rxjs observable, for UIs and debugging panels. */
import { Observable, type Subscriber } from 'rxjs';
import type { TelemetryEvent } from '../schema/index.js';
import type { TelemetrySink } from '../sinks/sink.js';

/** A sink whose events you subscribe to. */
export interface ObservableSink extends TelemetrySink {
  /** Every event from now on (hot: no replay). Completes when the collector stops. */
  readonly events$: Observable<TelemetryEvent>;
}

/**
 * Creates a sink that pushes each event to `events$`.
 *
 * `events$` is hot and multicast like an rxjs `Subject`, built on a plain
 * set of subscribers instead: the sink needs nothing else of `Subject`, whose
 * code every app would otherwise ship for it.
 *
 * @example
 * ```ts
 * const live = createObservableSink();
 * createQualityCollector(room, { sinks: [live] });
 * live.events$.pipe(filter((e) => e.type === 'stall_start')).subscribe(showStallBadge);
 * ```
 */
export function createObservableSink(): ObservableSink {
  const subscribers = new Set<Subscriber<TelemetryEvent>>();
  let closed = false;
  // Each call walks a copy, as a Subject does: who subscribes meanwhile starts with the next event.
  const each = (call: (subscriber: Subscriber<TelemetryEvent>) => void) => {
    for (const subscriber of [...subscribers]) call(subscriber);
  };
  return {
    name: 'observable',
    events$: new Observable((subscriber) => {
      if (closed) return subscriber.complete();
      subscribers.add(subscriber);
      return () => subscribers.delete(subscriber);
    }),
    write: (event) => each((subscriber) => subscriber.next(event)),
    close: async () => {
      closed = true;
      each((subscriber) => subscriber.complete());
    },
  };
}
