import { describe, expect, it } from 'vitest';
import { mapConnectionChange } from '../../src/agora/connection.js';
import { fillRelayConfiguration, mapRelayState } from '../../src/agora/relay.js';
import { remoteVideoStatsOf, transportStatsOf } from '../../src/agora/stats.js';
import { cameraConfigOf, microphoneConfigOf } from '../../src/agora/tracks.js';
import { fromAgoraUid, toAgoraUid } from '../../src/agora/uid.js';
import { type DisconnectReasonName, disconnectReason, relayError, relayState } from './fake-agora-enums.js';
import { FakeRelayConfiguration } from './fake-agora-parts.js';

describe('connection-state-change', () => {
  it('mirrors joining, reconnecting and reconnected', () => {
    expect(mapConnectionChange('CONNECTING', 'DISCONNECTED', undefined)).toEqual({
      kind: 'state',
      state: 'connecting',
      reason: 'join',
    });
    expect(mapConnectionChange('CONNECTED', 'CONNECTING', undefined)).toMatchObject({ reason: 'joined' });
    expect(mapConnectionChange('RECONNECTING', 'CONNECTED', disconnectReason('NETWORK_ERROR'))).toEqual({
      kind: 'state',
      state: 'reconnecting',
      reason: 'network',
    });
    expect(mapConnectionChange('CONNECTED', 'RECONNECTING', undefined)).toEqual({
      kind: 'state',
      state: 'connected',
      reason: 'reconnected',
    });
    expect(mapConnectionChange('DISCONNECTING', 'CONNECTED', undefined)).toEqual({ kind: 'none' });
  });

  it.each<[DisconnectReasonName, ReturnType<typeof mapConnectionChange>]>([
    ['LEAVE', { kind: 'none' }],
    ['UID_BANNED', { kind: 'removed', reason: 'kicked' }],
    ['IP_BANNED', { kind: 'removed', reason: 'kicked' }],
    ['CHANNEL_BANNED', { kind: 'removed', reason: 'room-closed' }],
    ['NETWORK_ERROR', { kind: 'state', state: 'failed', reason: 'retries-exhausted' }],
    ['SERVER_ERROR', { kind: 'state', state: 'failed', reason: 'server-unreachable' }],
    ['TOKEN_EXPIRE', { kind: 'state', state: 'failed', reason: 'token-expired' }],
    ['UID_CONFLICT', { kind: 'state', state: 'failed', reason: 'uid-conflict' }],
    ['LICENSE_EXPIRED', { kind: 'state', state: 'failed', reason: 'server-unreachable' }],
  ])('DISCONNECTED because of %s', (reason, expected) => {
    expect(mapConnectionChange('DISCONNECTED', 'CONNECTED', disconnectReason(reason))).toEqual(expected);
  });
});

describe('relay', () => {
  it('maps relay states, failing with a code per relay error', () => {
    expect(mapRelayState(relayState('RELAY_STATE_RUNNING'), relayError('RELAY_OK'))).toEqual(['running']);
    const [state, error] = mapRelayState(relayState('RELAY_STATE_FAILURE'), relayError('DEST_TOKEN_EXPIRED'));
    expect(state).toBe('failed');
    expect(error?.code).toBe('TOKEN_EXPIRED');
    expect(mapRelayState(relayState('RELAY_STATE_FAILURE'), relayError('SERVER_CONNECTION_LOST'))[1]?.code).toBe(
      'CONNECTION_FAILED',
    );
  });

  it('fills the configuration with integer uids and refuses string ids or more than 4 rooms', () => {
    const config = new FakeRelayConfiguration();
    fillRelayConfiguration(config, { roomId: 'a', userId: '7', token: 'src' }, [
      { roomId: 'b', userId: '8', token: 't' },
    ]);
    expect(config.source).toEqual({ channelName: 'a', uid: 7, token: 'src' });
    expect(config.destinations).toEqual([{ channelName: 'b', uid: 8, token: 't' }]);
    expect(() =>
      fillRelayConfiguration(new FakeRelayConfiguration(), { roomId: 'a', userId: 'alice' }, [
        { roomId: 'b', userId: '8' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }));
    const five = ['b', 'c', 'd', 'e', 'f'].map((roomId) => ({ roomId, userId: '1' }));
    expect(() => fillRelayConfiguration(new FakeRelayConfiguration(), { roomId: 'a', userId: '7' }, five)).toThrow(
      expect.objectContaining({ code: 'INVALID_CONFIG' }),
    );
  });
});

describe('uids', () => {
  it('joins digit ids in the 32-bit range as integers and everything else as strings', () => {
    expect(toAgoraUid('42')).toBe(42);
    expect(toAgoraUid('4294967295')).toBe(4294967295);
    expect(toAgoraUid('4294967296')).toBe('4294967296');
    expect(toAgoraUid('user-1')).toBe('user-1');
    expect(fromAgoraUid(42)).toBe('42');
  });
});

describe('stats', () => {
  it('converts Agora units (s, bps, fraction) into ms, kbit/s and percent, leaving absent fields absent', () => {
    const stats = remoteVideoStatsOf('9', {
      transportDelay: 10,
      end2EndDelay: 180,
      receiveBitrate: 1_200_000,
      receiveDelay: 50,
      receiveBytes: 1000,
      receivePackets: 900,
      receivePacketsLost: 3,
      packetLossRate: 0.003,
      currentPacketLossRate: 0,
      receiveResolutionWidth: 1280,
      receiveResolutionHeight: 720,
      totalDuration: 60,
      totalFreezeTime: 1.5,
      freezeRate: 0.02,
      publishDuration: 60,
      renderFrameRate: 24,
    });
    expect(stats).toEqual({
      participantId: '9',
      source: 'agora',
      frameWidth: 1280,
      frameHeight: 720,
      renderFramesPerSecond: 24,
      bitrateKbps: 1200,
      bytesReceived: 1000,
      packetsReceived: 900,
      packetsLost: 3,
      totalFreezeTimeMs: 1500,
      freezeRatePercent: 2,
      end2EndDelayMs: 180,
    });
    expect(stats).not.toHaveProperty('framesPerSecond');
    expect(
      transportStatsOf({
        Duration: 1,
        RecvBitrate: 2_000_000,
        RecvBytes: 1,
        SendBitrate: 500_000,
        SendBytes: 1,
        UserCount: 2,
        RTT: 40,
        OutgoingAvailableBandwidth: 3000,
      }),
    ).toEqual({
      source: 'agora',
      rttMs: 40,
      incomingBitrateKbps: 2000,
      outgoingBitrateKbps: 500,
      availableOutgoingBitrateKbps: 3000,
    });
  });
});

describe('track configs', () => {
  it('uses the preset unless a size or frame rate is asked for', () => {
    expect(cameraConfigOf({}, '720p_2')).toEqual({ encoderConfig: '720p_2' });
    expect(cameraConfigOf({ width: 640, height: 360, deviceId: 'cam2', facingMode: 'user' }, '720p_2')).toEqual({
      encoderConfig: { width: 640, height: 360 },
      cameraId: 'cam2',
      facingMode: 'user',
    });
    expect(microphoneConfigOf({ deviceId: 'mic', echoCancellation: false }, 'speech_standard')).toEqual({
      encoderConfig: 'speech_standard',
      microphoneId: 'mic',
      AEC: false,
    });
  });
});
