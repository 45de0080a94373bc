/**
 * The one rollup configuration every package builds with: ESM JavaScript
 * with source maps (esbuild), plus one bundled `.d.ts` per entry
 * (rollup-plugin-dts). Dependencies and peer dependencies stay external.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin, RenderedChunk, RollupOptions } from 'rollup';
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
  /**
   * Folders of `src/` that hold subpath entries whose declarations should
   * import main-entry types by the package's own name (see
   * {@link subpathsImportMainEntry}), e.g. `['local', 'agora']` in core.
   */
  subpathFolders?: readonly string[];
}

/**
 * In the declaration build, a subpath entry's imports of main-entry modules
 * (any module of `src/` outside the `subpathFolders`) become imports of the
 * package itself (a package self-reference, e.g. `@liveroom/core`), instead
 * of a shared chunk the main entry re-exports under mangled names. Users'
 * editors and API Extractor then see `RtcProvider`, `BattleStore`… as the
 * main entry's own exports, not as copies the subpath forgot to export. Every
 * type a subpath takes this way must be exported by the main entry; the API
 * report's compile check fails otherwise. The JavaScript build keeps its
 * shared chunks, so runtime code and bundle sizes do not change.
 */
function subpathsImportMainEntry(dir: string, packageName: string, subpathFolders: readonly string[]): Plugin {
  const src = join(dir, 'src');
  const inSubpath = (file: string) => subpathFolders.includes(relative(src, file).split(sep)[0] ?? '');
  return {
    name: 'subpaths-import-main-entry',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !inSubpath(importer)) return null;
      const target = resolve(dirname(importer), source);
      const inSrc = !relative(src, target).startsWith('..');
      return inSrc && !inSubpath(target) ? { id: packageName, external: true } : null;
    },
  };
}

/**
 * An entry's `@packageDocumentation` comment, which the declaration bundle
 * would otherwise drop, so editors, TypeDoc and the API reports see what
 * each entry is for.
 */
function packageDocumentation(chunk: RenderedChunk): string {
  if (!chunk.isEntry || !chunk.facadeModuleId) return '';
  const source = readFileSync(chunk.facadeModuleId, 'utf8');
  return /^\s*(\/\*\*(?:(?!\*\/)[\s\S])*@packageDocumentation[\s\S]*?\*\/)/.exec(source)?.[1] ?? '';
}

/**
 * Builds the rollup options for one package. `dist` is emptied first, so
 * hashed chunks of an earlier build never ship in the tarball.
 */
export function libraryConfig({
  dir,
  entries,
  platform = 'browser',
  subpathFolders = [],
}: LibraryBuild): RollupOptions[] {
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
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
      plugins: [
        ...(subpathFolders.length > 0 ? [subpathsImportMainEntry(dir, pkg.name, subpathFolders)] : []),
        dts({ tsconfig: join(dir, '../../tsconfig.base.json') }),
      ],
      output: {
        dir: join(dir, 'dist'),
        format: 'esm',
        entryFileNames: '[name].d.ts',
        chunkFileNames: 'chunks/[name]-[hash].d.ts',
        banner: packageDocumentation,
      },
    },
  ];
}
