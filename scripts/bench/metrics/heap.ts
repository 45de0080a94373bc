/**
 * Heap growth of the quality collector over two simulated hours: one remote
 * video at 30 fps with a 1 s stall every minute, ticks every second,
 * heartbeats every 10 s, events into a sink that drops them. Printed beside
 * a baseline from the same run: the heap growth of the same two hours of
 * frames fed to a bare `StallDetector` (no collector, no events).
 *
 * Run: `node --expose-gc --import tsx scripts/bench/metrics/heap.ts`
 */
import { createRoom, RemoteTrack } from '@liveroom/core';
import { FakeProvider } from '@liveroom/core/testing';
import { createQualityCollector, StallDetector } from '@liveroom/metrics';
import { FakeEnvironment } from '../../../packages/metrics/src/test/fake-environment.ts';

const HOURS = 2;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc (see the header).');

function heapMb(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function collectorRun(): Promise<{ growthMb: number; events: number }> {
  const env = new FakeEnvironment();
  const provider = new FakeProvider();
  // The fake records every call; answer stats without recording, so only the collector's heap shows.
  provider.getStats = async () => ({ timestamp: env.time, remoteVideo: [], remoteAudio: [] });
  const room = createRoom({ provider, autoSubscribe: false });
  let events = 0;
  createQualityCollector(room, { environment: env, sinks: [{ name: 'count', write: () => void events++ }] });
  await room.join({ roomId: 'bench', role: 'audience', userId: 'viewer' });
  const element = {} as HTMLMediaElement;
  room.emit(
    'track-attached',
    new RemoteTrack('host', 'video', {} as MediaStreamTrack, {
      attached() {},
      detached() {},
      playbackBlocked() {},
    }),
    element,
  );
  env.play(element, 60_000);
  const before = heapMb();
  for (let minute = 1; minute < HOURS * 60; minute += 1) {
    env.advance(1_000);
    env.play(element, 59_000);
    await new Promise((resolve) => setImmediate(resolve)); // let the ticks' getStats() promises settle, as a page would
  }
  const growthMb = heapMb() - before;
  await room.leave();
  return { growthMb, events };
}

function detectorRun(): number {
  const detector = new StallDetector();
  const step = 1000 / 30;
  let t = 0;
  for (let i = 0; i < 1_800; i += 1) {
    t += step;
    detector.addFrame(t);
  }
  const before = heapMb();
  for (let minute = 1; minute < HOURS * 60; minute += 1) {
    t += 1_000;
    for (let i = 0; i < 1_770; i += 1) {
      t += step;
      detector.addFrame(t);
    }
  }
  return heapMb() - before;
}

const baseline = detectorRun();
const { growthMb, events } = await collectorRun();
console.log(`simulated ${HOURS} h: ${HOURS * 3600 * 30} frames, ${events} events`);
console.log(`heap growth, collector:        ${growthMb.toFixed(3)} MB`);
console.log(`heap growth, bare detector:    ${baseline.toFixed(3)} MB (baseline)`);
console.log(`difference: ${(growthMb - baseline).toFixed(3)} MB over ${HOURS} h`);
