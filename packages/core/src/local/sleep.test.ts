import { describe, expect, it } from 'vitest';
import { sleep } from './sleep.js';

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
