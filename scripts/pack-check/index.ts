/**
 * Pack check: do the published tarballs work for someone outside this
 * workspace? Packs every published package with `pnpm pack` (which rewrites
 * `workspace:*` to real versions), installs the tarballs with npm into a
 * scratch app in a temporary folder (their dependencies come from the
 * registry), then:
 *  0. checks that no main entry imports an optional peer dependency (rxjs,
 *     the Agora SDK, React), which only opt-in entries may use;
 *  1. type-checks the app with `moduleResolution: bundler` and with `node16`
 *     (`skipLibCheck: false`, so our `.d.ts` files are checked too);
 *  2. bundles the browser part with esbuild, as an app's bundler would;
 *  3. runs the Node part (signalling + collector) for real.
 * Every step runs even when an earlier check failed, so one run shows all problems.
 *
 * Run after `pnpm build`: pnpm pack:check [--tarballs <dir>] [--keep]
 * (`--tarballs` reuses tarballs already packed by scripts/check-packages.sh).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { manifest, PUBLISHED, repoRoot } from './entries.ts';
import { optionalPeerImports } from './optional-peers.ts';

/** Peers and types an app adds itself (React for `/react`, the Agora SDK for `/agora`, rxjs for `/rx`). */
const APP_DEPENDENCIES = [
  'react@^19.0.0',
  'rxjs@^7.8.2',
  '@types/react@^19.0.0',
  '@types/node@^20.0.0',
  'agora-rtc-sdk-ng@^4.24.0',
];
const APP_FILES = ['browser.ts', 'server.ts'];
const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');

const failures: string[] = [];

/** Runs one step, prints its time, and records a failure instead of stopping. */
async function step(title: string, action: () => Promise<string | undefined> | string | undefined): Promise<boolean> {
  const started = performance.now();
  const problem = await action();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problem === undefined) {
    console.log(`✓ ${title} (${seconds} s)`);
    return true;
  }
  console.error(`✗ ${title} (${seconds} s)\n${problem.trimEnd()}`);
  failures.push(title);
  return false;
}

/** A command as a step action: undefined on success, its output on failure. */
function command(file: string, args: string[], cwd: string): () => string | undefined {
  return () => {
    const result = spawnSync(file, args, { cwd, encoding: 'utf8' });
    return result.status === 0 ? undefined : `${result.stdout}${result.stderr}${result.error?.message ?? ''}`;
  };
}

function tsconfig(module: 'preserve' | 'node16', moduleResolution: 'bundler' | 'node16'): string {
  const compilerOptions = {
    target: 'ES2022',
    module,
    moduleResolution,
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    types: ['node'],
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    skipLibCheck: false,
    noEmit: true,
  };
  return JSON.stringify({ compilerOptions, files: APP_FILES }, null, 2);
}

/** `@liveroom/<pkg>` → `file:<tarball>`; pnpm names tarballs `liveroom-core-0.1.0.tgz`. */
function tarballDependencies(tarballs: string): Record<string, string> {
  const files = readdirSync(tarballs);
  return Object.fromEntries(
    PUBLISHED.map((folder) => {
      const file = files.find((name) => name.startsWith(`liveroom-${folder}-`) && name.endsWith('.tgz'));
      if (file === undefined) throw new Error(`no tarball for @liveroom/${folder} in ${tarballs}`);
      return [manifest(folder).name, `file:${join(tarballs, file)}`];
    }),
  );
}

async function bundle(app: string, entry: string, platform: 'browser' | 'node'): Promise<string | undefined> {
  try {
    await build({
      absWorkingDir: app,
      entryPoints: [entry],
      outdir: 'out',
      bundle: true,
      format: 'esm',
      platform,
      minify: platform === 'browser',
      packages: platform === 'node' ? 'external' : 'bundle',
      logLevel: 'silent',
    });
    return undefined;
  } catch (error) {
    return String(error);
  }
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const given = process.argv.indexOf('--tarballs');
  const app = mkdtempSync(join(tmpdir(), 'liveroom-pack-check-'));
  console.log(`scratch app: ${app}`);
  try {
    await step('main entries import no optional peer dependency', optionalPeerImports);
    const tarballs = given === -1 ? join(app, 'tarballs') : (process.argv[given + 1] ?? '');
    if (given === -1) {
      for (const folder of PUBLISHED) {
        const cwd = join(repoRoot, 'packages', folder);
        await step(`pnpm pack @liveroom/${folder}`, command('pnpm', ['pack', '--pack-destination', tarballs], cwd));
      }
    }
    const dependencies = tarballDependencies(tarballs);
    for (const file of APP_FILES) copyFileSync(join(import.meta.dirname, 'app', file), join(app, file));
    // npm does not let a root `file:` dependency satisfy another tarball's `0.1.0` range, so overrides
    // point every @liveroom dependency at its tarball, as the registry would once they are published.
    const appManifest = {
      name: 'pack-check-app',
      private: true,
      type: 'module',
      dependencies,
      overrides: dependencies,
    };
    writeFileSync(join(app, 'package.json'), JSON.stringify(appManifest, null, 2));
    writeFileSync(join(app, 'tsconfig.bundler.json'), tsconfig('preserve', 'bundler'));
    writeFileSync(join(app, 'tsconfig.node16.json'), tsconfig('node16', 'node16'));

    const npmArgs = ['install', '--no-audit', '--no-fund', '--loglevel=error', ...APP_DEPENDENCIES];
    if (!(await step('npm install of the tarballs (dependencies from the registry)', command('npm', npmArgs, app)))) {
      return;
    }
    await step('tsc, moduleResolution bundler', command('node', [TSC, '-p', 'tsconfig.bundler.json'], app));
    await step('tsc, moduleResolution node16', command('node', [TSC, '-p', 'tsconfig.node16.json'], app));
    await step('esbuild bundles the browser app', () => bundle(app, 'browser.ts', 'browser'));
    if (await step('esbuild builds the server app', () => bundle(app, 'server.ts', 'node'))) {
      await step('node runs the server app (signalling + collector)', command('node', ['out/server.js'], app));
    }
  } finally {
    if (keep) console.log(`kept ${app}`);
    else rmSync(app, { recursive: true, force: true });
  }
}

await main();
if (failures.length > 0) {
  console.error(`pack check failed: ${failures.join('; ')}`);
  process.exit(1);
}
console.log('pack check passed');
