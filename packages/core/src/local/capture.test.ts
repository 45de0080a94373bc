import { describe, expect, it } from 'vitest';
import { captureError } from './capture.js';

describe('captureError', () => {
  it.each([
    ['NotAllowedError', 'PERMISSION_DENIED'],
    ['NotFoundError', 'DEVICE_NOT_FOUND'],
    ['OverconstrainedError', 'DEVICE_NOT_FOUND'],
    ['NotReadableError', 'DEVICE_IN_USE'],
    ['TypeError', 'PROVIDER_ERROR'],
  ])('maps %s to %s, keeping the cause', (name, code) => {
    const cause = new DOMException('browser says no', name);
    const error = captureError(cause, 'camera');
    expect(error.code).toBe(code);
    expect(error.cause).toBe(cause);
    expect(error.message).toContain('camera');
  });
});
