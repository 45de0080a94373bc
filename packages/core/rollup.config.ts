import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Plugin, RollupOptions } from 'rollup';
import { libraryConfig } from '../../scripts/build/rollup.ts';

const src = join(import.meta.dirname, 'src');
/** Subpath entries, each in its own folder of `src/`. */
const SUBPATHS = ['local', 'agora', 'testing'];

/**
 * In the declaration build, a subpath entry's imports of main-entry modules
 * become imports of `@liveroom/core` itself (a package self-reference),
 * instead of a shared chunk the main entry re-exports under mangled names.
 * Users' editors and API Extractor then see `RtcProvider`, `LiveroomError`…
 * as the main entry's own exports, not as copies the subpath forgot to
 * export. The JavaScript build keeps its shared chunks, so runtime code and
 * bundle sizes do not change.
 */
function subpathsImportMainEntry(): Plugin {
  const inSubpath = (file: string) => SUBPATHS.includes(relative(src, file).split(sep)[0] ?? '');
  return {
    name: 'subpaths-import-main-entry',
    resolveId(source, importer) {
      if (!importer || !source.startsWith('.') || !inSubpath(importer)) return null;
      // The main entry's modules are the files directly in src/.
      const mainEntryModule = dirname(resolve(dirname(importer), source)) === src;
      return mainEntryModule ? { id: '@liveroom/core', external: true } : null;
    },
  };
}

const [javascript, declarations] = libraryConfig({
  dir: import.meta.dirname,
  entries: {
    index: 'src/index.ts',
    local: 'src/local/index.ts',
    agora: 'src/agora/index.ts',
    testing: 'src/testing/index.ts',
  },
}) as [RollupOptions, RollupOptions];

export default [
  javascript,
  { ...declarations, plugins: [subpathsImportMainEntry(), ...[declarations.plugins ?? []].flat()] },
] satisfies RollupOptions[];
