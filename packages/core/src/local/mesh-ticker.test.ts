import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LiveroomError } from '../errors.js';
import type { Mesh } from './mesh.js';
import { MAX_TICKER_WARNINGS, MeshTicker } from './mesh-ticker.js';

afterEach(() => vi.useRealTimers());

const session = {} as Mesh;

/** A ticker every second whose reading `read()` does; what it used and warned. */
function ticking(read: () => Promise<number>, mesh: () => Mesh | undefined = () => session) {
  const used: number[] = [];
  const warnings: LiveroomError[] = [];
  const ticker = new MeshTicker<number>({
    what: 'test figures',
    mesh,
    read,
    use: (value) => used.push(value),
    warn: (error) => warnings.push(error),
  });
  ticker.start(1000);
  return { used, warnings, ticker };
}

describe('MeshTicker failures', () => {
  it('warns of each distinct failure once, with its cause, up to a bound, and keeps reading', async () => {
    vi.useFakeTimers();
    let failure: Error | undefined = new RangeError('bad 0');
    const { used, warnings, ticker } = ticking(async () => {
      if (failure) throw failure;
      return 7;
    });
    await vi.advanceTimersByTimeAsync(3000);
    expect(warnings.map((w) => [w.code, w.message])).toEqual([
      ['PROVIDER_ERROR', expect.stringMatching(/^Reading test figures failed \(RangeError: bad 0\)/)],
    ]);
    expect(warnings[0]?.cause).toBe(failure);
    for (let i = 1; i <= MAX_TICKER_WARNINGS + 2; i += 1) {
      failure = new RangeError(`bad ${i}`); // a message that changes every tick
      await vi.advanceTimersByTimeAsync(1000);
    }
    expect(warnings).toHaveLength(MAX_TICKER_WARNINGS);
    failure = undefined;
    await vi.advanceTimersByTimeAsync(1000);
    expect(used).toEqual([7]);
    ticker.stop();
  });

  it('says nothing of a reading that failed after the session ended or the ticker stopped', async () => {
    vi.useFakeTimers();
    let mesh: Mesh | undefined = {} as Mesh;
    let end = () => {
      mesh = undefined; // leave() released the mesh while it was read
    };
    const { warnings, ticker } = ticking(
      async () => {
        end();
        throw new Error('closed');
      },
      () => mesh,
    );
    await vi.advanceTimersByTimeAsync(1000);
    mesh = {} as Mesh;
    end = () => ticker.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(warnings).toEqual([]);
  });

  it('warns again of a failure in a later session', async () => {
    vi.useFakeTimers();
    const { warnings, ticker } = ticking(async () => {
      throw new Error('always');
    });
    await vi.advanceTimersByTimeAsync(2000);
    ticker.start(1000); // a new session
    await vi.advanceTimersByTimeAsync(2000);
    expect(warnings).toHaveLength(2);
    ticker.stop();
  });
});
