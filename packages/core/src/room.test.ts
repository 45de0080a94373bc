import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveroomError } from './errors.js';
import { createRoom, type Room } from './room.js';
import type { RoomEventMap } from './room-events.js';
import { FakeProvider } from './testing/fake-provider.js';

function setup(options: ConstructorParameters<typeof FakeProvider>[0] = {}) {
  const provider = new FakeProvider(options);
  const room = createRoom({ provider });
  return { provider, room };
}

function record<E extends keyof RoomEventMap>(room: Room, ...events: E[]) {
  const seen: string[] = [];
  for (const event of events) room.on(event, ((..._args: unknown[]) => seen.push(event)) as never);
  return seen;
}

async function rejection(promise: Promise<unknown>): Promise<LiveroomError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LiveroomError);
  return error as LiveroomError;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('createRoom', () => {
  it('rejects a missing provider with INVALID_CONFIG naming the field', () => {
    expect(() => createRoom({} as never)).toThrow(LiveroomError);
    try {
      createRoom({ provider: {} } as never);
    } catch (error) {
      const e = error as LiveroomError;
      expect(e.code).toBe('INVALID_CONFIG');
      expect(e.issues[0]?.path).toBe('provider');
      expect(e.message).toContain('createLocalProvider');
    }
  });

  it('rejects a join timeout outside its bounds', () => {
    const provider = new FakeProvider();
    expect(() => createRoom({ provider, joinTimeoutMs: 10 })).toThrow(/joinTimeoutMs must be at least 1000/);
  });

  it('rejects fractional sizes and timeouts, saying a whole number is needed', async () => {
    const provider = new FakeProvider();
    expect(() => createRoom({ provider, joinTimeoutMs: 1500.5 })).toThrow(/joinTimeoutMs must be a whole number/);
    const room = createRoom({ provider });
    await room.join({ roomId: 'r', role: 'host' });
    const error = await rejection(room.publishCamera({ width: 640.5 }));
    expect(error.issues).toEqual([{ path: 'width', message: 'width must be a whole number' }]);
  });

  it('times a join out after 15 s when joinTimeoutMs is left out', async () => {
    vi.useFakeTimers();
    const provider = new FakeProvider({ hangOnJoin: true });
    const room = createRoom({ provider, joinTimeoutMs: undefined });
    const pending = rejection(room.join({ roomId: 'r', role: 'audience' }));
    await vi.advanceTimersByTimeAsync(14_999);
    expect(room.connectionState).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).code).toBe('JOIN_TIMEOUT');
  });

  it('subscribes automatically when autoSubscribe is left out', async () => {
    const provider = new FakeProvider();
    const room = createRoom({ provider, autoSubscribe: undefined });
    await room.join({ roomId: 'r', role: 'audience' });
    provider.remoteJoin('h');
    provider.remotePublish('h', 'audio');
    await vi.waitFor(() => expect(room.participants.get('h')?.audioTrack).toBeDefined());
  });
});

describe('join', () => {
  it('connects, reports states with reasons, and emits joined', async () => {
    const { room, provider } = setup();
    const states: string[] = [];
    room.on('joining', (info) => states.push(`joining ${info.roomId} ${info.userId} ${info.role}`));
    room.on('connection-state-changed', (c) => states.push(`${c.previous}->${c.state}:${c.reason}`));
    await room.join({ roomId: 'shop-42', userId: 'alice', role: 'audience' });
    expect(states).toEqual([
      'joining shop-42 alice audience',
      'disconnected->connecting:join',
      'connecting->connected:joined',
    ]);
    expect(room.userId).toBe('alice');
    expect(room.role).toBe('audience');
    expect(provider.calls[0]).toEqual({
      method: 'join',
      args: [{ roomId: 'shop-42', userId: 'alice', role: 'audience', token: undefined }],
    });
  });

  it('generates a user id when none is given', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    expect(room.userId).toMatch(/^user-[0-9a-f]{8}$/);
  });

  it.each([
    [{ roomId: '', role: 'host' }, 'roomId', 'must not be empty'],
    [{ roomId: 'x'.repeat(65), role: 'host' }, 'roomId', 'at most 64'],
    [{ roomId: 'ok', role: 'king' }, 'role', 'must be one of "host", "cohost", "audience"'],
    [{ roomId: 'bad/slash', role: 'host' }, 'roomId', 'may only contain'],
    [{ roomId: 'ok', role: 'host', userId: '' }, 'userId', 'must not be empty'],
  ])('rejects %j with INVALID_CONFIG at %s', async (options, path, message) => {
    const { room, provider } = setup();
    const error = await rejection(room.join(options as never));
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.issues.map((i) => i.path)).toContain(path);
    expect(error.message).toContain(message);
    expect(provider.calls).toEqual([]);
    expect(room.connectionState).toBe('disconnected');
  });

  it('rejects a second join() with INVALID_STATE', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const error = await rejection(room.join({ roomId: 'r', role: 'audience' }));
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain('leave()');
    expect(room.connectionState).toBe('connected');
  });

  it('rejects join() while a join is pending', async () => {
    const { room } = setup({ hangOnJoin: true });
    const first = room.join({ roomId: 'r', role: 'audience' });
    const error = await rejection(room.join({ roomId: 'r', role: 'audience' }));
    expect(error.code).toBe('INVALID_STATE');
    await room.leave();
    expect((await rejection(first)).code).toBe('OPERATION_ABORTED');
  });

  it('fails with CONNECTION_FAILED when the provider cannot connect, and releases the provider', async () => {
    const { room, provider } = setup();
    provider.failNext('join', new LiveroomError('CONNECTION_FAILED', 'unreachable'));
    const error = await rejection(room.join({ roomId: 'r', role: 'audience' }));
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(room.connectionState).toBe('failed');
    expect(provider.methods()).toEqual(['join', 'leave']);
    expect(provider.events.eventNames()).toEqual([]);
  });

  it.each([
    ['UID_CONFLICT', 'uid-conflict'],
    ['TOKEN_EXPIRED', 'token-expired'],
    ['CONNECTION_FAILED', 'server-unreachable'],
  ] as const)('reports a %s join failure with the reason %s', async (code, reason) => {
    const { room, provider } = setup();
    const reasons: string[] = [];
    room.on('connection-state-changed', (c) => reasons.push(c.reason));
    provider.failNext('join', new LiveroomError(code, 'refused'));
    expect((await rejection(room.join({ roomId: 'r', role: 'host' }))).code).toBe(code);
    expect(reasons.at(-1)).toBe(reason);
  });

  it('wraps a non-liveroom provider failure as CONNECTION_FAILED with the cause', async () => {
    const { room, provider } = setup();
    const cause = new TypeError('socket exploded');
    provider.failNext('join', cause as never);
    const error = await rejection(room.join({ roomId: 'r', role: 'audience' }));
    expect(error.code).toBe('CONNECTION_FAILED');
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('socket exploded');
  });

  it('times out a join that never completes, without hanging', async () => {
    vi.useFakeTimers();
    const provider = new FakeProvider({ hangOnJoin: true });
    const room = createRoom({ provider, joinTimeoutMs: 2000 });
    const pending = rejection(room.join({ roomId: 'r', role: 'audience' }));
    await vi.advanceTimersByTimeAsync(2000);
    const error = await pending;
    expect(error.code).toBe('JOIN_TIMEOUT');
    expect(room.connectionState).toBe('failed');
    expect(provider.methods()).toEqual(['join', 'leave']);
  });

  it('can join again after a failure', async () => {
    const { room, provider } = setup();
    provider.failNext('join', new LiveroomError('CONNECTION_FAILED', 'down'));
    await rejection(room.join({ roomId: 'r', role: 'audience' }));
    await room.join({ roomId: 'r', role: 'audience' });
    expect(room.connectionState).toBe('connected');
  });
});

describe('publishing', () => {
  it('rejects publish before join with INVALID_STATE', async () => {
    const { room } = setup();
    const error = await rejection(room.publishCamera());
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain('join()');
  });

  it('rejects publish as audience and explains the role switch', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const error = await rejection(room.publishCamera());
    expect(error.code).toBe('INVALID_STATE');
    expect(error.message).toContain("setRole('cohost')");
  });

  it('publishes camera and microphone once each and lists them', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const camera = await room.publishCamera({ width: 1280, height: 720 });
    const again = await room.publishCamera();
    await room.publishMicrophone();
    expect(again).toBe(camera);
    expect(room.localTracks.map((t) => t.source)).toEqual(['camera', 'microphone']);
    expect(provider.methods().filter((m) => m === 'publish')).toHaveLength(2);
    const watched: number[] = [];
    room.watch('localTracks', (tracks) => watched.push(tracks.length))();
    expect(watched).toEqual([2]);
  });

  it('rejects bad camera options', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const error = await rejection(room.publishCamera({ width: -5 }));
    expect(error.code).toBe('INVALID_CONFIG');
    expect(error.issues[0]?.path).toBe('width');
  });

  it('closes the track when publishing fails', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    provider.failNext('publish', new LiveroomError('PROVIDER_ERROR', 'nope'));
    await rejection(room.publishCamera());
    expect(provider.openTracks.size).toBe(0);
    expect(room.localTracks).toEqual([]);
  });

  it('passes device errors through with their code', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    provider.failNext('createCameraTrack', new LiveroomError('PERMISSION_DENIED', 'camera blocked'));
    expect((await rejection(room.publishCamera())).code).toBe('PERMISSION_DENIED');
  });

  it('unpublishes and releases the device', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const camera = await room.publishCamera();
    const seen = record(room, 'local-track-unpublished');
    await room.unpublish('camera');
    expect(seen).toEqual(['local-track-unpublished']);
    expect(camera.mediaStreamTrack.readyState).toBe('ended');
    expect(provider.openTracks.size).toBe(0);
  });

  it('follows the new capture track after a device switch', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const camera = await room.publishCamera();
    const before = camera.mediaStreamTrack;
    await room.switchDevice('camera', 'back-camera');
    expect(camera.mediaStreamTrack).not.toBe(before);
    expect(camera.mediaStreamTrack.readyState).toBe('live');
    expect(before.readyState).toBe('ended');
  });

  it('mutes a published track and rejects muting an unpublished one', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const camera = await room.publishCamera();
    await room.setMuted('camera', true);
    expect(camera.muted).toBe(true);
    expect(provider.calls.at(-1)).toEqual({ method: 'setMuted', args: ['camera', true] });
    expect((await rejection(room.setMuted('microphone', true))).code).toBe('INVALID_STATE');
  });
});

describe('role switch', () => {
  it('goes audience → cohost → audience, releasing tracks when stepping down', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const roles: string[] = [];
    room.on('role-changed', (role, previous) => roles.push(`${previous}->${role}`));
    await room.setRole('cohost');
    await room.publishCamera();
    await room.setRole('audience');
    expect(roles).toEqual(['audience->cohost', 'cohost->audience']);
    expect(room.localTracks).toEqual([]);
    expect(provider.openTracks.size).toBe(0);
    expect(provider.methods()).toEqual(['join', 'setRole', 'createCameraTrack', 'publish', 'unpublish', 'setRole']);
  });

  it('rejects an unknown role', async () => {
    const { room } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    expect((await rejection(room.setRole('admin' as never))).code).toBe('INVALID_CONFIG');
  });

  it('reports the role to watch() once per change: join, switch, repeated switch ignored, leave', async () => {
    const { room } = setup();
    const roles: (string | undefined)[] = [];
    room.watch('role', (role) => roles.push(role));
    await room.join({ roomId: 'r', role: 'audience' });
    await room.setRole('cohost');
    await room.setRole('cohost');
    await room.leave();
    await room.leave();
    expect(roles).toEqual([undefined, 'audience', 'cohost', undefined]);
  });
});

describe('remote participants', () => {
  it('tracks joins, publications, auto-subscriptions and leaves', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const seen = record(
      room,
      'participant-joined',
      'track-published',
      'track-subscribed',
      'track-unsubscribed',
      'participant-left',
    );
    provider.remoteJoin('host-1', 'host');
    provider.remotePublish('host-1', 'video');
    await vi.waitFor(() => expect(room.participants.get('host-1')?.videoTrack).toBeDefined());
    provider.remoteLeave('host-1');
    expect(seen).toEqual([
      'participant-joined',
      'track-published',
      'track-subscribed',
      'track-unsubscribed',
      'participant-left',
    ]);
    expect(room.participants.size).toBe(0);
  });

  it('replaces the participant snapshot on every change', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    provider.remoteJoin('h', 'host');
    const before = room.participants.get('h');
    provider.events.emit('participant-role-changed', 'h', 'cohost');
    const after = room.participants.get('h');
    expect(after).not.toBe(before);
    expect(before?.role).toBe('host');
    expect(after?.role).toBe('cohost');
  });

  it('marks remote mutes on the participant and its track', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    provider.remoteJoin('h');
    provider.remotePublish('h', 'video');
    await vi.waitFor(() => expect(room.participants.get('h')?.videoTrack).toBeDefined());
    provider.events.emit('track-muted', 'h', 'video');
    expect(room.participants.get('h')?.muted.has('video')).toBe(true);
    expect(room.participants.get('h')?.videoTrack?.muted).toBe(true);
  });

  it('does not subscribe when autoSubscribe is off, and subscribes on request', async () => {
    const provider = new FakeProvider();
    const room = createRoom({ provider, autoSubscribe: false });
    await room.join({ roomId: 'r', role: 'audience' });
    provider.remoteJoin('h');
    provider.remotePublish('h', 'audio');
    expect(provider.methods()).not.toContain('subscribe');
    const track = await room.subscribe('h', 'audio');
    expect(track.kind).toBe('audio');
    expect(room.participants.get('h')?.audioTrack).toBe(track);
    expect((await rejection(room.subscribe('h', 'video'))).code).toBe('INVALID_STATE');
  });

  it('resubscribes when a publication is announced again', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    provider.remoteJoin('h');
    provider.remotePublish('h', 'video');
    await vi.waitFor(() => expect(room.participants.get('h')?.videoTrack).toBeDefined());
    const first = room.participants.get('h')?.videoTrack;
    provider.remotePublish('h', 'video');
    await vi.waitFor(() => expect(room.participants.get('h')?.videoTrack).not.toBe(first));
    expect(room.participants.get('h')?.videoTrack).toBeDefined();
  });

  it('reports participants to watch() on every change', async () => {
    const { room, provider } = setup();
    const sizes: number[] = [];
    room.watch('participants', (list) => sizes.push(list.length));
    await room.join({ roomId: 'r', role: 'audience' });
    provider.remoteJoin('a');
    provider.remoteJoin('b');
    provider.remoteLeave('a');
    expect(sizes).toEqual([0, 1, 2, 1]);
  });
});

describe('reconnect', () => {
  it('mirrors reconnecting → connected and republishes local tracks', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    await room.publishCamera();
    const states: string[] = [];
    room.on('connection-state-changed', (c) => states.push(`${c.state}:${c.reason}`));
    provider.dropConnection();
    provider.restoreConnection();
    await vi.waitFor(() => expect(provider.methods().filter((m) => m === 'publish')).toHaveLength(2));
    expect(states).toEqual(['reconnecting:network', 'connected:reconnected']);
  });

  it('does not republish when the provider keeps publications', async () => {
    const { room, provider } = setup({ capabilities: { keepsPublicationsOnReconnect: true } });
    await room.join({ roomId: 'r', role: 'host' });
    await room.publishCamera();
    provider.dropConnection();
    provider.restoreConnection();
    await Promise.resolve();
    expect(provider.methods().filter((m) => m === 'publish')).toHaveLength(1);
  });

  it('ends the session with an error when the provider gives up', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    await room.publishCamera();
    const errors: string[] = [];
    room.on('error', (e) => errors.push(e.code));
    provider.dropConnection();
    provider.events.emit('connection-state-changed', 'failed', 'retries-exhausted');
    await vi.waitFor(() => expect(room.connectionState).toBe('failed'));
    expect(errors).toEqual(['CONNECTION_FAILED']);
    expect(provider.openTracks.size).toBe(0);
  });
});

describe('tokens, kicks and capabilities', () => {
  it('forwards token-will-expire and renews the token', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience', token: 't1' });
    const seen = record(room, 'token-will-expire');
    provider.events.emit('token-will-expire');
    await room.renewToken('t2');
    expect(seen).toEqual(['token-will-expire']);
    expect(provider.calls.at(-1)).toEqual({ method: 'renewToken', args: ['t2'] });
    expect((await rejection(room.renewToken(''))).code).toBe('INVALID_CONFIG');
  });

  it('ends the session on a kick', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const seen = record(room, 'kicked', 'left');
    provider.events.emit('removed', 'kicked');
    await vi.waitFor(() => expect(seen).toEqual(['kicked', 'left']));
    expect(room.connectionState).toBe('disconnected');
  });

  it('rejects an unsupported capability with NOT_SUPPORTED', async () => {
    const { room } = setup({ capabilities: { mediaRelay: false } });
    await room.join({ roomId: 'r', role: 'host' });
    const error = await rejection(room.startMediaRelay([{ roomId: 'other', userId: 'me' }]));
    expect(error.code).toBe('NOT_SUPPORTED');
  });

  it('starts and stops a media relay and reports its states', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    const states: string[] = [];
    room.on('relay-state-changed', (state) => states.push(state));
    await room.startMediaRelay([{ roomId: 'other', userId: 'me' }]);
    await room.stopMediaRelay();
    expect(states).toEqual(['running', 'idle']);
    expect(provider.methods().slice(-2)).toEqual(['startRelay', 'stopRelay']);
  });

  it('picks the active speaker from audio levels', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'audience' });
    const speakers: (string | undefined)[] = [];
    room.on('active-speaker-changed', (id) => speakers.push(id));
    provider.events.emit('audio-levels', [{ participantId: 'a', level: 0.3 }]);
    provider.events.emit('audio-levels', [
      { participantId: 'a', level: 0.3 },
      { participantId: 'b', level: 0.35 },
    ]);
    provider.events.emit('audio-levels', [{ participantId: 'b', level: 0.6 }]);
    provider.events.emit('audio-levels', []);
    expect(speakers).toEqual(['a', 'b', undefined]);
  });
});

describe('leave', () => {
  it('releases tracks, listeners and state, and is safe to repeat', async () => {
    const { room, provider } = setup();
    await room.join({ roomId: 'r', role: 'host' });
    await room.publishCamera();
    await room.publishMicrophone();
    provider.remoteJoin('guest', 'cohost');
    const seen = record(room, 'left');
    await room.leave();
    await room.leave();
    expect(seen).toEqual(['left']);
    expect(provider.openTracks.size).toBe(0);
    expect(provider.joined).toBe(false);
    expect(provider.events.eventNames()).toEqual([]);
    expect(room.participants.size).toBe(0);
    expect(room.role).toBeUndefined();
    expect(room.connectionState).toBe('disconnected');
  });

  it('cancels a pending join', async () => {
    const { room, provider } = setup({ hangOnJoin: true });
    const pending = rejection(room.join({ roomId: 'r', role: 'audience' }));
    await room.leave();
    expect((await pending).code).toBe('OPERATION_ABORTED');
    expect(room.connectionState).toBe('disconnected');
    expect(provider.events.eventNames()).toEqual([]);
  });
});
