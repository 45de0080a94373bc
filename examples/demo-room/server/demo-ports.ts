/**
 * The demo's ports, from the environment with fixed defaults, so the URL QA
 * bookmarks stays the same from run to run.
 */
import { DemoStartError } from './listen-errors.js';

/** Where each service listens. `0` picks a free port (the tests use it). */
export interface DemoPorts {
  /** The web app (Vite). */
  app: number;
  /** The local provider's signalling server. */
  signalling: number;
  /** The telemetry ingest (`@liveroom/collector`). */
  ingest: number;
}

/** Environment variables that set each port. */
export const PORT_ENV: Readonly<Record<keyof DemoPorts, string>> = {
  app: 'LIVEROOM_DEMO_PORT',
  signalling: 'LIVEROOM_SIGNALLING_PORT',
  ingest: 'LIVEROOM_COLLECTOR_PORT',
};

/** Defaults: Vite's usual port, then the signalling and collector ports the docs use. */
export const DEFAULT_PORTS: Readonly<DemoPorts> = { app: 5173, signalling: 8787, ingest: 8788 };

/** Reads the ports from `env`; throws a {@link DemoStartError} naming the bad variable. */
export function portsFromEnv(env: NodeJS.ProcessEnv): DemoPorts {
  const read = (key: keyof DemoPorts): number => {
    const raw = env[PORT_ENV[key]];
    if (raw === undefined || raw.trim() === '') return DEFAULT_PORTS[key];
    const port = Number(raw);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new DemoStartError(`${PORT_ENV[key]}="${raw}" is not a port. Use a whole number from 0 to 65535.`);
    }
    return port;
  };
  const ports = { app: read('app'), signalling: read('signalling'), ingest: read('ingest') };
  const fixed = Object.values(ports).filter((port) => port !== 0);
  if (new Set(fixed).size !== fixed.length) {
    throw new DemoStartError(`Two services would share one port (${JSON.stringify(ports)}); give each its own.`);
  }
  return ports;
}
