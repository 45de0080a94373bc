/**
 * Bundle sizes, measured with one bundler (esbuild, minified, ESM, browser) in one run:
 * - each of core, metrics and hooks with everything they export and their
 *   dependencies (zod/mini, rxjs, eventemitter3), and the three together,
 *   excluding only the provider SDK and React (DESIGN.md decision 23);
 * - what a typical live-commerce page imports from the three (for comparison);
 * - an app that imports only the local provider, checked to contain no Agora code;
 * - the anchors: livekit-client, @livekit/components-react and agora-rtc-react.
 *
 * `--check` exits non-zero when core + metrics + hooks exceed the budget or
 * Agora leaks into a local-only app; with `--budget=warn` an overrun is
 * printed but does not fail (an Agora leak still does).
 *
 * Run: pnpm exec tsx scripts/bench/bundle/index.ts [--check [--budget=warn]]
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from '../../testing/aliases.ts';

const BUDGET_BYTES = 30 * 1024;
const PROVIDER_SDKS = ['agora-rtc-sdk-ng', 'livekit-client'];
const FRAMEWORKS = ['react', 'react-dom', 'react/jsx-runtime'];

interface Measured {
  name: string;
  minified: number;
  gzip: number;
  code: string;
}

async function measure(name: string, contents: string, external: string[]): Promise<Measured> {
  const result = await build({
    stdin: { contents, resolveDir: repoRoot, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external,
    tsconfig: `${repoRoot}tsconfig.base.json`,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const code = result.outputFiles.map((f) => f.text).join('\n');
  return { name, minified: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, code };
}

const everything = (specifier: string) => `export * from '${specifier}';`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const external = [...PROVIDER_SDKS, ...FRAMEWORKS];
const ours = await Promise.all([
  measure('@liveroom/core', everything('@liveroom/core'), external),
  measure('@liveroom/metrics', everything('@liveroom/metrics'), external),
  measure('@liveroom/hooks', everything('@liveroom/hooks'), external),
]);
const together = await measure(
  'core + metrics + hooks',
  ['@liveroom/core', '@liveroom/metrics', '@liveroom/hooks'].map(everything).join('\n'),
  external,
);
const localApp = await measure(
  'app on the local provider',
  `import { createRoom } from '@liveroom/core';
   import { createLocalProvider } from '@liveroom/core/local';
   export const room = createRoom({ provider: createLocalProvider({ signallingUrl: 'ws://127.0.0.1:8787' }) });`,
  FRAMEWORKS,
);
const anchors = await Promise.all([
  measure('livekit-client', everything('livekit-client'), FRAMEWORKS),
  measure('@livekit/components-react (without livekit-client)', everything('@livekit/components-react'), external),
  measure('agora-rtc-react (without agora-rtc-sdk-ng)', everything('agora-rtc-react'), external),
]);

// What a live-commerce page typically imports, for comparison with the
// everything-exported worst case the budget holds (not itself budgeted).
const typicalApp = await measure(
  'typical app: room, collector + HTTP sink, stage, PK, spectator',
  `export { createRoom } from '@liveroom/core';
   export { createQualityCollector, createHttpBatchSink } from '@liveroom/metrics';
   export { createLayoutStore, createBattleStore, createRoomDataPkTransport, broadcastBattle, createSpectatorStore, roomStores } from '@liveroom/hooks';`,
  external,
);
const agoraLeaks = /AgoraRTC|agora-rtc-sdk-ng/.test(localApp.code);
const rows = [...ours, together, typicalApp, localApp, ...anchors];
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'bundle'.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzip'.padStart(10)}  gzip vs budget`);
for (const row of rows) {
  console.log(
    `${row.name.padEnd(width)}  ${kb(row.minified).padStart(10)}  ${kb(row.gzip).padStart(10)}  ${(row.gzip / BUDGET_BYTES).toFixed(2)}×`,
  );
}
console.log(`\nbudget (core + metrics + hooks, gzip): ${kb(BUDGET_BYTES)}; used ${kb(together.gzip)}`);
console.log(`local-provider app contains Agora code: ${agoraLeaks ? 'YES' : 'no'}`);
const [livekit] = anchors;
if (livekit)
  console.log(`core + metrics + hooks / livekit-client (gzip): ${(together.gzip / livekit.gzip).toFixed(2)}×`);

const overBudget = together.gzip > BUDGET_BYTES;
if (overBudget) console.log(`OVER BUDGET by ${kb(together.gzip - BUDGET_BYTES)}`);
const budgetFails = overBudget && !process.argv.includes('--budget=warn');
if (process.argv.includes('--check') && (budgetFails || agoraLeaks)) {
  console.error(`bundle check failed: ${agoraLeaks ? 'Agora code in a local-only bundle' : 'over budget'}`);
  process.exit(1);
}
