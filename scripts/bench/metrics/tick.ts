/**
 * Main-thread cost of the quality collector with 9 remote videos, in real
 * Chromium over the local provider. One viewer page receives 9 publishers
 * (small cameras, so 2 cores can carry the mesh) and alternates two phases of
 * equal length, several rounds each, under Chromium's CPU profiler (CDP,
 * 100 µs sampling):
 *
 * 1. bare stats: `room.getStats()` once a second, what any stats-based
 *    monitor pays per 1 s tick (the baseline);
 * 2. collector: `createQualityCollector` with a 1 s tick: its stats polling,
 *    stats processing, live stall checks, and 9 videos' frame callbacks. Its
 *    sink is a callback that counts events, as cheap as an app's, so no test
 *    bookkeeping (keeping events, rxjs) runs under the collector's stack.
 *
 * Alternating short phases (A B A B …) instead of one long phase each keeps a
 * change of load on the shared machine from landing on one side only.
 *
 * Attribution, the same for both phases: a sample is the collector's when a
 * frame of `packages/metrics/src/` is on its stack; it is getStats()'s when a
 * `getStats` frame or the provider's stats mapping (`webrtc-stats.ts`, where
 * the awaited report continuations run) is. A sample's weight is the shorter
 * of the times to the samples before and after it, capped at
 * {@link MAX_SAMPLE_MS}: a longer delta is idle time or the thread waiting for
 * a core (2 shared cores), not work. Weighting by the time to the next sample
 * alone (as this bench once did) charged that wait to the last code to run
 * before it: the end of every getStats() continuation and every frame
 * callback's `requestVideoFrameCallback()` re-registration.
 *
 * Prints main-thread ms per tick for each phase, the ratio collector / bare
 * stats, and where the collector's own time goes (self time by function).
 * No assertions: on a shared machine, read the ratio.
 *
 * Run: `pnpm exec tsx scripts/bench/metrics/tick.ts [seconds per phase, default 8] [rounds, default 3]`.
 * `BENCH_PROFILE_DIR=dir` saves each phase's `.cpuprofile`; `--from dir`
 * attributes saved profiles again without running Chromium.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startHarness } from '../../testing/harness.ts';

const PUBLISHERS = 9;
const PHASE_S = Number(process.argv[2] ?? 8);
const ROUNDS = Number(process.argv[3] ?? 3);
const SAMPLING_US = 100;
/** A sample stands for at most this much work; longer deltas are time off the CPU. */
const MAX_SAMPLE_MS = 1;
const fixtures = fileURLToPath(new URL('../../../packages/metrics/test/fixtures/', import.meta.url));

type Owner = 'collector' | 'stats' | 'other';

/** The part of a CDP `Profiler.Profile` read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Main-thread ms per second of profile, by owner, and the collector's self time by function. */
function attribute(profile: CpuProfile) {
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const owner = (id: number): Owner => {
    let stats = false;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame?.url.includes('/packages/metrics/src/')) return 'collector';
      if (frame?.functionName === 'getStats' || frame?.url.includes('webrtc-stats')) stats = true;
    }
    return stats ? 'stats' : 'other';
  };
  const ms: Record<Owner, number> = { collector: 0, stats: 0, other: 0 };
  const samples: Record<Owner, number> = { collector: 0, stats: 0, other: 0 };
  const self = new Map<string, number>();
  let rvfc = 0;
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const weight = Math.min(MAX_SAMPLE_MS, (deltas[i] ?? 0) / 1_000, (deltas[i + 1] ?? 0) / 1_000);
    const who = owner(id);
    ms[who] += weight;
    samples[who] += 1;
    if (who !== 'collector') return;
    const frame = byId.get(id);
    if (frame?.functionName === 'requestVideoFrameCallback' && !frame.url) rvfc += weight;
    const name = `${frame?.functionName || '(anonymous)'} ${frame?.url.replace(/.*\/packages\//, '').replace(/\?.*/, '') ?? ''}:${(frame?.lineNumber ?? 0) + 1}`;
    self.set(name, (self.get(name) ?? 0) + weight);
  });
  return { collector: ms.collector / seconds, stats: ms.stats / seconds, rvfc: rvfc / seconds, self, samples, seconds };
}

type Attributed = ReturnType<typeof attribute>;

/** Prints the phases' figures and the collector's self time. */
function report(bare: Attributed[], collector: Attributed[]): void {
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const bareStats = mean(bare.map((p) => p.stats));
  const own = mean(collector.map((p) => p.collector));
  const itsStats = mean(collector.map((p) => p.stats));
  const seconds = collector.reduce((sum, p) => sum + p.seconds, 0);
  console.log(`per 1 s tick, ${PUBLISHERS} remote videos, ${collector.length} rounds of each phase:`);
  console.log(`  bare getStats():             ${bareStats.toFixed(3)} ms main-thread script`);
  console.log(
    `  quality collector:           ${(own + itsStats).toFixed(3)} ms (its own code ${own.toFixed(3)} ms + its getStats() ${itsStats.toFixed(3)} ms)`,
  );
  console.log(
    `  per round (collector / bare): ${collector.map((c, i) => ((c.collector + c.stats) / Math.max(bare[i]?.stats ?? 0, 1e-3)).toFixed(2)).join(' ')}`,
  );
  const count = (phases: Attributed[], who: Owner) => phases.reduce((n, p) => n + p.samples[who], 0);
  console.log(
    `  profile samples (a starved sampler makes these few; read the ratios with them): bare getStats ${count(bare, 'stats')}, collector own ${count(collector, 'collector')} + getStats ${count(collector, 'stats')}`,
  );
  // The browser's side of re-registering each video's frame callback: the price of per-frame render
  // times (DESIGN.md "Stall"), paid by any rVFC-based detector, shown apart from the JS we run.
  const rvfc = collector.reduce((sum, p) => sum + p.rvfc, 0) / collector.length;
  console.log(`  of its own code, native requestVideoFrameCallback() re-registration: ${rvfc.toFixed(3)} ms`);
  console.log(`  own JS without it / bare getStats(): ${((own - rvfc) / Math.max(bareStats, 1e-3)).toFixed(2)}×`);
  console.log(`  own code / bare getStats():   ${(own / Math.max(bareStats, 1e-3)).toFixed(2)}×`);
  console.log(`  collector / bare getStats():  ${((own + itsStats) / Math.max(bareStats, 1e-3)).toFixed(2)}×`);
  console.log(
    `  collector without the native re-registration / bare getStats(): ${((own - rvfc + itsStats) / Math.max(bareStats, 1e-3)).toFixed(2)}×`,
  );
  const self = new Map<string, number>();
  for (const p of collector) for (const [name, ms] of p.self) self.set(name, (self.get(name) ?? 0) + ms);
  console.log('  collector self time, ms per tick:');
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`    ${(ms / seconds).toFixed(3).padStart(7)}  ${name}`);
  }
}

async function run(): Promise<void> {
  const h = await startHarness({ fixturesDir: fixtures });
  try {
    // Under heavy load the first page can outlast the harness's 30 s navigation
    // timeout while Vite transforms the fixture; a second try finds it warm.
    const newPage = () => h.newPage('metrics-room.html').catch(() => h.newPage('metrics-room.html'));
    const open = async (autoSubscribe: boolean) => {
      const page = await newPage();
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
      { timeout: 180_000, polling: 500 },
    );

    const cdp = await viewer.context().newCDPSession(viewer);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    const profile = async (name: string) => {
      await cdp.send('Profiler.start');
      await viewer.waitForTimeout(PHASE_S * 1_000);
      const { profile } = await cdp.send('Profiler.stop');
      if (process.env.BENCH_PROFILE_DIR) {
        writeFileSync(`${process.env.BENCH_PROFILE_DIR}/${name}.cpuprofile`, JSON.stringify(profile));
      }
      return attribute(profile);
    };

    const bare: Attributed[] = [];
    const collector: Attributed[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await viewer.evaluate(() => window.lrm.pollStats(1_000));
      await viewer.waitForTimeout(1_000);
      bare.push(await profile(`bare-${round}`));
      await viewer.evaluate(() => window.lrm.pollStats(0));
      await viewer.evaluate(() => window.lrm.collect({ tickMs: 1_000, heartbeatMs: 10_000 }));
      await viewer.waitForTimeout(1_000);
      collector.push(await profile(`collector-${round}`));
      await viewer.evaluate(() => window.lrm.stopCollecting());
    }

    report(bare, collector);
    const counted = await viewer.evaluate(() => window.lrm.countedEvents());
    console.log(`  events the collector phases sent to their counting sink: ${counted}`);
  } finally {
    await h.close();
  }
}

const from = process.argv.indexOf('--from');
if (from > 0) {
  const dir = process.argv[from + 1] ?? '.';
  const load = (prefix: string) =>
    readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && f.endsWith('.cpuprofile'))
      .map((f) => attribute(JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as CpuProfile));
  report(load('bare-'), load('collector-'));
} else {
  await run();
}
