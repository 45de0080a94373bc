import { describe, expect, it } from 'vitest';
import { AGORA_ERROR_CODES, fromAgoraError, isAgoraRTCError, liveroomCodeOf } from '../../src/agora/errors.js';
import { LiveroomError, type LiveroomErrorCode } from '../../src/errors.js';
import type { ErrorCodeName } from './fake-agora-enums.js';
import { FakeAgoraError } from './fake-agora-parts.js';

describe('Agora error codes → LiveroomError codes', () => {
  it.each<[ErrorCodeName, LiveroomErrorCode]>([
    ['INVALID_PARAMS', 'INVALID_CONFIG'],
    ['MEDIA_OPTION_INVALID', 'INVALID_CONFIG'],
    ['INVALID_OPERATION', 'INVALID_STATE'],
    ['OPERATION_ABORTED', 'OPERATION_ABORTED'],
    ['EXTERNAL_SIGNAL_ABORT', 'OPERATION_ABORTED'],
    ['WS_ABORT', 'OPERATION_ABORTED'],
    ['CAN_NOT_GET_GATEWAY_SERVER', 'CONNECTION_FAILED'],
    ['CAN_NOT_GET_PROXY_SERVER', 'CONNECTION_FAILED'],
    ['VOID_GATEWAY_ADDRESS', 'CONNECTION_FAILED'],
    ['NETWORK_ERROR', 'CONNECTION_FAILED'],
    ['NETWORK_TIMEOUT', 'CONNECTION_FAILED'],
    ['NETWORK_RESPONSE_ERROR', 'CONNECTION_FAILED'],
    ['WS_DISCONNECT', 'CONNECTION_FAILED'],
    ['WS_ERR', 'CONNECTION_FAILED'],
    ['ICE_FAILED', 'CONNECTION_FAILED'],
    ['NO_ICE_CANDIDATE', 'CONNECTION_FAILED'],
    ['PERMISSION_DENIED', 'PERMISSION_DENIED'],
    ['DEVICE_NOT_FOUND', 'DEVICE_NOT_FOUND'],
    ['CONSTRAINT_NOT_SATISFIED', 'DEVICE_NOT_FOUND'],
    ['NOT_READABLE', 'DEVICE_IN_USE'],
    ['TOKEN_EXPIRE', 'TOKEN_EXPIRED'],
    ['UID_CONFLICT', 'UID_CONFLICT'],
    ['NOT_SUPPORTED', 'NOT_SUPPORTED'],
    ['WEB_SECURITY_RESTRICT', 'NOT_SUPPORTED'],
    ['UNEXPECTED_ERROR', 'PROVIDER_ERROR'],
    ['SUBSCRIBE_FAILED', 'PROVIDER_ERROR'],
  ])('%s → %s, keeping the Agora error as cause', (agoraCode, code) => {
    const original = new FakeAgoraError(agoraCode, 'boom');
    const error = fromAgoraError(original, 'join the room');
    expect(error).toBeInstanceOf(LiveroomError);
    expect(error.code).toBe(code);
    expect(error.cause).toBe(original);
    expect(error.provider).toBe('agora');
    expect(error.message).toContain('join the room');
    expect(error.message).toContain(agoraCode);
  });

  it('has one entry per mapped code and sends the rest to PROVIDER_ERROR', () => {
    expect(Object.keys(AGORA_ERROR_CODES)).toHaveLength(24);
    expect(liveroomCodeOf(new FakeAgoraError('PB_ERROR').code)).toBe('PROVIDER_ERROR');
  });

  it('passes LiveroomErrors through and wraps foreign errors as PROVIDER_ERROR', () => {
    const ours = new LiveroomError('JOIN_TIMEOUT', 'late');
    expect(fromAgoraError(ours, 'join')).toBe(ours);
    const foreign = new TypeError('undefined is not a function');
    const wrapped = fromAgoraError(foreign, 'publish');
    expect(wrapped.code).toBe('PROVIDER_ERROR');
    expect(wrapped.cause).toBe(foreign);
  });

  it('recognises Agora errors by their runtime name, not by any `code` field', () => {
    expect(isAgoraRTCError(new FakeAgoraError('TIMEOUT'))).toBe(true);
    expect(isAgoraRTCError(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe(false);
    expect(isAgoraRTCError({ name: 'AgoraRTCException', code: 'TIMEOUT' })).toBe(false);
  });
});
