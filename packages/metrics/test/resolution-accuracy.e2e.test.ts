/**
 * Resolution accounting in real Chromium over the local provider (issue 4).
 * The host sends its fake camera at 1280×720; the viewer caps it to 640×360
 * (`impair({ scaleResolutionDownBy: 2 })`) and lifts the cap again. The
 * local provider's senders keep `degradationPreference: 'maintain-resolution'`
 * (DESIGN.md decision 19), so CPU adaptation adds no switch of its own.
 *
 * Ground truth is the schedule: the time between the two requests is the
 * time at 360p (both switches take about the same time to reach the screen,
 * so their delays cancel), the rest of the time from the first frame to the
 * leave is at 720p. Events carry the page's `Date.now()`, the clock this
 * Node process reads too (one machine).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsOf, HOST_ID, openRoomPair, POLL, type RoomPair, sleep, telemetry } from './fixtures/room-pair.ts';

/** Time held at each size: 720p, 360p, 720p. */
const HOLD_MS = 6_000;
/** HD share tolerance: ±5 points. */
const HD_SHARE_TOLERANCE = 0.05;

let pair: RoomPair;

beforeAll(async () => {
  pair = await openRoomPair('resolution-accuracy', { width: 1280, height: 720 });
});

afterAll(async () => {
  await pair?.harness.close();
});

/** Asks the host for `scale` and waits for the viewer's `resolution_change` to `height`; returns when it asked. */
async function capAndWait(scale: number, height: number): Promise<number> {
  const { viewer } = pair;
  const askedAt = Date.now();
  await viewer.evaluate((by) => window.lrm.impair('host', { scaleResolutionDownBy: by }), scale);
  await expect
    .poll(async () => eventsOf(await telemetry(viewer), 'resolution_change').at(-1)?.body.toHeight, POLL)
    .toBe(height);
  return askedAt;
}

describe('resolution accuracy in Chromium over the local provider', () => {
  it('counts a 720p → 360p → 720p cap as one switch down and one up, and the HD share of the time at each size (±5 points)', async () => {
    const { viewer } = pair;
    const [first] = eventsOf(await telemetry(viewer), 'first_frame');
    expect(first?.body).toMatchObject({ source: 'rvfc', participantId: HOST_ID, width: 1280, height: 720 });
    const startedAt = first?.ts ?? Number.NaN;

    await sleep(startedAt + HOLD_MS - Date.now());
    const downAt = await capAndWait(2, 360);
    await sleep(downAt + HOLD_MS - Date.now());
    const upAt = await capAndWait(1, 720);
    await sleep(upAt + HOLD_MS - Date.now());
    await viewer.evaluate(() => window.lrm.leave());

    const events = await telemetry(viewer);
    const [end] = eventsOf(events, 'session_end');
    const endedAt = end?.ts ?? Number.NaN;
    const switches = eventsOf(events, 'resolution_change').map((e) => e.body);
    expect(switches).toEqual([
      { participantId: HOST_ID, fromWidth: 1280, fromHeight: 720, toWidth: 640, toHeight: 360, direction: 'down' },
      { participantId: HOST_ID, fromWidth: 640, fromHeight: 360, toWidth: 1280, toHeight: 720, direction: 'up' },
    ]);
    const total = end?.body.total;
    expect(total).toMatchObject({ switchesDown: 1, switchesUp: 1 });
    expect(total?.tierMs).toMatchObject({ p480: 0, ge1080: 0 });

    const expectedHdShare = 1 - (upAt - downAt) / (endedAt - startedAt);
    const what = JSON.stringify({ expectedHdShare, total });
    if (process.env.LIVEROOM_ACCURACY_LOG) console.log(what);
    expect(Math.abs((total?.hdShare ?? 0) - expectedHdShare), what).toBeLessThanOrEqual(HD_SHARE_TOLERANCE);
    // The mean height follows: 720 at the HD share, 360 for the rest.
    const expectedMean = 360 + 360 * (total?.hdShare ?? 0);
    expect(Math.abs((total?.meanHeight ?? 0) - expectedMean), what).toBeLessThanOrEqual(1);
  });
});
