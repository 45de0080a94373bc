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

/**
 * Dwell per quality bucket: one row of "Dwell by stall ratio" (buckets 0 %,
 * 0–1 %, 1–2 %, 2–5 %, ≥ 5 %) or "Dwell by HD share" (quartiles).
 */
export interface DwellBucket {
  /** `context.trafficSource` of the sessions counted (`unknown` when absent), or `all` for every source pooled. */
  trafficSource: string;
  /** The bucket's label as the report shows it, e.g. `1–2%` or `≥75%`. */
  bucket: string;
  /** Position of the bucket from lowest to highest (0-based): sort by this, not by the label. */
  bucketOrder: number;
  /** Viewer sessions in the bucket; sessions with no stall ratio or HD share recorded (no watch time) are left out. */
  sessions: number;
  /** Mean dwell of those sessions, in seconds (join call to exit). */
  meanDwellS: number;
  /** Median dwell of those sessions, in seconds: less swayed than the mean by a few all-day viewers. */
  medianDwellS: number;
}

/**
 * Effect sizes per traffic source, with standard errors. These are
 * associations in observational data, not causal effects: viewers on bad
 * networks differ in other ways too.
 */
export interface EffectEstimate {
  /** `context.trafficSource` of the sessions counted, or `all` for every source pooled. */
  trafficSource: string;
  /** Viewer sessions with a stall ratio (some watch time) that the estimates use. */
  sessions: number;
  /** Dwell change (s) per percentage point of stall ratio: the least-squares slope; negative when stalls shorten visits. `null` when every session has the same ratio. */
  stallSlope: number | null;
  /** Standard error of `stallSlope`, in seconds per percentage point; `null` when it cannot be estimated (fewer than three sessions, or one ratio for all). */
  stallSlopeSe: number | null;
  /** HD-minus-SD mean dwell (s), HD = HD share ≥ 0.5. `null` when either group is empty. */
  hdGain: number | null;
  /** Welch standard error of `hdGain`, in seconds; `null` when either group has fewer than two sessions. */
  hdGainSe: number | null;
}

/**
 * "Left within N s of a stall" against the baseline: compare
 * `shareAfterStall` with `baselineShare`; a ratio well above 1 means stalls
 * drive viewers out.
 */
export interface ExitAfterStall {
  /** `context.trafficSource` of the sessions counted, or `all` for every source pooled. */
  trafficSource: string;
  /** N, in seconds: one of `EXIT_WINDOWS_S` (10 or 30). */
  windowS: number;
  /** Stalls in the counted sessions (`stall_count` summed). */
  stalls: number;
  /** Sessions that ended while stalled or within `windowS` of a stall's end. */
  exitsAfterStall: number;
  /** Sessions that ended anywhere else: the exits the baseline hazard is estimated from. */
  otherExits: number;
  /** Watch time outside the post-stall windows, in seconds (at least 1): the baseline's exposure. */
  exposureS: number;
  /** `exitsAfterStall / stalls`: per stall, the share of viewers who left within `windowS`. `null` when there were no stalls. */
  shareAfterStall: number | null;
  /** Chance of leaving in any `windowS` of stall-free watch time, 1 − exp(−h·N) with h = `otherExits / exposureS`. */
  baselineShare: number;
}

/** Early exits per startup-time bucket (no video, < 1 s, 1–2 s, 2–4 s, ≥ 4 s). */
export interface StartupBucket {
  /** `context.trafficSource` of the sessions counted, or `all` for every source pooled. */
  trafficSource: string;
  /** The bucket's label as the report shows it, e.g. `no video` or `2–4 s`. */
  bucket: string;
  /** Position of the bucket (0 = no video, then by rising startup time): sort by this, not by the label. */
  bucketOrder: number;
  /** Viewer sessions in the bucket. */
  sessions: number;
  /** Share (0–1) of those sessions that left within {@link EARLY_EXIT_MS} of the join call. */
  earlyExitShare: number;
  /** Share (0–1) that exited before video start (Mux's EBVS: left after trying ≥ 1 s with no frame). */
  ebvsShare: number;
}

/** Headline numbers per traffic source: the report's "Summary" table. Shares are 0–1. */
export interface ReportSummary {
  /** `context.trafficSource` of the sessions counted (`unknown` when absent), or `all` for every source pooled. */
  trafficSource: string;
  /** Viewer (`audience`) sessions that are over. */
  sessions: number;
  /** Of those, sessions that never sent `session_end` and were closed at their last heartbeat (decision 10): a high count means lost `pagehide` beacons. */
  closedByCollector: number;
  /** Median dwell (join call to exit), in seconds. */
  medianDwellS: number | null;
  /** Median startup time (join call to first frame), in ms, over sessions whose video started. */
  startupP50Ms: number | null;
  /** 95th-percentile startup time, in ms: the slow tail viewers give up on. */
  startupP95Ms: number | null;
  /** Sessions that left after trying ≥ 1 s with no frame (Mux's EBVS), a count. */
  exitsBeforeVideoStart: number;
  /** Pooled stall ratio: all stalled ms / all watch ms (Agora's freeze rate, Mux's rebuffer percentage). */
  stallRatio: number | null;
  /** Share of sessions with at least one stall. */
  shareWithStall: number | null;
  /** Stalls per minute of watch time, pooled (Mux's rebuffer frequency). */
  stallsPerMinute: number | null;
  /** Mean per-session share of watch time at ≥ 720p (short side, decision 9). */
  meanHdShare: number | null;
  /** Mean per-session time-weighted rendered short side, in pixels. */
  meanHeight: number | null;
  /** Share of sessions that saw a PK (`pk_start`). */
  pkShare: number | null;
  /** Share of sessions that saw a multi-guest stage (a non-PK layout with ≥ 2 tiles, or became a cohost). */
  multiGuestShare: number | null;
}

/**
 * The whole report, as `report --json` and `GET /v1/admin/report` return it.
 * Only viewer (`audience`) sessions that are over count. Rows with
 * `trafficSource: 'all'` pool every source; figures are `null` where there
 * is no data to compute them from.
 */
export interface RetentionReport {
  /** When the report was built (ISO 8601, server clock). */
  generatedAt: string;
  /** Sessions without `session_end` whose last event arrived after this (epoch ms) are treated as live and left out. */
  closedBefore: number;
  /** "Left early" threshold used by `startupVsEarlyExit`, in ms: {@link EARLY_EXIT_MS}. */
  earlyExitMs: number;
  /** Headline numbers, one row per traffic source plus `all`. */
  summary: ReportSummary[];
  /** Dwell against stall ratio and HD share, one row per traffic source plus `all`. */
  effects: EffectEstimate[];
  /** Dwell per stall-ratio bucket, per traffic source. */
  dwellByStallRatio: DwellBucket[];
  /** Dwell per HD-share quartile, per traffic source. */
  dwellByHdShare: DwellBucket[];
  /** Exits near a stall against the baseline, per traffic source and window. */
  exitAfterStall: ExitAfterStall[];
  /** Early exits and EBVS per startup-time bucket, per traffic source. */
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
