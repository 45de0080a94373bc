import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
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
});
