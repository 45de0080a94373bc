import { describe, expect, it } from 'vitest';
import { clientMessageSchema, decodeMessage, impairmentSchema, serverMessageSchema } from './protocol.js';

describe('signalling protocol', () => {
  it('accepts every kind of client message', () => {
    const messages = [
      { type: 'join', rid: 1, roomId: 'r', userId: 'u', role: 'host', sessionId: 's' },
      { type: 'leave' },
      { type: 'set-role', role: 'cohost' },
      { type: 'publish', kind: 'video' },
      { type: 'unmute', rid: 3, kind: 'audio' },
      { type: 'sdp', to: 'v', pcId: 'p', description: { type: 'offer', sdp: 'v=0' } },
      { type: 'ice', to: 'v', pcId: 'p', candidate: { candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 } },
      { type: 'ice', to: 'v', pcId: 'p', candidate: null },
      { type: 'data', payload: 'hi', to: ['a', 'b'] },
      { type: 'impair', to: 'h', impairment: { stallMs: 500, maxBitrateKbps: 0, scaleResolutionDownBy: 2 } },
      { type: 'room-message', rid: 2, roomId: 'r2', to: 'h', payload: '{}' },
      { type: 'ping', t: 1 },
      { type: 'kick', userId: 'x' },
      { type: 'close-room' },
    ];
    for (const message of messages) expect(clientMessageSchema.safeParse(message).success).toBe(true);
  });

  it('refuses unknown types, bad roles and oversized ids', () => {
    expect(clientMessageSchema.safeParse({ type: 'teleport' }).success).toBe(false);
    expect(clientMessageSchema.safeParse({ type: 'set-role', role: 'king' }).success).toBe(false);
    const join = { type: 'join', roomId: 'r', userId: 'u'.repeat(65), role: 'host', sessionId: 's' };
    expect(clientMessageSchema.safeParse(join).success).toBe(false);
  });

  it('bounds impairments to sane values', () => {
    expect(impairmentSchema.safeParse({ stallMs: 0 }).success).toBe(false);
    expect(impairmentSchema.safeParse({ scaleResolutionDownBy: 0.5 }).success).toBe(false);
    expect(impairmentSchema.safeParse({ maxBitrateKbps: -1 }).success).toBe(false);
    expect(impairmentSchema.safeParse({}).success).toBe(true);
  });

  it('decodes frames and explains what is wrong', () => {
    expect(decodeMessage(serverMessageSchema, '{"type":"ack","rid":4}')).toEqual({
      ok: true,
      message: { type: 'ack', rid: 4 },
    });
    expect(decodeMessage(serverMessageSchema, '{')).toEqual({ ok: false, reason: 'not JSON' });
    const bad = decodeMessage(serverMessageSchema, '{"type":"publish","userId":"u","kind":"smell"}');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.reason).toMatch(/^kind:/);
  });
});
