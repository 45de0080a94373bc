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

const IMPORT_SPECIFIER = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

/** Every file reachable from `entry` through relative imports, with the bare specifiers each imports. */
function reachableImports(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file) || !existsSync(file)) continue;
    const specifiers = [...readFileSync(file, 'utf8').matchAll(IMPORT_SPECIFIER)].map((match) => match[1] ?? '');
    seen.set(
      file,
      specifiers.filter((specifier) => !specifier.startsWith('.')),
    );
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) pending.push(join(dirname(file), specifier));
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
