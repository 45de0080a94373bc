import { describe, expect, it } from 'vitest';
import { LIVE_STALL_MARGIN_MS, WatchedVideo, type WatchedVideoObserver } from './watched-video.js';

function recorder() {
  const log: string[] = [];
  const observer: WatchedVideoObserver = {
    firstFrame: () => log.push('first'),
    stallStarted: (_v, ms) => log.push(`stall_start ${Math.round(ms)}`),
    stallEnded: (_v, _at, ms, withdrawn) => log.push(`stall_end ${ms}${withdrawn ? ' withdrawn' : ''}`),
    resized: (_v, change) => log.push(`resize ${change.direction}`),
    stateChanged: () => {},
  };
  return { log, observer };
}

const size = { width: 640, height: 480 };
const tally = () => ({ stallCount: 0, stallMs: 0, stallsOver500Count: 0, pauseCount: 0 });

/**
 * A video at 20 fps until 1 500 ms (with the element's presented-frame
 * counter when `presented`): the next gap is a freeze from about 205.2 ms on.
 */
function playing20fps(presented = false) {
  const recorded = recorder();
  const video = new WatchedVideo('host', recorded.observer, tally());
  video.resume();
  for (let i = 1; i <= 30; i += 1)
    video.onFrame({ timeMs: i * 50, size, ...(presented ? { presentedFrames: i } : {}) });
  return { ...recorded, video };
}

describe('WatchedVideo', () => {
  it('fills in frames the page presented while its callbacks were skipped: a busy main thread is not a freeze', () => {
    const { log, video } = playing20fps(true);
    const t = 30 * 50;
    // 600 ms without a callback, but the counter says 12 frames were presented meanwhile.
    video.onFrame({ timeMs: t + 600, size, presentedFrames: 42 });
    expect(log.filter((l) => l.startsWith('stall'))).toEqual([]);
    // The same gap with no frames presented is a stall.
    video.onFrame({ timeMs: t + 1_200, size, presentedFrames: 43 });
    expect(log.filter((l) => l.startsWith('stall'))).toEqual(['stall_start 205', 'stall_end 600']);
  });

  it('measures frames missing after an unmute from the unmute, not from the last frame, and still counts the pause', () => {
    const { log, observer } = recorder();
    const video = new WatchedVideo('host', observer, tally());
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

  it('withdraws a stall a tick saw live when the late callback of a frame on screen shows the gap fell short', () => {
    const { log, video } = playing20fps();
    // The tick runs 320 ms after the last callback; the next frame's callback,
    // late on a busy main thread, says it was on screen 200 ms after the last.
    video.check(1_500 + 320);
    expect(video.state).toBe('stalled');
    video.onFrame({ timeMs: 1_500 + 200, size });
    expect(log.filter((l) => l.startsWith('stall'))).toEqual(['stall_start 205', 'stall_end 200 withdrawn']);
    expect(video.tally).toMatchObject({ stallCount: 0, stallMs: 0 });
    expect(video.stall).toBeUndefined();
    expect(video.state).toBe('playing');
    // A gap the tick saw live that its frame confirms still counts, and is not marked withdrawn.
    video.check(1_700 + 320);
    video.onFrame({ timeMs: 1_700 + 400, size });
    expect(log.at(-1)).toBe('stall_end 400');
    expect(video.tally).toMatchObject({ stallCount: 1, stallMs: 400 });
  });

  it('withdraws a live stall through which the screen kept presenting frames, but not one a burst of frames ends', () => {
    const { log, video } = playing20fps(true);
    const t = 30 * 50;
    // Callbacks skipped for 600 ms while the page presented 12 frames: no freeze.
    video.check(t + 400);
    video.onFrame({ timeMs: t + 600, size, presentedFrames: 42 });
    expect(log.filter((l) => l.startsWith('stall'))).toEqual(['stall_start 205', 'stall_end 50 withdrawn']);
    // A real 1 s freeze whose first two frames come together (one callback skipped) still counts whole.
    video.check(t + 1_000);
    video.onFrame({ timeMs: t + 1_600, size, presentedFrames: 44 });
    expect(log.at(-1)).toBe('stall_end 1000');
    expect(video.tally).toMatchObject({ stallCount: 1, stallMs: 1_000 });
  });

  it('leaves a wait just past the threshold to its frame, so a late callback does not open a stall', () => {
    const { log, video } = playing20fps();
    video.check(1_500 + 206 + LIVE_STALL_MARGIN_MS - 10);
    expect(video.state).toBe('playing');
    video.check(1_500 + 206 + LIVE_STALL_MARGIN_MS);
    expect(log.at(-1)).toBe('stall_start 205');
  });

  it('counts a stall among the ≥ 500 ms ones by the duration its stall_end reports', () => {
    const { log, video } = playing20fps();
    video.onFrame({ timeMs: 1_500 + 499.6, size });
    expect(log.at(-1)).toBe('stall_end 500');
    expect(video.tally).toMatchObject({ stallCount: 1, stallMs: 500, stallsOver500Count: 1 });
  });
});
