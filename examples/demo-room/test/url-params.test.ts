/**
 * The demo's URL: what a shared link says, the fallbacks for what it gets
 * wrong, and that writing then reading gives the same page back.
 */
import { ROLES } from '@liveroom/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DemoParams, readParams, writeParams } from '../src/app/url-params.js';

const DEFAULTS: DemoParams & { join: boolean } = {
  roomId: '',
  role: 'audience',
  name: '',
  provider: 'local',
  appId: '',
  scenario: '',
  signallingUrl: '',
  pkSeconds: 60,
  join: false,
};

describe('readParams', () => {
  it('gives the lobby defaults for an empty query, without joining', () => {
    expect(readParams('')).toEqual(DEFAULTS);
  });

  it('reads a full QA link and joins straight away', () => {
    const search =
      '?room=qa-1&role=host&name=h1&provider=agora&appId=0123&scenario=stall-every-20s%2Bres-360p&signalling=ws://127.0.0.1:9000&pkSeconds=20';
    expect(readParams(search)).toEqual({
      roomId: 'qa-1',
      role: 'host',
      name: 'h1',
      provider: 'agora',
      appId: '0123',
      scenario: 'stall-every-20s+res-360p',
      signallingUrl: 'ws://127.0.0.1:9000',
      pkSeconds: 20,
      join: true,
    });
  });

  it.each([
    ['host', 'host'],
    ['cohost', 'cohost'],
    ['guest', 'cohost'],
    ['viewer', 'audience'],
    ['audience', 'audience'],
    ['Host', 'host'],
    ['VIEWER', 'audience'],
    ['admin', 'audience'],
    ['', 'audience'],
  ])('role=%s reads as %s', (word, role) => {
    expect(readParams(`?role=${word}`).role).toBe(role);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'role=%s falls back to audience, never to an Object.prototype member',
    (word) => {
      expect(readParams(`?role=${word}`).role).toBe('audience');
    },
  );

  it('trims blanks around every value', () => {
    const params = readParams('?room=%20qa-1%20&name=%20v1&scenario=res-360p%20');
    expect([params.roomId, params.name, params.scenario]).toEqual(['qa-1', 'v1', 'res-360p']);
  });

  it('joins on a room parameter even when it is empty, so the lobby shows the SDK refusing it', () => {
    expect(readParams('?room=').join).toBe(true);
    expect(readParams('?name=v1').join).toBe(false);
  });

  it('uses the local provider for anything but agora', () => {
    expect(readParams('?provider=agora').provider).toBe('agora');
    expect(readParams('?provider=livekit').provider).toBe('local');
  });

  it.each([
    ['20', 20],
    ['0', 10],
    ['5', 10],
    ['1800', 1800],
    ['99999', 1800],
    ['30.6', 31],
    ['-40', 10],
    ['abc', 60],
    ['Infinity', 60],
    ['', 60],
  ])('pkSeconds=%s gives battles of %i s (10–1800, default 60)', (raw, seconds) => {
    expect(readParams(`?pkSeconds=${raw}`).pkSeconds).toBe(seconds);
  });
});

describe('writeParams', () => {
  it('leaves defaults and empty fields out, and writes the audience as viewer', () => {
    const { join: _, ...params } = { ...DEFAULTS, roomId: 'qa-1', name: 'v1' };
    expect(writeParams(params)).toBe('?room=qa-1&role=viewer&name=v1');
  });

  it('keeps a + inside the scenario (encoded), so the link reads back the same steps', () => {
    const { join: _, ...params } = { ...DEFAULTS, roomId: 'r', scenario: 'stall-every-5s+res-360p@3s' };
    const search = writeParams(params);
    expect(search).toContain('scenario=stall-every-5s%2Bres-360p%403s');
    expect(readParams(search).scenario).toBe('stall-every-5s+res-360p@3s');
  });

  it('round-trips any page state through the address bar', () => {
    const text = fc.string({ maxLength: 40 }).map((s) => s.trim());
    const params = fc.record({
      roomId: text,
      role: fc.constantFrom(...ROLES),
      name: text,
      provider: fc.constantFrom('local' as const, 'agora' as const),
      appId: text,
      scenario: text,
      signallingUrl: text,
      pkSeconds: fc.integer({ min: 10, max: 1800 }),
    });
    fc.assert(
      fc.property(params, (state) => {
        const { join, ...read } = readParams(writeParams(state));
        expect(read).toEqual(state);
        expect(join).toBe(state.roomId !== '');
      }),
    );
  });
});
