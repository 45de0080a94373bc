/**
 * A Vite plugin serving `virtual:liveroom-demo`: the page's runtime config,
 * i.e. where the signalling server and the collector listen, which
 * only the server knows (ports may be picked at start-up).
 */
import type { Plugin } from 'vite';

/** What the page needs to know about the servers around it. */
export interface DemoPageConfig {
  signallingUrl: string;
  /** Base URL of the telemetry ingest (`${ingestUrl}/v1/events`). */
  ingestUrl: string;
  /** Where people read the stored telemetry (the collector's report). */
  reportUrl: string;
  /** The ingest's write key (not a secret: it ships in the page, like any analytics key). */
  writeKey: string;
}

const ID = 'virtual:liveroom-demo';
const RESOLVED = `\0${ID}`;

/** The plugin; `config` is fixed for the life of the server. */
export function demoEnvPlugin(config: DemoPageConfig): Plugin {
  return {
    name: 'liveroom-demo-env',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? `export const demoConfig = ${JSON.stringify(config)};\n` : undefined),
  };
}
