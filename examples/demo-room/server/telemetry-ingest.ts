/**
 * Starts the telemetry ingest the demo page posts to: `@liveroom/collector`
 * in-process, on a DuckDB file in the data folder, so a QA run exercises the
 * same ingest, storage and report a data team runs.
 */
import { join } from 'node:path';
import { startCollector } from '@liveroom/collector';
import { explainListenError } from './listen-errors.js';

/** Options of {@link startTelemetryIngest}. */
export interface TelemetryIngestOptions {
  host: string;
  port: number;
  /** Folder for `telemetry.duckdb`. */
  dataDir: string;
  writeKey: string;
  /** Guards the collector's report and export endpoints. */
  adminKey: string;
}

/** A running ingest. */
export interface TelemetryIngest {
  /** Base URL; the page posts to `${url}/v1/events`. */
  readonly url: string;
  /** Where a person reads what arrived: the collector's HTML report, the admin key in the link. */
  readonly reportUrl: string;
  /** The key of the collector's `/v1/admin/*` endpoints (report, exports); tests read stored events with it. */
  readonly adminKey: string;
  close(): Promise<void>;
}

/** Starts the collector; a taken port fails with a message naming `LIVEROOM_COLLECTOR_PORT`. */
export async function startTelemetryIngest(options: TelemetryIngestOptions): Promise<TelemetryIngest> {
  const collector = await startCollector({
    host: options.host,
    port: options.port,
    dbPath: join(options.dataDir, 'telemetry.duckdb'),
    writeKey: options.writeKey,
    adminKey: options.adminKey,
  }).catch((error: unknown) => {
    throw explainListenError(error, {
      service: 'telemetry ingest',
      port: options.port,
      envVar: 'LIVEROOM_COLLECTOR_PORT',
    });
  });
  return {
    url: collector.url,
    reportUrl: `${collector.url}/v1/admin/report?format=html&key=${encodeURIComponent(options.adminKey)}`,
    adminKey: options.adminKey,
    close: () => collector.close(),
  };
}
