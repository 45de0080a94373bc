import { describe, expect, it } from 'vitest';
import { exampleEvent } from '../schema/index.js';
import { createObservableSink } from './observable-sink.js';

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

  it('is hot and multicast: every subscriber gets the events written while it listens, none replayed', () => {
    const sink = createObservableSink();
    const early: string[] = [];
    const late: string[] = [];
    const subscription = sink.events$.subscribe((e) => early.push(e.type));
    sink.write(exampleEvent('session_start'));
    sink.events$.subscribe((e) => late.push(e.type));
    sink.write(exampleEvent('first_frame'));
    subscription.unsubscribe();
    sink.write(exampleEvent('stall_start'));
    expect(early).toEqual(['session_start', 'first_frame']);
    expect(late).toEqual(['first_frame', 'stall_start']);
  });

  it('completes subscribers that come after close, and drops later writes', async () => {
    const sink = createObservableSink();
    await sink.close?.();
    const seen: string[] = [];
    let completed = false;
    sink.events$.subscribe({ next: (e) => seen.push(e.type), complete: () => (completed = true) });
    sink.write(exampleEvent('first_frame'));
    expect(completed).toBe(true);
    expect(seen).toEqual([]);
  });
});
