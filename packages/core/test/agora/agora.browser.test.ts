/**
 * The provider on the REAL agora-rtc-sdk-ng in headless Chromium (fake
 * camera and microphone), with the network unreachable (this machine has
 * loopback only). Agora's own `join()` would retry forever; the provider must
 * give up with CONNECTION_FAILED and release the client and every track.
 */
import type { IAgoraRTC, IAgoraRTCClient } from 'agora-rtc-sdk-ng';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isAgoraRTCError } from '../../src/agora/errors.js';
import { createAgoraProvider } from '../../src/agora/index.js';
import { fillRelayConfiguration } from '../../src/agora/relay.js';
import type { AgoraSdk } from '../../src/agora/sdk.js';
import { LiveroomError } from '../../src/errors.js';
import { createRoom } from '../../src/room.js';

const APP_ID = '0123456789abcdef0123456789abcdef';
let real: IAgoraRTC;

/** The real SDK, with every client it creates recorded. */
function observedSdk(clients: IAgoraRTCClient[]): AgoraSdk {
  return {
    createClient: (config) => {
      const client = real.createClient(config);
      clients.push(client);
      return client;
    },
    createCameraVideoTrack: (config) => real.createCameraVideoTrack(config),
    createMicrophoneAudioTrack: (config) => real.createMicrophoneAudioTrack(config),
    createChannelMediaRelayConfiguration: () => real.createChannelMediaRelayConfiguration(),
  };
}

beforeAll(async () => {
  real = (await import('agora-rtc-sdk-ng')).default;
  real.setLogLevel(4); // NONE: the offline retries would flood the console.
  real.disableLogUpload();
});

describe('Agora provider on the real SDK, offline', () => {
  const clients: IAgoraRTCClient[] = [];
  afterEach(() => {
    clients.length = 0;
  });

  it('loads the SDK through its own dynamic import and fails the Room’s join with CONNECTION_FAILED', async () => {
    const provider = createAgoraProvider({ appId: APP_ID, joinTimeoutMs: 1500 });
    const room = createRoom({ provider });
    const error = await room.join({ roomId: 'offline-room', role: 'audience' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveroomError);
    expect(error).toMatchObject({ code: 'CONNECTION_FAILED', provider: 'agora' });
    expect(room.connectionState).toBe('failed');
  });

  it('leaves the client and closes every track when the join times out', async () => {
    const provider = createAgoraProvider({ appId: APP_ID, joinTimeoutMs: 1500, sdk: observedSdk(clients) });
    const camera = await provider.createCameraTrack({ width: 640, height: 480 });
    expect(camera.mediaStreamTrack.readyState).toBe('live');
    const error = await provider
      .join({ roomId: 'offline-room', userId: '1001', role: 'host', signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECTION_FAILED' });
    expect(clients).toHaveLength(1);
    const [client] = clients;
    expect(client?.connectionState).toBe('DISCONNECTED');
    expect(client?.localTracks).toHaveLength(0);
    expect(camera.mediaStreamTrack.readyState).toBe('ended');
    // The room calls leave() again after a failed join; that must be harmless.
    await expect(provider.leave()).resolves.toBeUndefined();
  });
});

describe('Agora tracks on the real SDK', () => {
  it('wraps real camera and microphone tracks, maps a bad device, and releases them on leave()', async () => {
    const provider = createAgoraProvider({ appId: APP_ID, audioEncoderPreset: 'speech_standard' });
    const camera = await provider.createCameraTrack({ width: 320, height: 240 });
    const mic = await provider.createMicrophoneTrack({ echoCancellation: false });
    expect(camera).toMatchObject({ kind: 'video', source: 'camera' });
    expect(mic).toMatchObject({ kind: 'audio', source: 'microphone' });
    expect(camera.mediaStreamTrack.kind).toBe('video');
    expect(mic.mediaStreamTrack.readyState).toBe('live');
    await provider.setMuted(camera, true);
    await provider.setMuted(camera, false);

    const error = await camera.switchDevice('no-such-camera').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LiveroomError);
    expect(error).toMatchObject({ code: 'DEVICE_NOT_FOUND', cause: { code: 'DEVICE_NOT_FOUND' } });
    expect(error instanceof LiveroomError && isAgoraRTCError(error.cause)).toBe(true);

    await provider.leave();
    expect(camera.mediaStreamTrack.readyState).toBe('ended');
    expect(mic.mediaStreamTrack.readyState).toBe('ended');
  });

  it('builds a relay configuration the real SDK accepts', async () => {
    expect(() =>
      fillRelayConfiguration(real.createChannelMediaRelayConfiguration(), { roomId: 'shop-42', userId: '11' }, [
        { roomId: 'shop-43', userId: '12', token: 'dest-token' },
      ]),
    ).not.toThrow();
  });
});
