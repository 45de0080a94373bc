import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import { isLiveroomError } from './errors.js';
import { onEvents } from './listeners.js';

interface Events {
  ping: [count: number];
  pong: [];
}

describe('onEvents', () => {
  it('delivers each event to its listener with its arguments', () => {
    const emitter = new EventEmitter<Events>();
    const seen: string[] = [];
    onEvents(emitter, { ping: (count) => seen.push(`ping ${count}`), pong: () => seen.push('pong') });
    emitter.emit('ping', 3);
    emitter.emit('pong');
    expect(seen).toEqual(['ping 3', 'pong']);
  });

  it('stops exactly its own listeners and leaves others on the same events', () => {
    const emitter = new EventEmitter<Events>();
    const seen: string[] = [];
    emitter.on('ping', () => seen.push('other'));
    const stop = onEvents(emitter, { ping: () => seen.push('ours') });
    stop();
    emitter.emit('ping', 1);
    expect(seen).toEqual(['other']);
    expect(emitter.listenerCount('ping')).toBe(1);
  });

  it('skips a listener left undefined, as an optional field of the map allows', () => {
    const emitter = new EventEmitter<Events>();
    const seen: number[] = [];
    const onPong: (() => void) | undefined = undefined;
    const stop = onEvents(emitter, { ping: (count) => seen.push(count), pong: onPong as never });
    emitter.emit('ping', 2);
    expect(seen).toEqual([2]);
    expect(emitter.listenerCount('pong')).toBe(0);
    stop();
    expect(emitter.listenerCount('ping')).toBe(0);
  });

  it('refuses a listener that is not a function with INVALID_CONFIG, before adding any', () => {
    const emitter = new EventEmitter<Events>();
    let error: unknown;
    try {
      onEvents(emitter, { ping: () => {}, pong: 'reload' as never });
    } catch (caught) {
      error = caught;
    }
    expect(isLiveroomError(error) && error.code).toBe('INVALID_CONFIG');
    expect((error as Error).message).toMatch(/pong.*function/);
    expect(emitter.listenerCount('ping')).toBe(0);
  });
});
