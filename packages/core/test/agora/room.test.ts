/**
 * The Agora provider under the real Room: Agora's events, in Agora's order,
 * become the Room's events in the order apps see them.
 */
import { describe, expect, it, vi } from 'vitest';
import type { AgoraProviderOptions } from '../../src/agora/options.js';
import type { AgoraProvider } from '../../src/agora/provider.js';
import { createRoom, type Room } from '../../src/room.js';
import type { RoomEventMap } from '../../src/room-events.js';
import type { FakeAgoraSdk } from './fake-agora-sdk.js';
import { agoraOnFake } from './harness.js';

const ROOM_EVENTS: (keyof RoomEventMap)[] = [
  'connection-state-changed',
  'joined',
  'left',
  'participant-joined',
  'participant-left',
  'participant-role-changed',
  'track-published',
  'track-unpublished',
  'track-subscribed',
  'track-unsubscribed',
  'track-muted',
  'track-unmuted',
  'local-track-published',
  'local-track-unpublished',
  'role-changed',
  'network-quality',
  'token-will-expire',
  'token-expired',
  'relay-state-changed',
  'kicked',
  'room-closed',
  'warning',
  'error',
];

interface Scene {
  sdk: FakeAgoraSdk;
  room: Room<AgoraProvider>;
  /** Room events as readable strings, in order. */
  log: string[];
}

function scene(options: Partial<AgoraProviderOptions> = {}, joinTimeoutMs?: number): Scene {
  const { sdk, provider } = agoraOnFake(options);
  const room = createRoom({ provider, ...(joinTimeoutMs === undefined ? {} : { joinTimeoutMs }) });
  const log: string[] = [];
  for (const name of ROOM_EVENTS) {
    room.on(name, (...args: unknown[]) => log.push(describeEvent(name, args)));
  }
  return { sdk, room, log };
}

function describeEvent(name: string, args: unknown[]): string {
  const [first, second] = args;
  if (name === 'connection-state-changed' && typeof first === 'object' && first && 'state' in first) {
    return `state:${String(first.state)}${'reason' in first ? `(${String(first.reason)})` : ''}`;
  }
  if (typeof first === 'object' && first && 'id' in first)
    return `${name}:${String(first.id)}${second ? `:${String(second)}` : ''}`;
  if (typeof first === 'object' && first && 'participantId' in first && 'kind' in first) {
    return `${name}:${String(first.participantId)}:${String(first.kind)}`;
  }
  if (typeof first === 'object' && first && 'source' in first) return `${name}:${String(first.source)}`;
  if (typeof first === 'string') return `${name}:${first}`;
  return name;
}

describe('Agora provider under the Room', () => {
  it('audience joins, a host publishes, the viewer goes on stage, the host unpublishes and leaves', async () => {
    const { sdk, room, log } = scene();
    await room.join({ roomId: 'shop-42', role: 'audience', userId: '500' });
    const client = sdk.client;
    client.remoteJoin(9);
    client.remotePublish(9, 'video');
    client.remotePublish(9, 'audio');
    await vi.waitFor(() => expect(room.participants.get('9')?.videoTrack).toBeDefined());
    await vi.waitFor(() => expect(room.participants.get('9')?.audioTrack).toBeDefined());
    client.remoteInfo(9, 'mute-video');
    expect(room.participants.get('9')?.videoTrack?.muted).toBe(true);
    client.remoteInfo(9, 'unmute-video');

    await room.setRole('cohost');
    await room.publishCamera();
    expect(client.calls.filter((c) => c.method === 'setClientRole').map((c) => c.args[0])).toEqual([
      'audience',
      'host',
    ]);
    expect(client.published.size).toBe(1);

    client.remoteUnpublish(9, 'video');
    client.remoteLeave(9);
    expect(room.participants.size).toBe(0);

    expect(log).toEqual([
      'state:connecting(join)',
      'state:connected(joined)',
      'joined',
      'participant-joined:9',
      'track-published:9:video',
      'track-published:9:audio',
      'track-subscribed:9:video',
      'track-subscribed:9:audio',
      'track-muted:9:video',
      'track-unmuted:9:video',
      'role-changed:cohost',
      'local-track-published:camera',
      'track-unsubscribed:9:video',
      'track-unpublished:9:video',
      // Agora ends the leaving host's remaining publication before `user-left`.
      'track-unsubscribed:9:audio',
      'track-unpublished:9:audio',
      'participant-left:9:left',
    ]);
  });

  it('mirrors a drop and Agora’s own recovery without republishing', async () => {
    const { sdk, room, log } = scene();
    await room.join({ roomId: 'shop-42', role: 'host', userId: '1' });
    await room.publishCamera();
    const publishes = sdk.client.methods().filter((m) => m === 'publish').length;
    log.length = 0;
    sdk.client.dropConnection();
    expect(room.connectionState).toBe('reconnecting');
    sdk.client.restoreConnection();
    expect(room.connectionState).toBe('connected');
    expect(log).toEqual(['state:reconnecting(network)', 'state:connected(reconnected)']);
    await Promise.resolve();
    expect(sdk.client.methods().filter((m) => m === 'publish')).toHaveLength(publishes);
  });

  it('asks for a new token before expiry, renews it, and ends the session when the token expires', async () => {
    const { sdk, room, log } = scene();
    room.on('token-will-expire', () => void room.renewToken('renewed'));
    await room.join({ roomId: 'shop-42', role: 'audience', token: 'first' });
    sdk.client.tokenWillExpire();
    await vi.waitFor(() => expect(sdk.client.calls.at(-1)).toEqual({ method: 'renewToken', args: ['renewed'] }));
    log.length = 0;
    sdk.client.tokenDidExpire();
    await vi.waitFor(() => expect(log).toContain('left:failed'));
    expect(log.slice(0, 2)).toEqual(['token-expired', 'error']);
    expect(room.connectionState).toBe('failed');
    expect(sdk.client.methods().at(-1)).toBe('leave');
  });

  it.each([
    ['UID_BANNED', 'kicked'],
    ['CHANNEL_BANNED', 'room-closed'],
  ] as const)('treats DISCONNECTED with %s as %s', async (reason, event) => {
    const { sdk, room, log } = scene();
    await room.join({ roomId: 'shop-42', role: 'audience' });
    log.length = 0;
    sdk.client.disconnect(reason);
    await vi.waitFor(() => expect(log).toContain(`left:${event}`));
    expect(log[0]).toBe(event);
    expect(log).not.toContain('error');
    expect(sdk.client.methods().at(-1)).toBe('leave');
  });

  it('runs the cross-room relay and reports its failure and stop', async () => {
    const { sdk, room, log } = scene();
    await room.join({ roomId: 'shop-42', role: 'host', userId: '11' });
    log.length = 0;
    await room.startMediaRelay([{ roomId: 'shop-43', userId: '21' }]);
    sdk.client.relayState('RELAY_STATE_FAILURE', 'SERVER_CONNECTION_LOST');
    await room.stopMediaRelay();
    expect(log).toEqual([
      'relay-state-changed:connecting',
      'relay-state-changed:running',
      'relay-state-changed:failed',
      'relay-state-changed:idle',
    ]);
    await expect(room.sendData('hi')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('fails the room’s join with CONNECTION_FAILED when Agora never answers, leaving nothing behind', async () => {
    const { sdk, room, log } = scene({ joinTimeoutMs: 500 });
    sdk.hangOnJoin = true;
    await expect(room.join({ roomId: 'shop-42', role: 'audience' })).rejects.toMatchObject({
      code: 'CONNECTION_FAILED',
    });
    expect(room.connectionState).toBe('failed');
    expect(log).toEqual(['state:connecting(join)', 'state:failed(server-unreachable)']);
    expect(sdk.client.connectionState).toBe('DISCONNECTED');
    expect(sdk.client.listenerCount()).toBe(0);
  });

  it('leaves Agora when the room’s own join timeout fires first', async () => {
    const { sdk, room } = scene({ joinTimeoutMs: 60_000 }, 1000);
    sdk.hangOnJoin = true;
    await expect(room.join({ roomId: 'shop-42', role: 'audience' })).rejects.toMatchObject({ code: 'JOIN_TIMEOUT' });
    await vi.waitFor(() => expect(sdk.client.methods()).toContain('leave'));
    expect(sdk.client.listenerCount()).toBe(0);
  });
});
