/**
 * Optional peer dependencies (rxjs for `/rx`, the Agora SDK for `/agora`,
 * React for `/react`) belong to opt-in entries only: an app that installs none
 * of them must still load and type-check every package's main entry. This
 * walks each main entry's built files (`dist/index.js`, `dist/index.d.ts` and
 * the chunks they import) and names every import of an optional peer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { manifest, PUBLISHED, repoRoot } from './entries.ts';

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

/** Every file reachable from `entry` through relative imports (declaration files through declaration files), with the bare specifiers each imports. */
export function reachableImports(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file) || !existsSync(file)) continue;
    const code = readFileSync(file, 'utf8').replace(DOC_COMMENT, '');
    const specifiers = [...code.matchAll(IMPORT_SPECIFIER)].map((match) => match[1] ?? '');
    seen.set(
      file,
      specifiers.filter((specifier) => !specifier.startsWith('.')),
    );
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) pending.push(resolveRelative(file, specifier));
  }
  return seen;
}

/** Imports of optional peers from the main entries, one line each; undefined when there are none. */
export function optionalPeerImports(): string | undefined {
  const problems = PUBLISHED.flatMap((folder) => {
    const meta = (manifest(folder) as { peerDependenciesMeta?: Record<string, { optional?: boolean }> })
      .peerDependenciesMeta;
    const optional = Object.entries(meta ?? {}).flatMap(([name, { optional }]) => (optional ? [name] : []));
    const dist = join(repoRoot, 'packages', folder, 'dist');
    return ['index.js', 'index.d.ts'].flatMap((entry) =>
      [...reachableImports(join(dist, entry))].flatMap(([file, imports]) =>
        imports
          .filter((specifier) => optional.some((peer) => specifier === peer || specifier.startsWith(`${peer}/`)))
          .map((specifier) => `${relative(repoRoot, file)} imports the optional peer "${specifier}"`),
      ),
    );
  });
  return problems.length === 0 ? undefined : `${problems.join('\n')}\nMove that code to an opt-in entry.`;
}
