import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

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
