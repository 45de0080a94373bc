import { describe, expect, it, vi } from 'vitest';
import { createAgoraProvider } from '../../src/agora/index.js';
import type { AgoraSdk } from '../../src/agora/sdk.js';
import { LiveroomError } from '../../src/errors.js';
import { FakeAgoraSdk } from './fake-agora-sdk.js';
import { APP_ID, agoraOnFake, joinParams, recordProviderEvents } from './harness.js';

describe('createAgoraProvider', () => {
  it('rejects a malformed App ID, codec or timeout with INVALID_CONFIG naming the field', () => {
    expect(() => createAgoraProvider({ appId: 'not-an-app-id' })).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG', issues: [expect.objectContaining({ path: 'appId' })] }),
    );
    // @ts-expect-error: not a codec Agora knows
    expect(() => createAgoraProvider({ appId: APP_ID, codec: 'hevc' })).toThrow(LiveroomError);
    expect(() => createAgoraProvider({ appId: APP_ID, joinTimeoutMs: 10 })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'joinTimeoutMs' })] }),
    );
  });

  it('imports in Node, where the SDK itself cannot load (no window)', async () => {
    expect(typeof globalThis.window).toBe('undefined');
    const agora = await import('@liveroom/core/agora');
    expect(agora.createAgoraProvider({ appId: APP_ID }).name).toBe('agora');
  });

  it('does not load the SDK until it needs it, then loads it once', async () => {
    const sdk = new FakeAgoraSdk();
    const load = vi.fn(async (): Promise<AgoraSdk> => sdk);
    const provider = createAgoraProvider({ appId: APP_ID, sdk: load });
    expect(load).not.toHaveBeenCalled();
    await provider.createCameraTrack({});
    await provider.join(joinParams());
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reports an SDK that cannot load as NOT_SUPPORTED and tries again next time', async () => {
    const sdk = new FakeAgoraSdk();
    const load = vi
      .fn<() => Promise<AgoraSdk>>()
      .mockRejectedValueOnce(new ReferenceError('window is not defined'))
      .mockResolvedValue(sdk);
    const provider = createAgoraProvider({ appId: APP_ID, sdk: load });
    await expect(provider.join(joinParams())).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    await expect(provider.join(joinParams())).resolves.toEqual({ userId: 'viewer-1' });
  });

  it('has no data messages (PK signalling goes through the app’s PkTransport)', () => {
    const { provider } = agoraOnFake();
    expect(provider.capabilities).toMatchObject({ dataMessages: false, mediaRelay: true, dualStream: true });
    expect('sendData' in provider).toBe(false);
  });
});

describe('join', () => {
  it('creates a live-mode client and joins as audience at the configured latency level', async () => {
    const { sdk, provider } = agoraOnFake({ audienceLatencyLevel: 1, codec: 'h264' });
    await expect(provider.join(joinParams())).resolves.toEqual({ userId: 'viewer-1' });
    expect(sdk.clientConfigs).toEqual([{ mode: 'live', codec: 'h264' }]);
    expect(sdk.client.calls).toEqual([
      { method: 'enableAudioVolumeIndicator', args: [] },
      { method: 'setClientRole', args: ['audience', { level: 1 }] },
      { method: 'join', args: [APP_ID, 'shop-42', null, 'viewer-1'] },
    ]);
  });

  it('joins hosts and co-hosts as Agora hosts, with numeric ids as integer uids', async () => {
    const { sdk, provider } = agoraOnFake({ audioLevels: false });
    await provider.join(joinParams({ role: 'cohost', userId: '1001', token: 'tok' }));
    expect(sdk.client.calls).toEqual([
      { method: 'setClientRole', args: ['host'] },
      { method: 'join', args: [APP_ID, 'shop-42', 'tok', 1001] },
    ]);
  });

  it('asks the token provider when the app passes no token', async () => {
    const tokenProvider = vi.fn(async () => 'from-server');
    const { sdk, provider } = agoraOnFake({ tokenProvider });
    await provider.join(joinParams({ role: 'host', userId: 'h' }));
    expect(tokenProvider).toHaveBeenCalledWith({ roomId: 'shop-42', userId: 'h', role: 'host' });
    expect(sdk.client.calls.at(-1)?.args[2]).toBe('from-server');
  });

  it('gives up after its own timeout when Agora never answers: leaves, releases everything, CONNECTION_FAILED', async () => {
    const { sdk, provider } = agoraOnFake({ joinTimeoutMs: 500 });
    sdk.hangOnJoin = true;
    const preview = await provider.createCameraTrack({});
    const error = await provider.join(joinParams()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveroomError);
    expect(error).toMatchObject({ code: 'CONNECTION_FAILED', provider: 'agora' });
    expect(sdk.client.methods()).toContain('leave');
    expect(sdk.client.connectionState).toBe('DISCONNECTED');
    expect(sdk.client.listenerCount()).toBe(0);
    expect(preview.mediaStreamTrack.readyState).toBe('ended');
    sdk.hangOnJoin = false;
    await expect(provider.join(joinParams())).resolves.toEqual({ userId: 'viewer-1' });
    expect(sdk.clients).toHaveLength(2);
  });

  it('honours the room’s abort signal, rejecting with its reason', async () => {
    const { sdk, provider } = agoraOnFake();
    sdk.hangOnJoin = true;
    const abort = new AbortController();
    const joining = provider.join(joinParams({ signal: abort.signal }));
    await vi.waitFor(() => expect(sdk.client.methods()).toContain('join'));
    const reason = new LiveroomError('JOIN_TIMEOUT', 'room timeout');
    abort.abort(reason);
    await expect(joining).rejects.toBe(reason);
    expect(sdk.client.methods()).toContain('leave');
    expect(sdk.client.listenerCount()).toBe(0);
  });

  it('rejects a join cancelled by leave() with OPERATION_ABORTED', async () => {
    const { sdk, provider } = agoraOnFake();
    sdk.hangOnJoin = true;
    const joining = provider.join(joinParams());
    await vi.waitFor(() => expect(sdk.client.methods()).toContain('join'));
    await provider.leave();
    await expect(joining).rejects.toMatchObject({ code: 'OPERATION_ABORTED' });
  });

  it.each([
    ['CAN_NOT_GET_GATEWAY_SERVER', 'CONNECTION_FAILED'],
    ['UID_CONFLICT', 'UID_CONFLICT'],
    ['INVALID_PARAMS', 'INVALID_CONFIG'],
  ] as const)('maps a join failing with %s to %s and cleans up', async (agoraCode, code) => {
    const { sdk, provider } = agoraOnFake();
    sdk.failNextJoin(agoraCode);
    const error = await provider.join(joinParams()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, cause: { code: agoraCode } });
    expect(sdk.client.methods()).toContain('leave');
    expect(sdk.client.listenerCount()).toBe(0);
    await expect(provider.setRole('host')).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });
});

describe('local tracks', () => {
  it('creates camera and microphone tracks with encoder presets and wraps them', async () => {
    const { sdk, provider } = agoraOnFake({ videoEncoderPreset: '1080p_2', audioEncoderPreset: 'speech_standard' });
    const camera = await provider.createCameraTrack({ deviceId: 'cam-1' });
    const mic = await provider.createMicrophoneTrack({ noiseSuppression: true });
    expect(sdk.cameraConfigs).toEqual([{ encoderConfig: '1080p_2', cameraId: 'cam-1' }]);
    expect(sdk.microphoneConfigs).toEqual([{ encoderConfig: 'speech_standard', ANS: true }]);
    expect(camera).toMatchObject({ kind: 'video', source: 'camera', id: sdk.cameras[0]?.trackId });
    expect(mic).toMatchObject({ kind: 'audio', source: 'microphone' });
    expect(camera.mediaStreamTrack).toBe(sdk.cameras[0]?.media);
    await camera.switchDevice('cam-2');
    expect(sdk.cameras[0]?.devices).toEqual(['cam-2']);
    camera.close();
    expect(sdk.cameras[0]?.closed).toBe(true);
  });

  it.each([
    ['PERMISSION_DENIED', 'PERMISSION_DENIED'],
    ['NOT_READABLE', 'DEVICE_IN_USE'],
    ['DEVICE_NOT_FOUND', 'DEVICE_NOT_FOUND'],
  ] as const)('maps a camera failing with %s to %s', async (agoraCode, code) => {
    const { sdk, provider } = agoraOnFake();
    sdk.failNextTrack(agoraCode);
    await expect(provider.createCameraTrack({})).rejects.toMatchObject({ code, cause: { code: agoraCode } });
  });

  it('publishes, mutes and unpublishes the SDK’s own track; enables dual stream once, before the first video', async () => {
    const { sdk, provider } = agoraOnFake({ dualStream: true });
    await provider.join(joinParams({ role: 'host', userId: '7' }));
    const mic = await provider.createMicrophoneTrack({});
    const camera = await provider.createCameraTrack({});
    await provider.publish(mic);
    await provider.publish(camera);
    await provider.unpublish(camera);
    await provider.publish(camera);
    const methods = sdk.client.methods().filter((m) => m === 'publish' || m === 'enableDualStream');
    expect(methods).toEqual(['publish', 'enableDualStream', 'publish', 'publish']);
    expect([...sdk.client.published]).toEqual([sdk.microphones[0], sdk.cameras[0]]);
    await provider.setMuted(camera, true);
    expect(sdk.cameras[0]?.muted).toBe(true);
    camera.close();
    await expect(provider.publish(camera)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('closes every track it created on leave()', async () => {
    const { sdk, provider } = agoraOnFake();
    await provider.join(joinParams({ role: 'host' }));
    await provider.createCameraTrack({});
    await provider.createMicrophoneTrack({});
    await provider.leave();
    expect(sdk.cameras[0]?.closed).toBe(true);
    expect(sdk.microphones[0]?.closed).toBe(true);
    expect(sdk.client.methods().at(-1)).toBe('leave');
  });
});

describe('remote side', () => {
  it('subscribes by the uid Agora announced and picks the high or low stream', async () => {
    const { sdk, provider } = agoraOnFake();
    await provider.join(joinParams());
    sdk.client.remoteJoin(77);
    sdk.client.remotePublish(77, 'video');
    const remote = await provider.subscribe('77', 'video');
    expect(remote).toMatchObject({ participantId: '77', kind: 'video' });
    expect(remote.mediaStreamTrack.kind).toBe('video');
    await provider.setRemoteVideoQuality('77', 'low');
    await provider.setRemoteVideoQuality('77', 'high');
    await provider.unsubscribe('77', 'video');
    expect(sdk.client.calls.filter((c) => c.method !== 'join' && c.method !== 'setClientRole').slice(1)).toEqual([
      { method: 'subscribe', args: [77, 'video'] },
      { method: 'setRemoteVideoStreamType', args: [77, 1] },
      { method: 'setRemoteVideoStreamType', args: [77, 0] },
      { method: 'unsubscribe', args: [77, 'video'] },
    ]);
    await expect(provider.subscribe('77', 'audio')).rejects.toMatchObject({ code: 'PROVIDER_ERROR' });
  });

  it('converts Agora events to neutral ones in Agora’s order', async () => {
    const { sdk, provider } = agoraOnFake();
    const log = recordProviderEvents(provider);
    await provider.join(joinParams({ userId: '5' }));
    const client = sdk.client;
    client.remoteJoin(9);
    client.remotePublish(9, 'video');
    client.remotePublish(9, 'audio');
    client.remoteInfo(9, 'mute-video');
    client.remoteInfo(9, 'enable-local-video');
    client.remoteInfo(9, 'unmute-video');
    client.networkQuality({ uplinkNetworkQuality: 1, downlinkNetworkQuality: 3 });
    client.volumes([
      { uid: 5, level: 40 },
      { uid: 9, level: 80 },
    ]);
    client.exception(1001, 'FRAMERATE_INPUT_TOO_LOW', 9);
    client.exception(3001, 'FRAMERATE_INPUT_TOO_LOW_RECOVER', 9);
    client.remoteLeave(9, 'ServerTimeOut');
    expect(log.map(([name]) => name)).toEqual([
      'connection-state-changed',
      'connection-state-changed',
      'participant-joined',
      'track-published',
      'track-published',
      'track-muted',
      'track-unmuted',
      'network-quality',
      'audio-levels',
      'warning',
      'track-unpublished',
      'track-unpublished',
      'participant-left',
    ]);
    expect(log.slice(0, 7)).toEqual([
      ['connection-state-changed', 'connecting', 'join'],
      ['connection-state-changed', 'connected', 'joined'],
      ['participant-joined', { id: '9', role: 'host' }],
      ['track-published', '9', 'video'],
      ['track-published', '9', 'audio'],
      ['track-muted', '9', 'video'],
      ['track-unmuted', '9', 'video'],
    ]);
    expect(log[7]).toEqual(['network-quality', { uplink: 1, downlink: 3 }]);
    expect(log[8]).toEqual(['audio-levels', [{ level: 0.4 }, { participantId: '9', level: 0.8 }]]);
    expect(log[9]?.[1]).toMatchObject({ code: 'PROVIDER_ERROR', message: expect.stringContaining('1001') });
    expect(log.at(-1)).toEqual(['participant-left', '9', 'timeout']);
  });

  it('reports stats in the neutral shape, with local video only while publishing video', async () => {
    const { sdk, provider } = agoraOnFake();
    await provider.join(joinParams({ role: 'host' }));
    sdk.client.rtcStats = { ...sdk.client.rtcStats, RTT: 55 };
    sdk.client.remoteAudioStats = {
      9: {
        transportDelay: 1,
        end2EndDelay: 90,
        receiveBitrate: 48_000,
        receiveLevel: 32767,
        receiveBytes: 1,
        receiveDelay: 1,
        receivePackets: 100,
        receivePacketsLost: 2,
        receivePacketsDiscarded: 0,
        packetLossRate: 0.02,
        currentPacketLossRate: 0,
        totalDuration: 10,
        totalFreezeTime: 0.2,
        freezeRate: 0,
        publishDuration: 10,
      },
    };
    const before = await provider.getStats();
    expect(before).not.toHaveProperty('localVideo');
    expect(before.transport).toMatchObject({ source: 'agora', rttMs: 55 });
    expect(before.remoteAudio).toEqual([
      {
        participantId: '9',
        source: 'agora',
        bitrateKbps: 48,
        packetsReceived: 100,
        packetsLost: 2,
        audioLevel: 1,
        totalFreezeTimeMs: 200,
        freezeRatePercent: 0,
      },
    ]);
    sdk.client.localVideoStats = {
      sendBytes: 1,
      sendPackets: 1,
      sendPacketsLost: 0,
      sendJitterMs: 0,
      sendRttMs: 0,
      sendResolutionHeight: 720,
      sendResolutionWidth: 1280,
      captureResolutionHeight: 720,
      captureResolutionWidth: 1280,
      sendBitrate: 1_500_000,
      targetSendBitrate: 1_700_000,
      totalDuration: 10,
      totalFreezeTime: 0,
      currentPacketLossRate: 0,
      sendFrameRate: 15,
    };
    await provider.publish(await provider.createCameraTrack({}));
    expect((await provider.getStats()).localVideo).toEqual({
      source: 'agora',
      frameWidth: 1280,
      frameHeight: 720,
      framesPerSecond: 15,
      bitrateKbps: 1500,
    });
  });
});

describe('tokens', () => {
  it('forwards expiry warnings and renews by itself through the token provider', async () => {
    const tokenProvider = vi.fn(async () => 'fresh');
    const { sdk, provider } = agoraOnFake({ tokenProvider });
    const log = recordProviderEvents(provider);
    await provider.join(joinParams({ token: 'first' }));
    sdk.client.tokenWillExpire();
    await vi.waitFor(() => expect(sdk.client.methods()).toContain('renewToken'));
    expect(tokenProvider).toHaveBeenLastCalledWith({ roomId: 'shop-42', userId: 'viewer-1', role: 'audience' });
    expect(sdk.client.calls.at(-1)).toEqual({ method: 'renewToken', args: ['fresh'] });
    expect(log.map(([name]) => name)).toContain('token-will-expire');
  });

  it('renews the token for the new role before switching role', async () => {
    const tokenProvider = vi.fn(async ({ role }: { role: string }) => `token-as-${role}`);
    const { sdk, provider } = agoraOnFake({ tokenProvider });
    await provider.join(joinParams({ userId: '500' }));
    await provider.setRole('cohost');
    expect(sdk.client.calls.slice(-2)).toEqual([
      { method: 'renewToken', args: ['token-as-cohost'] },
      { method: 'setClientRole', args: ['host'] },
    ]);
  });

  it('turns a failed automatic renewal into a warning, and a manual renewal error into a LiveroomError', async () => {
    const tokenProvider = vi.fn(async () => 'unused');
    const { sdk, provider } = agoraOnFake({ tokenProvider });
    const log = recordProviderEvents(provider);
    await provider.join(joinParams({ token: 'first' }));
    tokenProvider.mockRejectedValueOnce(new Error('token server down'));
    sdk.client.tokenWillExpire();
    await vi.waitFor(() => expect(log.map(([name]) => name)).toContain('warning'));
    sdk.client.failNext('renewToken', 'INVALID_PARAMS');
    await expect(provider.renewToken('bad')).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    sdk.client.tokenDidExpire();
    expect(log.slice(-2)).toEqual([['token-expired'], ['connection-state-changed', 'failed', 'token-expired']]);
  });
});

describe('media relay (cross-room PK)', () => {
  it('relays the host’s stream with a source token for uid 0 and reports its states', async () => {
    const tokenProvider = vi.fn(async ({ userId }: { userId: string }) => `token-for-${userId}`);
    const { sdk, provider } = agoraOnFake({ tokenProvider });
    const log = recordProviderEvents(provider);
    await provider.join(joinParams({ role: 'host', userId: '11' }));
    await provider.startRelay([{ roomId: 'shop-43', userId: '12', token: 'dest' }]);
    expect(sdk.relayConfigurations[0]?.source).toEqual({ channelName: 'shop-42', uid: 11, token: 'token-for-0' });
    expect(sdk.relayConfigurations[0]?.destinations).toEqual([{ channelName: 'shop-43', uid: 12, token: 'dest' }]);
    sdk.client.relayState('RELAY_STATE_FAILURE', 'DEST_TOKEN_EXPIRED');
    await provider.updateRelay([{ roomId: 'shop-44', userId: '12' }]);
    await provider.stopRelay();
    const relay = log.filter(([name]) => name === 'relay-state-changed');
    expect(relay.map(([, state]) => state)).toEqual(['connecting', 'running', 'failed', 'idle']);
    expect(relay[2]?.[2]).toMatchObject({ code: 'TOKEN_EXPIRED' });
    expect(sdk.client.methods().filter((m) => m.endsWith('ChannelMediaRelay'))).toEqual([
      'startChannelMediaRelay',
      'updateChannelMediaRelay',
      'stopChannelMediaRelay',
    ]);
  });

  it('refuses bad destinations and maps relay start failures', async () => {
    const { sdk, provider } = agoraOnFake();
    await provider.join(joinParams({ role: 'host', userId: '11' }));
    await expect(provider.startRelay([])).rejects.toMatchObject({ code: 'INVALID_CONFIG' });
    await expect(provider.startRelay([{ roomId: '', userId: '12' }])).rejects.toMatchObject({
      code: 'INVALID_CONFIG',
    });
    sdk.client.failNext('startChannelMediaRelay', 'CROSS_CHANNEL_FAILED_JOIN_DEST');
    await expect(provider.startRelay([{ roomId: 'shop-43', userId: '12' }])).rejects.toMatchObject({
      code: 'PROVIDER_ERROR',
    });
  });
});
