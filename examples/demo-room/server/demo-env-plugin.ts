/**
 * A Vite plugin serving `virtual:liveroom-demo`: the page's runtime config
 * (signalling and ingest URLs) and loaders for the SDK packages that may not
 * exist yet while they are being built. A loader is present only when the
 * package's entry file exists; when the file appears, the page reloads and
 * the feature switches on without a code change.
 */
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';
import { repoRoot } from '../../../scripts/testing/aliases.js';

/** What the page needs to know about the servers around it. */
export interface DemoPageConfig {
  signallingUrl: string;
  /** Base URL of the telemetry ingest (`${ingestUrl}/v1/events`). */
  ingestUrl: string;
  /** Where people read the stored telemetry. */
  reportUrl: string;
  /** Which ingest runs: the collector, or the NDJSON stand-in. */
  ingestKind: 'collector' | 'ndjson';
  /** The ingest's write key (not a secret: it ships in the page, like any analytics key). */
  writeKey: string;
}

/** Packages (or subpaths) the page loads only when they exist, by their workspace entry file. */
export const OPTIONAL_MODULES: Readonly<Record<string, { specifier: string; entry: string }>> = {
  metrics: { specifier: '@liveroom/metrics', entry: 'packages/metrics/src/index.ts' },
  hooks: { specifier: '@liveroom/hooks', entry: 'packages/hooks/src/index.ts' },
  hooksReact: { specifier: '@liveroom/hooks/react', entry: 'packages/hooks/src/react/index.ts' },
};

const ID = 'virtual:liveroom-demo';
const RESOLVED = `\0${ID}`;

/** The plugin; `config` is fixed for the life of the server. */
export function demoEnvPlugin(config: DemoPageConfig): Plugin {
  const entries = Object.values(OPTIONAL_MODULES).map(({ entry }) => repoRoot + entry);
  return {
    name: 'liveroom-demo-env',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const loaders = Object.entries(OPTIONAL_MODULES).map(([name, { specifier, entry }]) => {
        const loader = existsSync(repoRoot + entry) ? `() => import(${JSON.stringify(specifier)})` : 'undefined';
        return `  ${name}: ${loader},`;
      });
      return `export const demoConfig = ${JSON.stringify(config)};\nexport const optionalModules = {\n${loaders.join('\n')}\n};\n`;
    },
    configureServer(server) {
      server.watcher.add(entries);
      const onChange = (file: string) => {
        if (!entries.includes(file)) return;
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
    },
  };
}
