import { describe, expect, it } from 'vitest';
import { exampleEvent, type TelemetryEvent } from '../schema/index.js';
import { createCallbackSink } from './callback-sink.js';

describe('createCallbackSink', () => {
  it('passes each event to the function', () => {
    const seen: TelemetryEvent[] = [];
    const sink = createCallbackSink((e) => seen.push(e));
    sink.write(exampleEvent('stall_end'));
    expect(seen.map((e) => e.type)).toEqual(['stall_end']);
  });
});
