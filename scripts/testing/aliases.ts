/**
 * Maps every workspace package (and its subpath exports) to its TypeScript
 * source, so tests and the demo room run against `src/` without a build.
 * Kept in one place beside `tsconfig.base.json#paths`, which it mirrors.
 */
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const entries: Record<string, string> = {
  '@liveroom/core/local': 'packages/core/src/local/index.ts',
  '@liveroom/core/agora': 'packages/core/src/agora/index.ts',
  '@liveroom/core/testing': 'packages/core/src/testing/index.ts',
  '@liveroom/core/rx': 'packages/core/src/rx/index.ts',
  '@liveroom/core': 'packages/core/src/index.ts',
  '@liveroom/metrics/schema': 'packages/metrics/src/schema/index.ts',
  '@liveroom/metrics/otlp': 'packages/metrics/src/otlp/index.ts',
  '@liveroom/metrics/rx': 'packages/metrics/src/rx/index.ts',
  '@liveroom/metrics': 'packages/metrics/src/index.ts',
  '@liveroom/hooks/react': 'packages/hooks/src/react/index.ts',
  '@liveroom/hooks': 'packages/hooks/src/index.ts',
  '@liveroom/signalling': 'packages/signalling/src/index.ts',
  '@liveroom/collector': 'packages/collector/src/index.ts',
};

/** Vite `resolve.alias` entries, exact-match, longest subpath first. */
export const workspaceAliases = Object.entries(entries).map(([name, path]) => ({
  find: new RegExp(`^${name.replace('/', '\\/')}$`),
  replacement: root + path,
}));

/** Absolute path of the repository root, with a trailing slash. */
export const repoRoot = root;
