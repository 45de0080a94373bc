/**
 * What the page tells a person about each error code: a headline and a next
 * step, chosen by `code`, never by parsing the developer's message.
 */
import { LiveroomError, type LiveroomErrorCode } from '@liveroom/core';
import { describe, expect, it } from 'vitest';
import { explainError } from '../src/app/explain-error.js';

const SERVER = 'ws://127.0.0.1:8787';
const explain = (code: LiveroomErrorCode, message = 'developer text') =>
  explainError(new LiveroomError(code, message), SERVER);

describe('explainError', () => {
  it.each(['CONNECTION_FAILED', 'JOIN_TIMEOUT'] as const)('%s names the signalling server it tried', (code) => {
    expect(explain(code)).toEqual({
      title: `Cannot reach the signalling server at ${SERVER}.`,
      action: 'Check that the demo is running (bash scripts/demo.sh), then try again.',
    });
  });

  it('says which server when the page was pointed at another one', () => {
    const other = explainError(new LiveroomError('CONNECTION_FAILED', 'x'), 'ws://10.0.0.5:9000');
    expect(other.title).toContain('ws://10.0.0.5:9000');
  });

  it.each([
    ['PERMISSION_DENIED', /^Camera blocked/, /press Retry/],
    ['DEVICE_NOT_FOUND', /No camera or microphone/, /join as a viewer/],
    ['DEVICE_IN_USE', /camera is busy/, /press Retry/],
    ['UID_CONFLICT', /already uses that name/, /another name/],
    ['TOKEN_EXPIRED', /token expired/, /fresh token/],
  ] as const)('%s gets its own headline and next step', (code, title, action) => {
    const explanation = explain(code);
    expect(explanation.title).toMatch(title);
    expect(explanation.action).toMatch(action);
    expect(explanation.title).not.toContain('developer text');
  });

  it('tells every code apart from the fallback', () => {
    const fallback = explain('PROVIDER_ERROR').action;
    const own: LiveroomErrorCode[] = ['CONNECTION_FAILED', 'PERMISSION_DENIED', 'DEVICE_NOT_FOUND', 'DEVICE_IN_USE'];
    for (const code of own) expect(explain(code).action).not.toBe(fallback);
  });

  it('NOT_SUPPORTED keeps the SDK message (it names the missing capability) and suggests another provider', () => {
    expect(explain('NOT_SUPPORTED', 'This provider cannot relay media.')).toEqual({
      title: 'This provider cannot relay media.',
      action: 'Choose another provider, or update this checkout.',
    });
  });

  it('INVALID_CONFIG lists every validation issue as the next step', () => {
    const error = new LiveroomError('INVALID_CONFIG', 'Invalid join options', {
      issues: [
        { path: 'roomId', message: 'roomId must not be empty' },
        { path: 'userId', message: 'userId must be at most 64 characters long' },
      ],
    });
    expect(explainError(error, SERVER)).toEqual({
      title: 'Some fields are not valid.',
      action: 'roomId must not be empty userId must be at most 64 characters long',
    });
  });

  it.each(['INVALID_STATE', 'OPERATION_ABORTED', 'PROVIDER_ERROR'] as const)(
    '%s falls back to the message with a retry hint',
    (code) => {
      expect(explain(code, 'Agora said no')).toEqual({
        title: 'Agora said no',
        action: 'Try again; if it keeps failing, reload the page.',
      });
    },
  );
});
