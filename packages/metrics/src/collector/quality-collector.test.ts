import { createRoom, isLiveroomError, LiveroomError } from '@liveroom/core';
import { FakeProvider } from '@liveroom/core/testing';
import { describe, expect, it, vi } from 'vitest';
import {
  exampleEvent,
  measurementSourceSchema,
  safeParseTelemetryEvent,
  type TelemetryEvent,
} from '../schema/index.js';
import { createCallbackSink } from '../sinks/callback-sink.js';
import { collectorFixture } from '../test/collector-fixture.js';
import { FakeEnvironment } from '../test/fake-environment.js';
import { createQualityCollector } from './quality-collector.js';

const join = (f: ReturnType<typeof collectorFixture>) =>
  f.room.join({ roomId: 'room-a', role: 'audience', userId: 'u_1' });

describe('createQualityCollector: session lifecycle', () => {
  it('measures startup from the join() call to the first rendered frame', async () => {
    const f = collectorFixture();
    await join(f);
    f.env.advance(800);
    const video = f.attachVideo('host-1');
    f.env.play(video, 1000);
    const [first] = f.of('first_frame');
    expect(first?.body).toMatchObject({ source: 'rvfc', participantId: 'host-1', width: 1280, height: 720 });
    expect(first?.body.startupMs).toBeCloseTo(833, -1);
    expect(f.of('session_start')[0]?.body.lateStart).toBe(false);
  });

  it('emits valid events with a gap-free seq from 0 and increasing ids', async () => {
    const f = collectorFixture({ heartbeatMs: 2000 });
    await join(f);
    const video = f.attachVideo('host-1');
    f.env.play(video, 3000);
    f.env.advance(1000);
    f.env.play(video, 3000);
    await f.room.leave();
    expect(f.events.map((e) => e.seq)).toEqual(f.events.map((_, i) => i));
    for (const event of f.events) expect(safeParseTelemetryEvent(event)).toMatchObject({ success: true });
    const ids = f.events.map((e) => e.eventId);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(f.events.map((e) => e.sessionId)).size).toBe(1);
    expect(f.events[0]).toMatchObject({ roomId: 'room-a', userId: 'u_1', role: 'audience', provider: 'fake' });
  });

  it('starts late, from its own creation, when created after join()', async () => {
    const f = collectorFixture({ enabled: false });
    await join(f);
    const late = collectorFixture();
    await join(late);
    expect(late.of('session_start')).toHaveLength(1);
    expect(f.events).toEqual([]);
  });

  it('watches the frames of videos attached before it was created', async () => {
    vi.stubGlobal('MediaStream', class {});
    vi.stubGlobal('HTMLVideoElement', class {});
    try {
      const provider = new FakeProvider();
      const room = createRoom({ provider });
      await room.join({ roomId: 'room-a', role: 'audience', userId: 'u_1' });
      provider.remoteJoin('host-1');
      provider.remotePublish('host-1', 'video');
      const track = await vi.waitFor(() => room.participants.get('host-1')?.videoTrack ?? expect.unreachable());
      const element = track.attach({ play: async () => undefined } as unknown as HTMLMediaElement);
      const env = new FakeEnvironment();
      const events: TelemetryEvent[] = [];
      createQualityCollector(room, { environment: env, sinks: [createCallbackSink((e) => events.push(e))] });
      env.play(element, 1000);
      expect(events.find((e) => e.type === 'first_frame')?.body).toMatchObject({
        source: 'rvfc',
        participantId: 'host-1',
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('ends on leave, kick and pagehide with the reason', async () => {
    const left = collectorFixture();
    await join(left);
    await left.room.leave();
    expect(left.of('session_end')[0]?.body.reason).toBe('leave');

    const kicked = collectorFixture();
    await join(kicked);
    kicked.provider.events.emit('removed', 'kicked');
    await vi.waitFor(() => expect(kicked.of('session_end')).toHaveLength(1));
    expect(kicked.of('session_end')[0]?.body.reason).toBe('kicked');

    const flush = vi.fn(async () => {});
    const hidden = collectorFixture({ sinks: [{ name: 'spy', write: () => {}, flush }] });
    await join(hidden);
    hidden.env.pageHide();
    expect(hidden.of('session_end')[0]?.body.reason).toBe('pagehide');
    expect(flush).toHaveBeenCalledWith('pagehide');
  });

  it('records a join that fails, or is abandoned, as a session that ended before video start', async () => {
    const failing = collectorFixture();
    failing.provider.failNext('join', new LiveroomError('CONNECTION_FAILED', 'unreachable'));
    await expect(join(failing)).rejects.toThrow(/unreachable/);
    expect(failing.of('session_start')[0]).toMatchObject({ roomId: 'room-a', userId: 'u_1', role: 'audience' });
    expect(failing.of('session_end')[0]?.body).toMatchObject({ reason: 'error', videoStarted: false });

    const env = new FakeEnvironment();
    const room = createRoom({ provider: new FakeProvider({ hangOnJoin: true }), autoSubscribe: false });
    const events: TelemetryEvent[] = [];
    createQualityCollector(room, { environment: env, sinks: [createCallbackSink((e) => events.push(e))] });
    const joining = room.join({ roomId: 'room-a', role: 'audience', userId: 'u_1' }).catch((error) => error);
    env.advance(1500);
    await room.leave();
    expect(await joining).toMatchObject({ code: 'OPERATION_ABORTED' });
    expect(events.map((e) => e.type)).toEqual(['session_start', 'session_end']);
    expect(events.at(-1)?.body).toMatchObject({
      reason: 'leave',
      dwellMs: 1500,
      videoStarted: false,
      exitBeforeVideoStart: true,
    });
  });

  it('flags an exit before video start after trying for 1 s, but not a quicker exit', async () => {
    const patient = collectorFixture();
    await join(patient);
    patient.env.advance(2_000);
    await patient.room.leave();
    expect(patient.of('session_end')[0]?.body).toMatchObject({ videoStarted: false, exitBeforeVideoStart: true });

    const quick = collectorFixture();
    await join(quick);
    quick.env.advance(400);
    await quick.room.leave();
    expect(quick.of('session_end')[0]?.body.exitBeforeVideoStart).toBe(false);
  });
});

describe('createQualityCollector: stalls and pauses', () => {
  it('sees a stall live, then reports its duration and the exit context', async () => {
    const f = collectorFixture();
    await join(f);
    const video = f.attachVideo('host-1');
    f.env.play(video, 2000);
    f.env.advance(1000);
    expect(f.of('stall_start')).toHaveLength(1);
    expect(f.of('stall_end')).toHaveLength(0);
    f.env.play(video, 1000);
    expect(f.of('stall_end')[0]?.body.durationMs).toBeCloseTo(1033, -1);
    f.env.advance(500);
    await f.room.leave();
    const end = f.of('session_end')[0]?.body;
    expect(end?.total).toMatchObject({ stallCount: 1, stallsOver500Count: 1 });
    expect(end?.stalledAtExit).toBe(false);
    expect(end?.msSinceLastStall).toBeGreaterThanOrEqual(1400);
    expect(end?.total.stalledMs).toBeGreaterThan(0);
    expect(end?.total.watchMs).toBe((end?.total.playingMs ?? 0) + (end?.total.stalledMs ?? 0));
  });

  it('marks the stall_end of a withdrawn live stall, which no counter counts, and only that one', async () => {
    const f = collectorFixture();
    await join(f);
    const video = f.attachVideo('host-1');
    f.env.play(video, 2000);
    const lastFrameMs = f.env.time;
    f.env.advance(1000);
    expect(f.of('stall_start')).toHaveLength(1);
    // The next frame was on screen 100 ms after the last: its late callback withdraws the stall.
    f.env.lateFrame(video, lastFrameMs + 100);
    // Frames stop again after it, then resume: a real stall.
    f.env.play(video, 1000);
    await f.room.leave();
    const ends = f.of('stall_end').map((e) => e.body);
    expect(ends).toHaveLength(2);
    expect(ends[0]).toMatchObject({ durationMs: 100, withdrawn: true });
    expect(ends[1]).not.toHaveProperty('withdrawn');
    expect(ends[1]?.durationMs).toBeGreaterThan(800);
    expect(f.of('session_end')[0]?.body.total).toMatchObject({ stallCount: 1, stallMs: ends[1]?.durationMs });
  });

  it('leaves no trace of a withdrawn stall in the counters: its time was playing, even across a heartbeat', async () => {
    // Frames at 30 fps until 2.7 s; the tick (and heartbeat) at 3 s sees a 300 ms wait, past the
    // threshold (about 188 ms) plus the live margin. The next frame was on screen 170 ms after the
    // last one; on time (`onTime`) or through a callback that runs only after that tick.
    const run = async (onTime: boolean) => {
      const f = collectorFixture({ heartbeatMs: 1000 });
      await join(f);
      const video = f.attachVideo('host-1');
      f.env.play(video, 2700);
      const lastFrameMs = f.env.time;
      if (onTime) {
        f.env.advance(170);
        f.env.lateFrame(video, f.env.time);
        f.env.advance(130);
      } else {
        f.env.advance(300);
        f.env.lateFrame(video, lastFrameMs + 170);
      }
      f.env.play(video, 1000);
      await f.room.leave();
      return f;
    };
    const withdrawn = await run(false);
    expect(withdrawn.of('stall_end').map((e) => e.body)).toEqual([
      expect.objectContaining({ durationMs: 170, withdrawn: true }),
    ]);
    const total = withdrawn.of('session_end')[0]?.body.total;
    expect(total).toMatchObject({ stallCount: 0, stallMs: 0, stalledMs: 0 });
    expect(total?.watchMs).toBe(total?.playingMs);
    expect(withdrawn.of('session_end')[0]?.body).not.toHaveProperty('msSinceLastStall');
    expect(total).toEqual((await run(true)).of('session_end')[0]?.body.total);
    // The heartbeat sent while the stall was open did not count its time either.
    for (const sample of withdrawn.of('quality_sample')) {
      expect(sample.body.delta).toMatchObject({ stallCount: 0, stalledMs: 0 });
    }
  });

  it("keeps a withdrawn live stall's time playing when another video counts a stall before the verdict", async () => {
    // Two videos at 30 fps. At the 3 s tick video A has waited 300 ms: a live stall, its time held.
    // Video B then has a 400 ms gap, counted when its frame comes (no tick saw it). Only after
    // that does A's late callback withdraw A's stall: A's held time was playing, whatever B did.
    const run = async (gapInB: boolean) => {
      const f = collectorFixture({ heartbeatMs: 1000 });
      await join(f);
      const a = f.attachVideo('host-a');
      const b = f.attachVideo('host-b');
      const frame = (elements: object[]) => {
        f.env.advance(1000 / 30);
        for (const element of elements) f.env.lateFrame(element, f.env.time);
      };
      for (let i = 0; i < 81; i += 1) frame([a, b]); // until 2.7 s
      const lastFrameOfA = f.env.time;
      for (let i = 0; i < 12; i += 1) frame([b]); // until 3.1 s; the 3 s tick sees A's wait
      expect(f.of('stall_start')).toHaveLength(1);
      if (gapInB) f.env.advance(400);
      frame([b]);
      // A's frames were on screen from 170 ms after its last one; their callbacks all run now.
      for (let t = lastFrameOfA + 170; t < f.env.time; t += 1000 / 30) f.env.lateFrame(a, t);
      for (let i = 0; i < 20; i += 1) frame([a, b]);
      await f.room.leave();
      return f;
    };
    const withGap = await run(true);
    expect(withGap.of('stall_end').map((e) => e.body)).toEqual([
      expect.objectContaining({ participantId: 'host-b', durationMs: 433 }),
      expect.objectContaining({ participantId: 'host-a', durationMs: 170, withdrawn: true }),
    ]);
    const total = withGap.of('session_end')[0]?.body.total;
    expect(total).toMatchObject({ stallCount: 1 });
    expect(total?.stalledMs).toBe((await run(false)).of('session_end')[0]?.body.total.stalledMs);
  });

  it('reports a stall still under way at exit', async () => {
    const f = collectorFixture();
    await join(f);
    const video = f.attachVideo('host-1');
    f.env.play(video, 2000);
    f.env.advance(3000);
    await f.room.leave();
    expect(f.of('session_end')[0]?.body).toMatchObject({ stalledAtExit: true, source: 'rvfc' });
  });

  it('calls a gap while the publisher is muted a pause, kept out of watch time (decision 8)', async () => {
    const f = collectorFixture();
    await join(f);
    f.provider.remoteJoin('host-1');
    const video = f.attachVideo('host-1');
    f.env.play(video, 2000);
    f.provider.events.emit('track-muted', 'host-1', 'video');
    f.env.advance(3000);
    f.provider.events.emit('track-unmuted', 'host-1', 'video');
    f.env.play(video, 1000);
    await f.room.leave();
    const total = f.of('session_end')[0]?.body.total;
    expect(f.of('stall_start')).toHaveLength(0);
    expect(total).toMatchObject({ stallCount: 0, pauseCount: 1 });
    expect(total?.pausedMs).toBeCloseTo(3000, -2);
    expect(total?.watchMs).toBeCloseTo(3000, -2);
  });

  it('counts a 10 s outage of an unmuted publisher as one long stall, not a pause (decision 8)', async () => {
    const f = collectorFixture();
    await join(f);
    const video = f.attachVideo('host-1');
    f.env.play(video, 2000);
    f.env.advance(10_000);
    f.env.play(video, 1000);
    await f.room.leave();
    expect(f.of('session_end')[0]?.body.total).toMatchObject({ stallCount: 1, pauseCount: 0 });
  });

  it('suspends detection while the page is hidden (decision 9)', async () => {
    const f = collectorFixture();
    await join(f);
    const video = f.attachVideo('host-1');
    f.env.play(video, 2000);
    f.env.hide();
    f.env.advance(5000);
    f.env.show();
    f.env.play(video, 1000);
    await f.room.leave();
    const total = f.of('session_end')[0]?.body.total;
    expect(total?.stallCount).toBe(0);
    expect(total?.backgroundMs).toBe(5000);
    expect(total?.watchMs).toBeCloseTo(3000, -2);
  });

  it('falls back to frame counters from getStats() without frame callbacks', async () => {
    const f = collectorFixture();
    f.env.frameCallbacks = false;
    const video = (framesDecoded: number) => ({
      remoteAudio: [],
      remoteVideo: [{ participantId: 'host-1', source: 'webrtc-stats' as const, framesDecoded }],
    });
    f.scriptStats([video(0), video(30), video(60), video(60), video(60), video(90), video(120)]);
    await join(f);
    f.attachVideo('host-1');
    for (let i = 0; i < 8; i += 1) {
      f.env.advance(1000);
      await vi.waitFor(() => undefined);
      await Promise.resolve();
    }
    await f.room.leave();
    expect(f.of('first_frame')[0]?.body.source).toBe('frame-counters');
    expect(f.of('stall_end').map((e) => e.body.durationMs)).toEqual([2000]);
    expect(f.of('session_end')[0]?.body).toMatchObject({ source: 'frame-counters', total: { stallCount: 1 } });
  });
});

describe('createQualityCollector: heartbeats and resolution', () => {
  it('sends heartbeats whose deltas add up to the totals', async () => {
    const f = collectorFixture({ heartbeatMs: 5000 });
    await join(f);
    const video = f.attachVideo('host-1');
    f.env.play(video, 12_000);
    f.env.advance(1000);
    f.env.play(video, 10_000);
    const samples = f.of('quality_sample');
    expect(samples.length).toBeGreaterThanOrEqual(4);
    const last = samples.at(-1);
    const summed = samples.reduce((sum, s) => sum + s.body.delta.watchMs, 0);
    expect(summed).toBe(last?.body.total.watchMs);
    expect(samples[1]?.body.fps).toBeCloseTo(30, 0);
    expect(samples[1]?.body).toMatchObject({ intervalMs: 5000, source: 'rvfc' });
  });

  it('polls getStats() every tick only while a video needs stats; with frame callbacks, once per heartbeat', async () => {
    const f = collectorFixture({ heartbeatMs: 5000 });
    let polls = 0;
    f.provider.getStats = async () => {
      polls += 1;
      return {
        timestamp: f.env.time,
        remoteAudio: [],
        remoteVideo: [{ participantId: 'host-1', source: 'webrtc-stats' }],
      };
    };
    await join(f);
    const video = f.attachVideo('host-1');
    const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
    for (let second = 0; second < 20; second += 1) {
      f.env.play(video, 1000); // a tick a second: the first finds every video on frame callbacks
      await settle();
    }
    expect(polls).toBe(1 + 4); // then one poll before each of the 4 heartbeats
    const samples = f.of('quality_sample');
    expect(samples).toHaveLength(4);
    f.env.frameCallbacks = false;
    f.attachVideo('host-2'); // no frame callbacks: stats-based detection needs every tick
    f.provider.getStats = async () => {
      polls += 1;
      return {
        timestamp: f.env.time,
        remoteAudio: [],
        remoteVideo: [{ participantId: 'host-2', source: 'webrtc-stats', framesDecoded: polls * 30 }],
      };
    };
    polls = 0;
    for (let second = 0; second < 5; second += 1) {
      f.env.advance(1000);
      await settle();
    }
    expect(polls).toBe(5);
  });

  it('reports resolution switches and time at each tier by short side', async () => {
    const f = collectorFixture();
    await join(f);
    const video = f.attachVideo('host-1');
    f.env.play(video, 3000, 30, { width: 720, height: 1280 });
    f.env.play(video, 1000, 30, { width: 360, height: 640 });
    await f.room.leave();
    expect(f.of('resolution_change').map((e) => e.body.direction)).toEqual(['down']);
    const total = f.of('session_end')[0]?.body.total;
    expect(total).toMatchObject({ switchesDown: 1, switchesUp: 0 });
    expect(total?.tierMs.p720).toBeGreaterThan(2500);
    expect(total?.hdShare).toBeGreaterThan(0.6);
  });
});

describe('createQualityCollector: options, sampling and emitters', () => {
  it('rejects bad options and oversized context with INVALID_CONFIG naming the field', () => {
    const bad = () => collectorFixture({ heartbeatMs: 10 });
    expect(bad).toThrow(/heartbeatMs must be at least 1000/);
    try {
      collectorFixture({ context: { custom: Object.fromEntries([...Array(12)].map((_, i) => [`k${i}`, i])) } });
      expect.unreachable();
    } catch (error) {
      expect(isLiveroomError(error, 'INVALID_CONFIG')).toBe(true);
      expect((error as Error).message).toMatch(/context\.custom.*too large/s);
    }
    expect(() => collectorFixture({ context: { page: 'jane@example.com' } })).toThrow(/context\.page/);
    expect(() => collectorFixture({ tickMs: 500.5 })).toThrow(/tickMs must be a whole number/);
    expect(() => collectorFixture({ debug: 'yes' as never })).toThrow(/debug must be true, false or a function/);
    expect(() => collectorFixture({ sinks: [{} as never] })).toThrow(/write\(event\) method/);
  });

  it('takes the default of an option passed as undefined', async () => {
    const f = collectorFixture({ heartbeatMs: undefined, enabled: undefined } as never);
    await join(f);
    expect(f.of('session_start')[0]?.body.heartbeatMs).toBe(10_000);
  });

  it('keeps or drops whole sessions by sampleRate', async () => {
    const dropped = collectorFixture({ sampleRate: 0.3 });
    dropped.env.randomValue = 0.5;
    await join(dropped);
    dropped.collector.emit('pk_start', { battleId: 'pk-1' });
    await dropped.room.leave();
    expect(dropped.events).toEqual([]);
    expect(dropped.collector.sessionId).toBeUndefined();
  });

  it('records events emitted through the TelemetryEmitter as valid events of the session', async () => {
    const f = collectorFixture();
    await join(f);
    for (const type of ['pk_start', 'pk_end', 'layout_change'] as const) {
      const { body } = exampleEvent(type);
      f.collector.emit(type, body);
      const [event] = f.of(type);
      expect(event?.body).toEqual(body);
      expect(event?.body).not.toBe(body);
      expect(event?.sessionId).toBe(f.collector.sessionId);
      expect(safeParseTelemetryEvent(event)).toMatchObject({ success: true });
    }
    expect(() => f.collector.emit('stall_end' as never, {} as never)).toThrow(/records other types itself/);
    expect(() => f.collector.emit('pk_start', null as never)).toThrow(/object body/);
  });

  it('turns a throwing sink into an error event without throwing into the room', async () => {
    const f = collectorFixture({
      sinks: [
        {
          name: 'broken',
          write: () => {
            throw new Error('disk full');
          },
        },
      ],
    });
    await join(f);
    expect(f.of('error')[0]?.body).toMatchObject({ origin: 'sink', code: 'SINK_WRITE_FAILED', fatal: false });
    expect(f.of('error')[0]?.body.message).toMatch(/broken sink: disk full/);
  });

  it('reports a sink whose writes reject once per event, never the reports of its own failures (which would loop)', async () => {
    let writes = 0;
    const f = collectorFixture({
      sinks: [
        createCallbackSink(async () => {
          writes += 1;
          if (writes < 100) throw new Error('offline'); // bounded, so that a loop ends
        }),
      ],
    });
    await join(f);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const failed = f.events.filter((e) => e.type !== 'error');
    expect(failed.length).toBeGreaterThan(0);
    expect(f.of('error')).toHaveLength(failed.length);
    expect(f.of('error')[0]?.body).toMatchObject({ origin: 'sink', code: 'SINK_WRITE_FAILED', fatal: false });
    expect(f.of('error')[0]?.body.message).toMatch(/callback sink: offline/);
  });

  it('logs every event when debug is on', async () => {
    const f = collectorFixture({ debug: true });
    await join(f);
    expect(f.env.logged).toHaveLength(f.events.length);
  });
});

describe('measurement sources', () => {
  it('sort by name in rank order, as the session tracker compares them (frame counters < provider stats < rvfc)', () => {
    expect([...measurementSourceSchema.options].sort()).toEqual(['frame-counters', 'provider-stats', 'rvfc']);
  });
});
