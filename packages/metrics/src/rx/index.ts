/**
 * `@liveroom/metrics/rx`: the observable sink, which hands telemetry events
 * to rxjs pipelines (UIs, debugging panels). rxjs is an optional peer
 * dependency that only this entry imports, so apps that do not use rxjs do
 * not ship it: install it (`npm i rxjs`) to use this entry.
 *
 * @packageDocumentation
 */

export type { ObservableSink } from './observable-sink.js';
export { createObservableSink } from './observable-sink.js';
