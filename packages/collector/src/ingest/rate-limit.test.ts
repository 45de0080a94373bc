import { describe, expect, it } from 'vitest';
import { RequestError } from './http-error.js';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('allows a burst, then refills at the sustained rate, per client', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    for (let i = 0; i < 3; i++) limiter.take('a');
    expect(() => limiter.take('a')).toThrow(RequestError);
    limiter.take('b'); // another client has its own bucket
    now = 499;
    expect(() => limiter.take('a')).toThrow(RequestError);
    now = 500;
    limiter.take('a');
    expect(() => limiter.take('a')).toThrow(RequestError);
  });

  it('says when to retry', () => {
    const limiter = new RateLimiter(0.25, 1, () => 0);
    limiter.take('a');
    try {
      limiter.take('a');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 429, code: 'rate_limited', headers: { 'retry-after': '4' } });
    }
  });
});
