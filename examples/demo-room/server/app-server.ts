/**
 * The web app: a Vite dev server started from code, with the workspace
 * aliases so the SDK runs from `src/` without a build.
 */
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { workspaceAliases } from '../../../scripts/testing/aliases.js';
import { type DemoPageConfig, demoEnvPlugin } from './demo-env-plugin.js';
import { explainListenError } from './listen-errors.js';

/** The folder holding `index.html`. */
const appRoot = fileURLToPath(new URL('..', import.meta.url));

/** A running web app. */
export interface AppServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts Vite on `host:port` (`0` for a free port); a taken port fails with a message naming `LIVEROOM_DEMO_PORT`. */
export async function startAppServer(options: {
  host: string;
  port: number;
  page: DemoPageConfig;
  /** Reload pages when source files change. Off by default: a QA run or a test must not be reset mid-way. */
  liveReload?: boolean;
}): Promise<AppServer> {
  let server: ViteDevServer | undefined;
  try {
    server = await createServer({
      configFile: false,
      root: appRoot,
      logLevel: 'warn',
      clearScreen: false,
      resolve: { alias: workspaceAliases },
      plugins: [demoEnvPlugin(options.page)],
      server: { host: options.host, port: options.port, strictPort: true, hmr: options.liveReload ?? false },
      // Pre-bundle up front: discovering a dependency on first load would reload the page mid-test.
      optimizeDeps: {
        entries: ['index.html'],
        include: ['react', 'react-dom/client'],
      },
    });
    await server.listen();
  } catch (error) {
    await server?.close();
    const busy = error instanceof Error && /already in use/.test(error.message);
    const cause = busy ? Object.assign(new Error(error.message), { code: 'EADDRINUSE' }) : error;
    throw explainListenError(cause, { service: 'web app', port: options.port, envVar: 'LIVEROOM_DEMO_PORT' });
  }
  const running = server;
  const url = running.resolvedUrls?.local[0] ?? `http://${options.host}:${options.port}/`;
  return { url, close: () => running.close() };
}
