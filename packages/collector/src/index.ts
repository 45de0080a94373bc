/**
 * `@liveroom/collector`: the Node service that ingests liveroom telemetry
 * into an embedded DuckDB file and reports retention against quality.
 *
 * @packageDocumentation
 */
export { type RunningCollector, startCollector } from './collector.js';
export {
  EXPORTABLE_TABLES,
  type ExportableTable,
  type ExportFormat,
  exportTable,
  exportTables,
} from './export-tables.js';
export type { FieldIssue, RejectionReason } from './ingest/admission.js';
export type { RequestErrorCode } from './ingest/http-error.js';
export type { EventResult, IngestResponse } from './ingest/ingest-route.js';
export { WRITE_KEY_HEADER } from './ingest/write-key.js';
export { type CollectorOptions, collectorOptionsSchema } from './options.js';
export { EARLY_EXIT_MS, EXIT_WINDOWS_S } from './report/figures-sql.js';
export { renderReport } from './report/render-report.js';
export type {
  DwellBucket,
  EffectEstimate,
  ExitAfterStall,
  ReportOptions,
  ReportSummary,
  RetentionReport,
  StartupBucket,
} from './report/retention-report.js';
export { buildRetentionReport } from './report/retention-report.js';
export { CollectorError, type CollectorErrorCode, type CollectorErrorDetails } from './storage/collector-error.js';
export type { EventRow } from './storage/event-row.js';
export { EventStore, type OpenStoreOptions, type ResultRow } from './storage/event-store.js';
export { VIEWS, type ViewName } from './storage/views.js';
