/**
 * The published packages and their public entry points, read from each
 * package's `exports` map so the checks never drift from what npm users get.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Repository root (this file lives in `scripts/pack-check/`). */
export const repoRoot = join(import.meta.dirname, '../..');

/** Every package we publish, in dependency order (pack and install order). */
export const PUBLISHED = ['core', 'metrics', 'hooks', 'signalling', 'collector'] as const;

/** One subpath of a package's `exports` map that ships types. */
export interface PublicEntry {
  /** Package folder under `packages/`, e.g. `core`. */
  folder: string;
  /** Import specifier users write, e.g. `@liveroom/core/local`. */
  specifier: string;
  /** Bundled declaration file, relative to the package folder. */
  types: string;
  /** Report file stem: `core` for `.`, `core-local` for `./local`. */
  reportName: string;
}

interface Manifest {
  name: string;
  exports: Record<string, string | { types?: string }>;
}

/** Reads a package's manifest. */
export function manifest(folder: string): Manifest {
  return JSON.parse(readFileSync(join(repoRoot, 'packages', folder, 'package.json'), 'utf8')) as Manifest;
}

/** The typed entry points of one package, `.` first. */
export function publicEntries(folder: string): PublicEntry[] {
  const { name, exports } = manifest(folder);
  return Object.entries(exports).flatMap(([subpath, target]) => {
    if (typeof target === 'string' || target.types === undefined) return [];
    const tail = subpath === '.' ? '' : subpath.slice(2);
    return [
      {
        folder,
        specifier: tail === '' ? name : `${name}/${tail}`,
        types: target.types,
        reportName: tail === '' ? folder : `${folder}-${tail.replaceAll('/', '-')}`,
      },
    ];
  });
}
