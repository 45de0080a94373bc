/**
 * The overlay's board on a room over the core's fake provider: what each
 * stats tick and each quality-collector event does to a tile, on a fake
 * clock (no real time passes, nothing is timed).
 */
import { createRoom, type ProviderStats, type RemoteVideoStats, type Room } from '@liveroom/core';
import { FakeProvider } from '@liveroom/core/testing';
import { exampleEvent, type TelemetryEventOf, type TelemetryEventType } from '@liveroom/metrics/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QualityBoard } from '../src/quality/quality-board.js';

/** A fake provider whose `getStats()` answers with the remote videos the test sets. */
class StatsProvider extends FakeProvider {
  remoteVideo: RemoteVideoStats[] = [];
  override async getStats(): Promise<ProviderStats> {
    await super.getStats();
    return { timestamp: Date.now(), remoteVideo: this.remoteVideo, remoteAudio: [] };
  }
  /** How many times the stats were asked for. */
  polls(): number {
    return this.methods().filter((method) => method === 'getStats').length;
  }
}

const T0 = 1_800_000_000_000;
const TICK = 1000;
let provider: StatsProvider;
let room: Room<StatsProvider>;
let board: QualityBoard;

beforeEach(async () => {
  vi.useFakeTimers({ now: T0 });
  provider = new StatsProvider();
  room = createRoom({ provider, autoSubscribe: false });
  await room.join({ roomId: 'qa-board', role: 'audience', userId: 'viewer-1' });
  board = new QualityBoard(room, T0, TICK);
});
afterEach(() => {
  board.stop();
  vi.useRealTimers();
});

const video = (fields: Partial<RemoteVideoStats> = {}): RemoteVideoStats => ({
  participantId: 'host-a',
  source: 'webrtc-stats',
  ...fields,
});
const tile = (id = 'host-a') => board.getSnapshot().tiles.get(id);
const tick = () => vi.advanceTimersByTimeAsync(TICK);

/** An event the quality collector would emit now, with `body` merged into the schema's example body. */
function event<T extends TelemetryEventType>(type: T, body: Partial<TelemetryEventOf<T>['body']>) {
  const example = exampleEvent(type);
  return { ...example, ts: Date.now(), body: { ...example.body, ...body } } as TelemetryEventOf<T>;
}

describe('stats ticks', () => {
  it('polls once per tick and shows the decoded size and frame rate', async () => {
    provider.remoteVideo = [video({ frameWidth: 1280, frameHeight: 720, framesPerSecond: 20, framesDecoded: 40 })];
    await tick();
    expect(provider.polls()).toBe(1);
    expect(tile()).toMatchObject({ width: 1280, height: 720, fps: 20 });
    await tick();
    expect(provider.polls()).toBe(2);
    expect(tile()?.fpsHistory).toEqual([20, 20]);
  });

  it('keeps a tile per publisher', async () => {
    provider.remoteVideo = [video({ frameHeight: 720 }), video({ participantId: 'host-b', frameHeight: 360 })];
    await tick();
    expect(tile('host-a')?.height).toBe(720);
    expect(tile('host-b')?.height).toBe(360);
  });

  it('computes the bitrate from the byte counter when the provider has none', async () => {
    provider.remoteVideo = [video({ bytesReceived: 1_000_000 })];
    await tick();
    expect(tile()?.bitrateKbps).toBeUndefined();
    provider.remoteVideo = [video({ bytesReceived: 1_125_000 })];
    await tick();
    expect(tile()?.bitrateKbps).toBe(1000); // 125 000 bytes × 8 / 1000 ms
  });

  it("prefers the provider's own bitrate", async () => {
    provider.remoteVideo = [video({ bytesReceived: 0 })];
    await tick();
    provider.remoteVideo = [video({ bytesReceived: 125_000, bitrateKbps: 640 })];
    await tick();
    expect(tile()?.bitrateKbps).toBe(640);
  });

  it('shows no bitrate when the byte counter went backwards (a new subscription)', async () => {
    provider.remoteVideo = [video({ bytesReceived: 900_000 })];
    await tick();
    provider.remoteVideo = [video({ bytesReceived: 10_000 })];
    await tick();
    expect(tile()?.bitrateKbps).toBeUndefined();
  });

  it('bounds the startup time from above by the first tick with decoded frames, until the collector says', async () => {
    provider.remoteVideo = [video({ framesDecoded: 0 })];
    await tick();
    expect(tile()?.startupMs).toBeUndefined();
    provider.remoteVideo = [video({ framesDecoded: 12 })];
    await tick();
    expect(tile()).toMatchObject({ startupMs: 2 * TICK, source: 'frame-counters' });
  });

  it("takes the collector's first_frame over the tick estimate, and measures watch time from it", async () => {
    await vi.advanceTimersByTimeAsync(500);
    board.record(event('first_frame', { participantId: 'host-a', startupMs: 480, source: 'rvfc' }));
    provider.remoteVideo = [video({ framesDecoded: 12, freezeCount: 0, totalFreezesDurationMs: 0 })];
    await tick();
    expect(tile()).toMatchObject({ startupMs: 480, stallRatio: 0 });
  });

  it('does not poll while the room is not connected, nor after stop()', async () => {
    provider.dropConnection();
    await tick();
    expect(provider.polls()).toBe(0);
    provider.restoreConnection();
    await tick();
    expect(provider.polls()).toBe(1);
    board.stop();
    await tick();
    expect(provider.polls()).toBe(1);
  });
});

describe('stalls', () => {
  it('counts the W3C freeze counters until the collector reports', async () => {
    provider.remoteVideo = [video({ framesDecoded: 10, freezeCount: 1, totalFreezesDurationMs: 600 })];
    await tick();
    expect(tile()).toMatchObject({ stallCount: 1, stalledMs: 600, source: 'provider-stats', stalled: false });
  });

  it('shows a stall as it happens, its length growing with each tick, and counts it when it ends', async () => {
    provider.remoteVideo = [video({ framesDecoded: 10 })];
    board.record(event('first_frame', { participantId: 'host-a', startupMs: 300, source: 'rvfc' }));
    await tick();
    board.record(event('stall_start', { participantId: 'host-a', source: 'rvfc' }));
    expect(tile()).toMatchObject({ stalled: true, stallCount: 0 });
    await tick();
    await tick();
    expect(tile()?.ongoingStallMs).toBe(2 * TICK);
    expect(tile()?.stallRatio).toBeCloseTo(2 / 3, 10); // 2 s stalled of 3 s watched
    board.record(event('stall_end', { participantId: 'host-a', source: 'rvfc', durationMs: 2000 }));
    expect(tile()).toMatchObject({ stalled: false, ongoingStallMs: 0, stallCount: 1, stalledMs: 2000, source: 'rvfc' });
  });

  it('replaces the freeze counters with the collector count from its first stall event, never adding the two', async () => {
    provider.remoteVideo = [video({ framesDecoded: 10, freezeCount: 3, totalFreezesDurationMs: 2400 })];
    await tick();
    expect(tile()?.stallCount).toBe(3);
    board.record(event('stall_start', { participantId: 'host-a', source: 'rvfc' }));
    expect(tile()).toMatchObject({ stalled: true, stallCount: 0, stalledMs: 0 });
    board.record(event('stall_end', { participantId: 'host-a', source: 'rvfc', durationMs: 1500 }));
    expect(tile()).toMatchObject({ stallCount: 1, stalledMs: 1500 });
    // Later ticks leave the collector's figures alone, whatever the counters say.
    provider.remoteVideo = [video({ framesDecoded: 30, freezeCount: 5, totalFreezesDurationMs: 4000 })];
    await tick();
    expect(tile()).toMatchObject({ stallCount: 1, stalledMs: 1500, source: 'rvfc' });
  });

  it('also switches over when a stall_end is the first stall event it sees', async () => {
    provider.remoteVideo = [video({ framesDecoded: 10, freezeCount: 2, totalFreezesDurationMs: 900 })];
    await tick();
    board.record(event('stall_end', { participantId: 'host-a', source: 'rvfc', durationMs: 700 }));
    expect(tile()).toMatchObject({ stallCount: 1, stalledMs: 700 });
  });

  it('adds up stalls from events', () => {
    for (const durationMs of [300, 600, 1000]) {
      board.record(event('stall_start', { participantId: 'host-a' }));
      board.record(event('stall_end', { participantId: 'host-a', durationMs }));
    }
    expect(tile()).toMatchObject({ stallCount: 3, stalledMs: 1900 });
  });

  it('ends a withdrawn stall without counting it', () => {
    board.record(event('stall_start', { participantId: 'host-a' }));
    board.record(event('stall_end', { participantId: 'host-a', durationMs: 220, withdrawn: true }));
    board.record(event('stall_start', { participantId: 'host-a' }));
    board.record(event('stall_end', { participantId: 'host-a', durationMs: 900 }));
    expect(tile()).toMatchObject({ stalled: false, stallCount: 1, stalledMs: 900 });
  });

  it('keeps stalls of one publisher off the tiles of the others', () => {
    board.record(event('stall_start', { participantId: 'host-b' }));
    board.record(event('stall_end', { participantId: 'host-b', durationMs: 800 }));
    expect(tile('host-a')).toBeUndefined();
    expect(tile('host-b')?.stallCount).toBe(1);
  });
});

describe('other inputs', () => {
  it('ignores events that are about no publisher', () => {
    const before = board.getSnapshot();
    board.record(exampleEvent('session_start'));
    board.record(exampleEvent('quality_sample'));
    expect(board.getSnapshot()).toBe(before);
  });

  it("shows how a publisher's stream reaches this viewer (its uplink), and ignores the local user's own", () => {
    provider.events.emit('network-quality', { participantId: 'host-a', uplink: 4, downlink: 1 });
    provider.events.emit('network-quality', { uplink: 2, downlink: 2 });
    expect(tile()?.uplink).toBe(4);
    expect(board.getSnapshot().tiles.size).toBe(1);
  });

  it('stops listening to network quality after stop()', () => {
    board.stop();
    provider.events.emit('network-quality', { participantId: 'host-a', uplink: 1, downlink: 5 });
    expect(tile()).toBeUndefined();
  });
});
