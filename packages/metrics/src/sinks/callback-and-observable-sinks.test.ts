import { describe, expect, it } from 'vitest';
import { exampleEvent, type TelemetryEvent } from '../schema/index.js';
import { createCallbackSink } from './callback-sink.js';
import { createObservableSink } from './observable-sink.js';

describe('createCallbackSink', () => {
  it('passes each event to the function', () => {
    const seen: TelemetryEvent[] = [];
    const sink = createCallbackSink((e) => seen.push(e));
    sink.write(exampleEvent('stall_end'));
    expect(seen.map((e) => e.type)).toEqual(['stall_end']);
  });
});

describe('createObservableSink', () => {
  it('pushes events to subscribers and completes on close', async () => {
    const sink = createObservableSink();
    const seen: string[] = [];
    let completed = false;
    sink.events$.subscribe({ next: (e) => seen.push(e.type), complete: () => (completed = true) });
    sink.write(exampleEvent('first_frame'));
    await sink.close?.();
    expect(seen).toEqual(['first_frame']);
    expect(completed).toBe(true);
  });
});
