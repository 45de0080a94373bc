/**
 * Builds the retention-vs-quality report: every figure as plain JSON (what
 * `report --json` prints and the HTML page charts), from the SQL in
 * `figures-sql.ts`.
 */
import type { EventStore, ResultRow } from '../storage/event-store.js';
import {
  createViewersTable,
  dwellByHdShareSql,
  dwellByStallRatioSql,
  EARLY_EXIT_MS,
  effectsSql,
  exitAfterStallSql,
  startupVsEarlyExitSql,
  summarySql,
} from './figures-sql.js';

/** Dwell per quality bucket. */
export interface DwellBucket {
  trafficSource: string;
  bucket: string;
  bucketOrder: number;
  sessions: number;
  meanDwellS: number;
  medianDwellS: number;
}

/** Effect sizes per traffic source, with standard errors. */
export interface EffectEstimate {
  trafficSource: string;
  sessions: number;
  /** Dwell change (s) per percentage point of stall ratio. */
  stallSlope: number | null;
  stallSlopeSe: number | null;
  /** HD-minus-SD mean dwell (s), HD = HD share ≥ 0.5. */
  hdGain: number | null;
  hdGainSe: number | null;
}

/** "Left within N s of a stall" against the baseline. */
export interface ExitAfterStall {
  trafficSource: string;
  windowS: number;
  stalls: number;
  exitsAfterStall: number;
  otherExits: number;
  exposureS: number;
  shareAfterStall: number | null;
  baselineShare: number;
}

/** Early exits per startup bucket. */
export interface StartupBucket {
  trafficSource: string;
  bucket: string;
  bucketOrder: number;
  sessions: number;
  earlyExitShare: number;
  ebvsShare: number;
}

/** Headline numbers per traffic source. */
export interface ReportSummary {
  trafficSource: string;
  sessions: number;
  closedByCollector: number;
  medianDwellS: number | null;
  startupP50Ms: number | null;
  startupP95Ms: number | null;
  exitsBeforeVideoStart: number;
  stallRatio: number | null;
  shareWithStall: number | null;
  stallsPerMinute: number | null;
  meanHdShare: number | null;
  meanHeight: number | null;
  pkShare: number | null;
  multiGuestShare: number | null;
}

/** The whole report. Rows with `trafficSource: 'all'` pool every source. */
export interface RetentionReport {
  generatedAt: string;
  /** Sessions without `session_end` whose last event arrived after this (epoch ms) are treated as live and left out. */
  closedBefore: number;
  earlyExitMs: number;
  summary: ReportSummary[];
  effects: EffectEstimate[];
  dwellByStallRatio: DwellBucket[];
  dwellByHdShare: DwellBucket[];
  exitAfterStall: ExitAfterStall[];
  startupVsEarlyExit: StartupBucket[];
}

/** Options of {@link buildRetentionReport}. */
export interface ReportOptions {
  /** A session without `session_end` counts as over once its last event is this old (ms). Default 10 minutes. */
  openGraceMs?: number;
  /** Server-clock now, epoch ms. */
  now?: number;
}

/** Numbers each report's temporary table, so concurrent reports on one connection do not collide. */
let reportCount = 0;

/** Runs every figure's query. */
export async function buildRetentionReport(store: EventStore, options: ReportOptions = {}): Promise<RetentionReport> {
  const now = options.now ?? Date.now();
  const closedBefore = now - (options.openGraceMs ?? 600_000);
  const viewers = `report_viewers_${++reportCount}`;
  await store.execute(createViewersTable(viewers, closedBefore));
  const run = async <T>(sql: (table: string) => string) =>
    (await store.query(sql(viewers))).map((row) => camel(row) as T);
  try {
    return {
      generatedAt: new Date(now).toISOString(),
      closedBefore,
      earlyExitMs: EARLY_EXIT_MS,
      summary: await run<ReportSummary>(summarySql),
      effects: await run<EffectEstimate>(effectsSql),
      dwellByStallRatio: await run<DwellBucket>(dwellByStallRatioSql),
      dwellByHdShare: await run<DwellBucket>(dwellByHdShareSql),
      exitAfterStall: await run<ExitAfterStall>(exitAfterStallSql),
      startupVsEarlyExit: await run<StartupBucket>(startupVsEarlyExitSql),
    };
  } finally {
    await store.execute(`DROP TABLE IF EXISTS ${viewers}`);
  }
}

/** snake_case keys to camelCase, bigint and decimals to numbers, NaN to null (JSON has no NaN). */
function camel(row: ResultRow): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    const name = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const number = typeof value === 'bigint' ? Number(value) : value;
    out[name] = typeof number === 'number' && !Number.isFinite(number) ? null : number;
  }
  return out;
}
