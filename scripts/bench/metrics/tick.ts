/**
 * Main-thread cost of the quality collector with 9 remote videos, in real
 * Chromium over the local provider. One viewer page receives 9 publishers
 * (small cameras, so 2 cores can carry the mesh) and runs three phases of
 * two phases of equal length under Chromium's CPU profiler (CDP, 100 µs
 * sampling), attributing samples by stack:
 *
 * 1. bare stats: `room.getStats()` once a second, what any stats-based
 *    monitor pays per 1 s tick (the baseline);
 * 2. collector: `createQualityCollector` with a 1 s tick: its `getStats()`
 *    call, stats processing, live stall checks, and 9 videos' frame callbacks.
 *
 * Prints main-thread ms per tick for each and the ratio collector / bare
 * stats. No assertions: on a shared machine, read the ratio.
 *
 * Run: `pnpm exec tsx scripts/bench/metrics/tick.ts [seconds per phase, default 15]`
 */
import { fileURLToPath } from 'node:url';
import { startHarness } from '../../testing/harness.ts';

const PUBLISHERS = 9;
const PHASE_S = Number(process.argv[2] ?? 15);
const fixtures = fileURLToPath(new URL('../../../packages/metrics/test/fixtures/', import.meta.url));

const h = await startHarness({ fixturesDir: fixtures });
try {
  const open = async (autoSubscribe: boolean) => {
    const page = await h.newPage('metrics-room.html');
    await page.evaluate(
      ([url, subscribe]) => window.lrm.start({ signallingUrl: url, collect: false, autoSubscribe: subscribe }),
      [h.signallingUrl, autoSubscribe] as const,
    );
    return page;
  };
  const viewer = await open(true);
  await viewer.evaluate(() => window.lrm.join({ roomId: 'bench', role: 'audience', userId: 'viewer' }));
  for (let i = 0; i < PUBLISHERS; i += 1) {
    const publisher = await open(false);
    await publisher.evaluate((id) => window.lrm.join({ roomId: 'bench', role: 'cohost', userId: id }), `pub-${i}`);
    await publisher.evaluate(() => window.lrm.publishCamera({ width: 320, height: 180, frameRate: 15 }));
  }
  await viewer.waitForFunction(
    (n) => [...document.querySelectorAll('video')].filter((v) => v.videoWidth > 0).length >= n,
    PUBLISHERS,
    { timeout: 60_000, polling: 500 },
  );

  // Whole-page script time is dominated by the provider and the 9 players, and
  // swings with load on a shared machine; so profile the page and attribute
  // samples by stack instead: a sample is the collector's when a frame of its
  // source is on the stack, and getStats()'s when getStats() or the provider's
  // stats mapping is (with no collector frame).
  const cdp = await viewer.context().newCDPSession(viewer);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const profile = async (seconds: number) => {
    await cdp.send('Profiler.start');
    await viewer.waitForTimeout(seconds * 1_000);
    const { profile } = await cdp.send('Profiler.stop');
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
    const owner = (id: number): 'collector' | 'stats' | 'other' => {
      let stats = false;
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at);
        if (frame?.url.includes('/packages/metrics/src/')) return 'collector';
        if (frame?.functionName === 'getStats' || frame?.url.includes('webrtc-stats')) stats = true;
      }
      return stats ? 'stats' : 'other';
    };
    const ms = { collector: 0, stats: 0, other: 0 };
    const deltas = profile.timeDeltas ?? [];
    (profile.samples ?? []).forEach((id, i) => {
      ms[owner(id)] += (deltas[i + 1] ?? 0) / 1_000;
    });
    return { collector: ms.collector / seconds, stats: ms.stats / seconds };
  };

  await viewer.evaluate(() => window.lrm.pollStats(1_000));
  await viewer.waitForTimeout(1_000);
  const bare = await profile(PHASE_S);
  await viewer.evaluate(() => window.lrm.pollStats(0));
  await viewer.evaluate(() => window.lrm.collect({ tickMs: 1_000, heartbeatMs: 10_000 }));
  await viewer.waitForTimeout(1_000);
  const withCollector = await profile(PHASE_S);
  await viewer.evaluate(() => window.lrm.stopCollecting());

  const collectorTick = withCollector.collector + withCollector.stats;
  console.log(`per 1 s tick, ${PUBLISHERS} remote videos, ${PHASE_S} s per phase:`);
  console.log(`  bare getStats():            ${bare.stats.toFixed(3)} ms main-thread script`);
  console.log(
    `  quality collector:          ${collectorTick.toFixed(3)} ms (its own code ${withCollector.collector.toFixed(3)} ms + its getStats() ${withCollector.stats.toFixed(3)} ms)`,
  );
  console.log(`  collector / bare getStats(): ${(collectorTick / Math.max(bare.stats, 1e-3)).toFixed(2)}×`);
} finally {
  await h.close();
}
