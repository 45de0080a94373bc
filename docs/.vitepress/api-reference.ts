/**
 * The TypeDoc API reference (`docs/api`, from `pnpm docs:api`) is TypeDoc's
 * own static site, not VitePress pages. The build copies it to `/api/`, and
 * the dev server serves it there too, so the nav's API link works in
 * `pnpm docs:dev`, `docs:build` and `docs:preview` alike.
 */
import { cpSync, existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { UserConfig } from 'vitepress';
import { docsRoot } from './sidebar.ts';

/** A plugin for VitePress's own Vite (not the workspace's Vite 8). */
type VitePlugin = Extract<NonNullable<NonNullable<UserConfig['vite']>['plugins']>[number], { name: string }>;

const API_REFERENCE = join(docsRoot, 'api');
const MISSING = 'docs/api is missing: run `pnpm docs:api` (pnpm docs:build does) so the API reference link works';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

/** Copies the API reference into the built site; fails the build when it was not generated. */
export function copyApiReference(outDir: string): void {
  if (!existsSync(join(API_REFERENCE, 'index.html'))) throw new Error(MISSING);
  cpSync(API_REFERENCE, join(outDir, 'api'), { recursive: true });
}

/** Vite plugin: serves `docs/api` at `/api/` in the dev server. */
export function serveApiReference(): VitePlugin {
  return {
    name: 'liveroom-api-reference',
    configureServer(server) {
      server.middlewares.use('/api', (req, res, next) => {
        const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/'));
        const file = join(API_REFERENCE, path.endsWith('/') ? `${path}index.html` : path);
        if (!file.startsWith(API_REFERENCE) || !existsSync(file) || !statSync(file).isFile()) {
          next();
          return;
        }
        res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
  };
}
