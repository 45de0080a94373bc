/**
 * Optional peer dependencies (rxjs for `/rx`, the Agora SDK for `/agora`,
 * React for `/react`) belong to opt-in entries only: an app that installs none
 * of them must still load and type-check every package's main entry. This
 * walks each main entry's built files (`dist/index.js`, `dist/index.d.ts`, the
 * chunks they import and the entries of our other packages they import) and
 * names every import of any package's optional peer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { PUBLISHED, repoRoot } from './entries.ts';

/** `from '…'`, `import '…'`, `import('…')` (dynamic, or a type in a `.d.ts`) and `/// <reference types="…" />`. */
const IMPORT_SPECIFIER = /(?:from|import|types=)\s*\(?\s*["']([^"']+)["']/g;
/** A documentation comment opening its line: its examples show imports the file does not make. */
const DOC_COMMENT = /^\s*\/\*\*[\s\S]*?\*\//gm;

/**
 * The file a relative `specifier` in `file` names. A declaration file names
 * its neighbours by their `.js` path (`./chunks/room-x.js`), whose types are
 * in the `.d.ts` beside it.
 */
function resolveRelative(file: string, specifier: string): string {
  const target = join(dirname(file), specifier);
  return file.endsWith('.d.ts') ? target.replace(/\.js$/, '.d.ts') : target;
}

/**
 * Every file reachable from `entry` through relative imports (declaration
 * files through declaration files) and through the bare imports `resolve`
 * maps to a file, with the bare specifiers each imports.
 */
export function reachableImports(
  entry: string,
  resolve: (specifier: string, declaration: boolean) => string | undefined = () => undefined,
): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file) || !existsSync(file)) continue;
    const code = readFileSync(file, 'utf8').replace(DOC_COMMENT, '');
    const specifiers = [...code.matchAll(IMPORT_SPECIFIER)].map((match) => match[1] ?? '');
    const bare = specifiers.filter((specifier) => !specifier.startsWith('.'));
    seen.set(file, bare);
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) pending.push(resolveRelative(file, specifier));
    for (const specifier of bare) {
      const target = resolve(specifier, file.endsWith('.d.ts'));
      if (target !== undefined) pending.push(target);
    }
  }
  return seen;
}

interface Manifest {
  exports?: Record<string, string | { types?: string; import?: string }>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

/**
 * Imports of optional peers from the main entries, one line each; undefined
 * when there are none. A main entry may import no package's optional peer (an
 * app installs none of them for it, whichever package declares it), also not
 * through another package's entry (`@liveroom/core/rx` from hooks' main entry).
 */
export function optionalPeerImports(
  packagesDir = join(repoRoot, 'packages'),
  folders: readonly string[] = PUBLISHED,
): string | undefined {
  const manifests = new Map(
    folders.map((folder) => [
      folder,
      JSON.parse(readFileSync(join(packagesDir, folder, 'package.json'), 'utf8')) as Manifest,
    ]),
  );
  const optional = [...manifests.values()].flatMap(({ peerDependenciesMeta = {} }) =>
    Object.entries(peerDependenciesMeta).flatMap(([name, { optional }]) => (optional ? [name] : [])),
  );
  // `@liveroom/<folder>[/<subpath>]` → that entry's built file (its types for a declaration file).
  const resolve = (specifier: string, declaration: boolean) => {
    const [, folder = '', subpath = ''] = /^@liveroom\/([^/]+)(\/.+)?$/.exec(specifier) ?? [];
    const target = manifests.get(folder)?.exports?.[`.${subpath}`];
    const file = typeof target === 'string' ? target : declaration ? target?.types : target?.import;
    return file === undefined ? undefined : join(packagesDir, folder, file);
  };
  const problems = folders.flatMap((folder) =>
    ['index.js', 'index.d.ts'].flatMap((entry) => {
      const path = join(packagesDir, folder, 'dist', entry);
      // Unbuilt, it would pass unread.
      if (!existsSync(path)) return [`${relative(repoRoot, path)} is missing: run pnpm build first`];
      return [...reachableImports(path, resolve)].flatMap(([file, imports]) =>
        imports
          .filter((specifier) => optional.some((peer) => specifier === peer || specifier.startsWith(`${peer}/`)))
          .map(
            (specifier) =>
              `${relative(repoRoot, file)} imports the optional peer "${specifier}" (from ${folder}): move that code to an opt-in entry`,
          ),
      );
    }),
  );
  return problems.length === 0 ? undefined : [...new Set(problems)].join('\n');
}
