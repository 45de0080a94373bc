import { describe, expect, it } from 'vitest';
import { backoffDelay, sleep } from './backoff.js';

const policy = { baseMs: 100, maxMs: 1000 };

describe('backoffDelay', () => {
  it('doubles per attempt, between half and all of the ceiling', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 0)).toBe(400);
    expect(backoffDelay(3, policy, () => 1)).toBe(800);
  });

  it('never exceeds the maximum', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      expect(backoffDelay(attempt, policy, () => 0.999)).toBeLessThanOrEqual(1000);
    }
  });
});

describe('sleep', () => {
  it('rejects with the abort reason', async () => {
    const abort = new AbortController();
    const pending = sleep(60_000, abort.signal);
    abort.abort(new Error('left'));
    await expect(pending).rejects.toThrow('left');
  });

  it('rejects at once when already aborted', async () => {
    await expect(sleep(10, AbortSignal.abort(new Error('gone')))).rejects.toThrow('gone');
  });
});
