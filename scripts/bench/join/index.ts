/**
 * Join bench for the local provider: the median time from `room.join()` (as
 * audience) to the first remote frame rendered (`requestVideoFrameCallback`),
 * next to the median for two bare `RTCPeerConnection`s on loopback measured in
 * the same run, and their ratio (target ≤ 1.5×). Prints figures, asserts
 * nothing: speed belongs here, not in tests (the machine is shared).
 *
 * Run: `pnpm exec tsx scripts/bench/join/index.ts [--runs 12]`
 */
import { parseArgs } from 'node:util';
import { startHarness } from '../../testing/harness.ts';
import { startSignallingProcess } from './signalling-process.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '12' } } });
const runs = Math.max(10, Number(values.runs) || 12);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const h = await startHarness();
const signalling = await startSignallingProcess();
try {
  const host = await h.newPage();
  const viewer = await h.newPage();
  const bare = await h.newPage('bare-pc.html');
  for (const page of [host, viewer]) {
    await page.evaluate((signallingUrl) => window.lr.start({ signallingUrl }), signalling.url);
  }
  await host.evaluate(() => window.lr.join({ roomId: 'bench', role: 'host', userId: 'host' }));
  await host.evaluate(() => window.lr.publishCamera({ width: 640, height: 480 }));

  const sdk: number[] = [];
  const baseline: number[] = [];
  // Interleaved, so drift in machine load hits both series alike.
  for (let i = 0; i < runs; i++) {
    // One evaluate per join: no polling traffic while the join is timed.
    const firstFrameMs = await viewer.evaluate(async () => {
      const firstFrame = window.lr.firstFrame('host');
      await window.lr.join({ roomId: 'bench', role: 'audience', userId: 'viewer' });
      return firstFrame;
    });
    sdk.push(firstFrameMs);
    await viewer.evaluate(() => window.lr.leave());
    baseline.push(await bare.evaluate(() => window.barePc.firstFrameMs()));
  }

  const sdkMedian = median(sdk);
  const bareMedian = median(baseline);
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(`join → first frame, ${runs} runs each (interleaved; signalling in its own process)`);
  console.log(
    `  local provider (room.join as audience): median ${fmt(sdkMedian)}  [${sdk.map((v) => v.toFixed(0)).join(', ')}]`,
  );
  console.log(
    `  bare RTCPeerConnection pair:            median ${fmt(bareMedian)}  [${baseline.map((v) => v.toFixed(0)).join(', ')}]`,
  );
  console.log(`  ratio: ${(sdkMedian / bareMedian).toFixed(2)}× (target ≤ 1.5×)`);
} finally {
  signalling.stop();
  await h.close();
}
