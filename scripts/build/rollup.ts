/**
 * The one rollup configuration every package builds with: ESM JavaScript
 * with source maps (esbuild), plus one bundled `.d.ts` per entry
 * (rollup-plugin-dts). Dependencies and peer dependencies stay external.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RollupOptions } from 'rollup';
import dts from 'rollup-plugin-dts';
import esbuild from 'rollup-plugin-esbuild';

/** What a package's `rollup.config.ts` says about itself. */
export interface LibraryBuild {
  /** The package directory (pass `import.meta.dirname`). */
  dir: string;
  /** Output name (without extension) → source entry, relative to `dir`. */
  entries: Record<string, string>;
  /** `node` for Node-only packages (adds a shebang to `cli` entries). */
  platform?: 'browser' | 'node';
}

/**
 * Builds the rollup options for one package. `dist` is emptied first, so
 * hashed chunks of an earlier build never ship in the tarball.
 */
export function libraryConfig({ dir, entries, platform = 'browser' }: LibraryBuild): RollupOptions[] {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const externals = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const external = (id: string) =>
    id.startsWith('node:') || externals.some((name) => id === name || id.startsWith(`${name}/`));
  const input = Object.fromEntries(Object.entries(entries).map(([name, src]) => [name, join(dir, src)]));
  return [
    {
      input,
      external,
      plugins: [
        esbuild({ target: platform === 'node' ? 'node20' : 'es2022', tsconfig: join(dir, '../../tsconfig.base.json') }),
      ],
      output: {
        dir: join(dir, 'dist'),
        format: 'esm',
        sourcemap: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: (chunk) => (platform === 'node' && chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
    {
      input,
      external,
      plugins: [dts({ tsconfig: join(dir, '../../tsconfig.base.json') })],
      output: {
        dir: join(dir, 'dist'),
        format: 'esm',
        entryFileNames: '[name].d.ts',
        chunkFileNames: 'chunks/[name]-[hash].d.ts',
      },
    },
  ];
}
