/**
 * Starts the telemetry ingest the demo page posts to: `@liveroom/collector`
 * when it is available, else the in-process {@link startNdjsonStore} with
 * the same HTTP shape, so the page works the same either way.
 */
import { join } from 'node:path';
import { explainListenError } from './listen-errors.js';
import { startNdjsonStore } from './ndjson-store.js';

/** Which ingest to run: the collector when available (`auto`), or one of them by force. */
export type IngestChoice = 'auto' | 'collector' | 'ndjson';

/** Options of {@link startTelemetryIngest}. */
export interface TelemetryIngestOptions {
  host: string;
  port: number;
  /** Folder for the DuckDB file or the NDJSON file. */
  dataDir: string;
  writeKey: string;
  /** Guards the collector's report endpoints. */
  adminKey: string;
  choice: IngestChoice;
}

/** A running ingest. */
export interface TelemetryIngest {
  readonly kind: 'collector' | 'ndjson';
  /** Base URL; the page posts to `${url}/v1/events`. */
  readonly url: string;
  /** Where a person reads what arrived. */
  readonly reportUrl: string;
  /** Stored events, where the ingest can list them in-process (the NDJSON store). */
  events?(): Promise<readonly { type: string; sessionId: string }[]>;
  close(): Promise<void>;
}

/** The slice of `@liveroom/collector`'s public API the demo uses. */
interface CollectorModule {
  startCollector(options: {
    host: string;
    port: number;
    dbPath: string;
    writeKey: string;
    adminKey: string;
  }): Promise<{ url: string; close(): Promise<void> }>;
}

// A variable specifier: the collector may not be built yet, and the demo must start without it.
const COLLECTOR_MODULE = '@liveroom/collector';

async function loadCollector(): Promise<CollectorModule | undefined> {
  try {
    const module = (await import(COLLECTOR_MODULE)) as Partial<CollectorModule>;
    return typeof module.startCollector === 'function' ? (module as CollectorModule) : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
}

/** Starts the ingest; a taken port fails with a message naming `LIVEROOM_COLLECTOR_PORT`. */
export async function startTelemetryIngest(options: TelemetryIngestOptions): Promise<TelemetryIngest> {
  const owner = { service: 'telemetry ingest', port: options.port, envVar: 'LIVEROOM_COLLECTOR_PORT' };
  const collector = options.choice === 'ndjson' ? undefined : await loadCollector();
  if (options.choice === 'collector' && !collector) {
    throw new Error('LIVEROOM_INGEST=collector, but @liveroom/collector does not export startCollector yet.');
  }
  try {
    if (collector) {
      const running = await collector.startCollector({
        host: options.host,
        port: options.port,
        dbPath: join(options.dataDir, 'telemetry.duckdb'),
        writeKey: options.writeKey,
        adminKey: options.adminKey,
      });
      return {
        kind: 'collector',
        url: running.url,
        reportUrl: `${running.url}/v1/admin/report?format=html&key=${encodeURIComponent(options.adminKey)}`,
        close: () => running.close(),
      };
    }
    const store = await startNdjsonStore({
      host: options.host,
      port: options.port,
      file: join(options.dataDir, 'telemetry.ndjson'),
      writeKey: options.writeKey,
    });
    return {
      kind: 'ndjson',
      url: store.url,
      reportUrl: `${store.url}/report`,
      events: store.events,
      close: store.close,
    };
  } catch (error) {
    throw explainListenError(error, owner);
  }
}
