import { describe, expect, it } from 'vitest';
import { parseInput } from '../validation.js';
import { localProviderOptionsSchema } from './options.js';

const parse = (options: object) =>
  parseInput(localProviderOptionsSchema, { signallingUrl: 'ws://127.0.0.1:8787', ...options }, 'options');

describe('local provider options', () => {
  it('fill in their defaults', () => {
    expect(parse({})).toMatchObject({ networkQualityIntervalMs: 2000, audioLevelIntervalMs: 500, joinAttempts: 3 });
  });

  it('take 0 (off) or at least 500 ms for network quality, and refuse a shorter interval that would flap', () => {
    expect(parse({ networkQualityIntervalMs: 0 }).networkQualityIntervalMs).toBe(0);
    expect(parse({ networkQualityIntervalMs: 500 }).networkQualityIntervalMs).toBe(500);
    expect(() => parse({ networkQualityIntervalMs: 100 })).toThrow(
      /networkQualityIntervalMs: must be 0 \(off\) or at least 500 ms/,
    );
  });

  it('refuse a fractional count', () => {
    expect(() => parse({ joinAttempts: 1.5 })).toThrow(/joinAttempts/);
  });
});
