/**
 * Everything the demo room needs, started together and stopped together:
 * the local signalling server, the telemetry ingest (`@liveroom/collector`)
 * and the web app, all on loopback. `start.ts` is the command-line face of
 * it; the e2e tests call it with port 0.
 */
import { mkdir } from 'node:fs/promises';
import { type SignallingServer, startSignallingServer } from '@liveroom/signalling';
import { startAppServer } from './app-server.js';
import type { DemoPorts } from './demo-ports.js';
import { explainListenError } from './listen-errors.js';
import { startTelemetryIngest, type TelemetryIngest } from './telemetry-ingest.js';

/** Options of {@link startDemo}. */
export interface DemoOptions {
  ports: DemoPorts;
  /** Folder for the collector's DuckDB file. */
  dataDir: string;
  /** Interface every service binds (default `127.0.0.1`). */
  host?: string;
  /** Reload open pages when source files change (default off, so a QA run is never reset mid-way). */
  liveReload?: boolean;
}

/** The running demo. */
export interface RunningDemo {
  /** The one URL to open. */
  readonly appUrl: string;
  readonly signallingUrl: string;
  readonly ingest: TelemetryIngest;
  /** Stops the signalling server only (pages see their socket drop: the "Reconnecting…" state). */
  stopSignalling(): Promise<void>;
  /** Starts it again on the same port. */
  startSignalling(): Promise<void>;
  /** Stops the app, the ingest and the signalling server (in that order); safe to call twice. */
  close(): Promise<void>;
}

/** The ingest's write key in the demo; write keys ship in pages and are not secrets. */
export const DEMO_WRITE_KEY = 'demo-room-write-key';
const DEMO_ADMIN_KEY = 'demo-room-admin-key';

/** Starts the three services; when one fails, the ones already started are stopped before it rethrows. */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const host = options.host ?? '127.0.0.1';
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) await stop().catch(() => undefined);
  };
  try {
    await mkdir(options.dataDir, { recursive: true });
    const startSignalling = (port: number) =>
      startSignallingServer({ host, port }).catch((error: unknown) => {
        throw explainListenError(error, { service: 'signalling server', port, envVar: 'LIVEROOM_SIGNALLING_PORT' });
      });
    let signalling: SignallingServer | undefined = await startSignalling(options.ports.signalling);
    const signallingPort = signalling.port;
    const signallingUrl = signalling.url;
    const stopSignalling = async () => {
      await signalling?.close();
      signalling = undefined;
    };
    stops.push(stopSignalling);
    const ingest = await startTelemetryIngest({
      host,
      port: options.ports.ingest,
      dataDir: options.dataDir,
      writeKey: DEMO_WRITE_KEY,
      adminKey: DEMO_ADMIN_KEY,
    });
    stops.push(() => ingest.close());
    const app = await startAppServer({
      host,
      port: options.ports.app,
      liveReload: options.liveReload ?? false,
      page: {
        signallingUrl,
        ingestUrl: ingest.url,
        reportUrl: ingest.reportUrl,
        writeKey: DEMO_WRITE_KEY,
      },
    });
    stops.push(() => app.close());
    let closed: Promise<void> | undefined;
    return {
      appUrl: app.url,
      signallingUrl,
      ingest,
      stopSignalling,
      startSignalling: async () => {
        signalling ??= await startSignalling(signallingPort);
      },
      close: () => {
        closed ??= stopAll();
        return closed;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
