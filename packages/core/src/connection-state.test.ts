import { describe, expect, it } from 'vitest';
import { ConnectionStates } from './connection-state.js';
import type { ConnectionStateChange } from './types.js';

function states() {
  const changes: string[] = [];
  const connection = new ConnectionStates((event, ...args) => {
    const [change] = args as [ConnectionStateChange];
    changes.push(`${event} ${change.previous}->${change.state}:${change.reason}`);
  });
  return { connection, changes };
}

describe('ConnectionStates', () => {
  it('emits each change once, naming the previous state and the reason', () => {
    const { connection, changes } = states();
    connection.set('connecting', 'join');
    connection.set('connecting', 'join');
    connection.set('connected', 'joined');
    expect(connection.current).toBe('connected');
    expect(changes).toEqual([
      'connection-state-changed disconnected->connecting:join',
      'connection-state-changed connecting->connected:joined',
    ]);
  });

  it('reports a connected after reconnecting as reconnected, once, and asks to restore publications', () => {
    const { connection, changes } = states();
    connection.set('connected', 'joined');
    expect(connection.mirror('reconnecting', 'network')).toBeUndefined();
    expect(connection.mirror('connected', 'network')).toBe('restored');
    expect(connection.mirror('connected', 'network')).toBeUndefined();
    expect(changes.slice(1)).toEqual([
      'connection-state-changed connected->reconnecting:network',
      'connection-state-changed reconnecting->connected:reconnected',
    ]);
  });

  it('says a failed or closed provider connection is lost without changing state itself', () => {
    const { connection, changes } = states();
    connection.set('connected', 'joined');
    expect(connection.mirror('failed', 'retries-exhausted')).toBe('lost');
    expect(connection.mirror('disconnected', 'network')).toBe('lost');
    expect(connection.current).toBe('connected');
    expect(changes).toHaveLength(1);
  });

  it('forgets a reconnection under way when reset, so the next connected is not reported as reconnected', () => {
    const { connection, changes } = states();
    connection.mirror('reconnecting', 'network');
    connection.reset();
    expect(connection.mirror('connected', 'joined')).toBeUndefined();
    expect(changes.at(-1)).toBe('connection-state-changed reconnecting->connected:joined');
  });
});
