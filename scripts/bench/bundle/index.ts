/**
 * Bundle sizes, measured with one bundler (esbuild, minified, ESM, browser) in one run:
 * - each of core, metrics and hooks with everything their main entries export and
 *   their dependencies (zod/mini, eventemitter3), and the three together: the
 *   budgeted figure, excluding only the provider SDK and React (DESIGN.md decision 23;
 *   rxjs is an optional peer of the opt-in `/rx` entries only, architecture decision 64);
 * - what a viewer page and a host page of a live-commerce app import (for comparison);
 * - every opt-in subpath entry (providers, React bindings, rxjs observables, test
 *   doubles, integrations), as its gzip cost on top of the three main entries together
 *   (with the `/rx` entries, rxjs itself);
 * - an app that imports only the local provider, checked to contain no Agora code;
 * - the anchors: livekit-client, @livekit/components-react and agora-rtc-react.
 *
 * `--check` exits non-zero when core + metrics + hooks exceed the budget or
 * Agora leaks into a local-only app.
 *
 * Run: pnpm exec tsx scripts/bench/bundle/index.ts [--check]
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from '../../testing/aliases.ts';

const BUDGET_BYTES = 30 * 1024;
const PROVIDER_SDKS = ['agora-rtc-sdk-ng', 'livekit-client'];
const FRAMEWORKS = ['react', 'react-dom', 'react/jsx-runtime'];
const BUDGETED = ['core', 'metrics', 'hooks'];

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

/** The subpath entries of a package's `exports` map (e.g. `@liveroom/core/local`), without `package.json`. */
function optInEntries(pkg: string): string[] {
  const manifest = JSON.parse(readFileSync(`${repoRoot}packages/${pkg}/package.json`, 'utf8')) as {
    exports: Record<string, unknown>;
  };
  return Object.keys(manifest.exports)
    .filter((key) => key !== '.' && key !== './package.json')
    .map((key) => `@liveroom/${pkg}${key.slice(1)}`);
}

const external = [...PROVIDER_SDKS, ...FRAMEWORKS];
const mainEntries = BUDGETED.map((pkg) => `@liveroom/${pkg}`);
const ours = await Promise.all(mainEntries.map((entry) => measure(entry, everything(entry), external)));
const togetherSource = mainEntries.map(everything).join('\n');
const together = await measure('core + metrics + hooks', togetherSource, external);

// What the two kinds of live-commerce page import, for comparison with the
// everything-exported figure the budget holds (not themselves budgeted).
const pages = await Promise.all([
  measure(
    'viewer page: room, collector + HTTP sink, stage, PK spectator',
    `export { createRoom } from '@liveroom/core';
     export { createQualityCollector, createHttpBatchSink, createIndexedDbQueueStore } from '@liveroom/metrics';
     export { createLayoutStore, createSpectatorStore, roomStores } from '@liveroom/hooks';`,
    external,
  ),
  measure(
    'host page: room, collector + HTTP sink, stage, PK battle',
    `export { createRoom } from '@liveroom/core';
     export { createQualityCollector, createHttpBatchSink, createIndexedDbQueueStore } from '@liveroom/metrics';
     export { createLayoutStore, createBattleStore, createRoomDataPkTransport, broadcastBattle, roomStores } from '@liveroom/hooks';`,
    external,
  ),
]);

// Each opt-in entry's cost on top of the three main entries: what an app pays to add it.
/** What an app pays to add `entries` to the three main entries. */
async function onTop(name: string, entries: string[]): Promise<Measured> {
  const added = entries.map((entry, i) => `export * as optIn${i} from '${entry}';`).join('\n');
  const withEntries = await measure(name, `${togetherSource}\n${added}`, external);
  return {
    ...withEntries,
    minified: withEntries.minified - together.minified,
    gzip: withEntries.gzip - together.gzip,
  };
}

// Each opt-in entry's cost on top of the three main entries; the /rx entries also together
// (what an app using rxjs pays, rxjs itself included).
const rxEntries = BUDGETED.flatMap(optInEntries).filter((entry) => entry.endsWith('/rx'));
const optIns = await Promise.all([
  ...BUDGETED.flatMap(optInEntries).map((entry) => onTop(`+ ${entry}`, [entry])),
  onTop(`+ ${rxEntries.join(' and ')} (rxjs apps)`, rxEntries),
]);

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

const agoraLeaks = /AgoraRTC|agora-rtc-sdk-ng/.test(localApp.code);
const sections: [string, Measured[]][] = [
  ['budgeted: main entries, everything exported', [...ours, together]],
  ['pages', pages],
  ['opt-in entries, on top of core + metrics + hooks (excluding the provider SDK and React)', optIns],
  ['local-only app and anchors', [localApp, ...anchors]],
];
const width = Math.max(...sections.flatMap(([, rows]) => rows.map((r) => r.name.length)));
console.log(`${'bundle'.padEnd(width)}  ${'minified'.padStart(10)}  ${'gzip'.padStart(10)}  gzip vs budget`);
for (const [title, rows] of sections) {
  console.log(`\n${title}`);
  for (const row of rows) {
    console.log(
      `${row.name.padEnd(width)}  ${kb(row.minified).padStart(10)}  ${kb(row.gzip).padStart(10)}  ${(row.gzip / BUDGET_BYTES).toFixed(2)}×`,
    );
  }
}
console.log(`\nbudget (core + metrics + hooks, gzip): ${kb(BUDGET_BYTES)}; used ${kb(together.gzip)}`);
console.log(`local-provider app contains Agora code: ${agoraLeaks ? 'YES' : 'no'}`);
const [livekit] = anchors;
if (livekit)
  console.log(`core + metrics + hooks / livekit-client (gzip): ${(together.gzip / livekit.gzip).toFixed(2)}×`);

const overBudget = together.gzip > BUDGET_BYTES;
console.log(
  overBudget
    ? `OVER BUDGET by ${together.gzip - BUDGET_BYTES} B`
    : `under budget by ${BUDGET_BYTES - together.gzip} B (${together.gzip} of ${BUDGET_BYTES} B gzip)`,
);
if (process.argv.includes('--check') && (overBudget || agoraLeaks)) {
  console.error(`bundle check failed: ${agoraLeaks ? 'Agora code in a local-only bundle' : 'over budget'}`);
  process.exit(1);
}
