import { describe, expect, it } from 'vitest';
import { WatchedVideo, type WatchedVideoObserver } from './watched-video.js';

function recorder() {
  const log: string[] = [];
  const observer: WatchedVideoObserver = {
    firstFrame: () => log.push('first'),
    stallStarted: () => log.push('stall_start'),
    stallEnded: (_v, ms) => log.push(`stall_end ${Math.round(ms)}`),
    resized: (_v, change) => log.push(`resize ${change.direction}`),
    stateChanged: () => {},
  };
  return { log, observer };
}

const size = { width: 640, height: 480 };

describe('WatchedVideo', () => {
  it('fills in frames the page presented while its callbacks were skipped: a busy main thread is not a freeze', () => {
    const { log, observer } = recorder();
    const video = new WatchedVideo('host', observer);
    video.resume();
    for (let i = 1; i <= 30; i += 1) video.onFrame({ timeMs: i * 50, size, presentedFrames: i });
    const t = 30 * 50;
    // 600 ms without a callback, but the counter says 12 frames were presented meanwhile.
    video.onFrame({ timeMs: t + 600, size, presentedFrames: 42 });
    expect(log.filter((l) => l.startsWith('stall'))).toEqual([]);
    // The same gap with no frames presented is a stall.
    video.onFrame({ timeMs: t + 1_200, size, presentedFrames: 43 });
    expect(log.filter((l) => l.startsWith('stall'))).toEqual(['stall_start', 'stall_end 600']);
  });

  it('measures frames missing after an unmute from the unmute, not from the last frame, and still counts the pause', () => {
    const { log, observer } = recorder();
    const video = new WatchedVideo('host', observer);
    video.resume();
    for (let i = 1; i <= 30; i += 1) video.onFrame({ timeMs: i * 33, size });
    video.setPublisherActive(2_000, false);
    video.setPublisherActive(5_000, true);
    video.check(5_100);
    expect(video.state).toBe('playing');
    video.check(5_400);
    expect(video.state).toBe('stalled');
    video.onFrame({ timeMs: 5_500, size });
    expect(log.at(-1)).toBe('stall_end 500');
    expect(video.tally).toMatchObject({ stallCount: 1, stallsOver500Count: 1, pauseCount: 1 });
  });
});
