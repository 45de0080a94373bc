/**
 * The retention-vs-quality figures as SQL over `session_facts`. Each figure
 * is split by traffic source, with `all` rows from the same GROUPING SETS.
 * Only viewer (`audience`) sessions that are over count: those that sent
 * `session_end`, and those closed by the collector whose last event arrived
 * before `closedBefore` (a session still sending heartbeats is not over).
 *
 * The view is computed once per report into a temporary table (the view
 * groups every event, so querying it per figure would repeat that work six
 * times); each figure is a function of that table's name.
 */

/** "Left early" means within this many ms of the join call. */
export const EARLY_EXIT_MS = 30_000;

/** Windows (s) for "left within N s of a stall". */
export const EXIT_WINDOWS_S = [10, 30] as const;

/** Materialises the report's sessions into the temporary table `table`. */
export function createViewersTable(table: string, closedBefore: number): string {
  return `CREATE OR REPLACE TEMP TABLE ${table} AS
  SELECT *, dwell_ms / 1000.0 AS dwell_s
  FROM session_facts
  WHERE role = 'audience' AND (end_source = 'session_end' OR last_received_at <= ${Math.floor(closedBefore)})`;
}

const SOURCE = `coalesce(traffic_source, 'all') AS traffic_source`;

/** Sessions, dwell mean and median per stall-ratio bucket. */
export const dwellByStallRatioSql = (viewers: string): string => `
WITH bucketed AS (
  SELECT *, CASE
    WHEN stall_ratio = 0 THEN 0 WHEN stall_ratio < 0.01 THEN 1 WHEN stall_ratio < 0.02 THEN 2
    WHEN stall_ratio < 0.05 THEN 3 ELSE 4 END AS bucket_order
  FROM ${viewers} WHERE stall_ratio IS NOT NULL
)
SELECT ${SOURCE}, bucket_order,
  ['0%', '0–1%', '1–2%', '2–5%', '≥5%'][bucket_order + 1] AS bucket,
  count(*) AS sessions, avg(dwell_s) AS mean_dwell_s, median(dwell_s) AS median_dwell_s
FROM bucketed
GROUP BY GROUPING SETS ((traffic_source, bucket_order), (bucket_order))
ORDER BY traffic_source, bucket_order`;

/** Sessions, dwell mean and median per HD-share bucket. */
export const dwellByHdShareSql = (viewers: string): string => `
WITH bucketed AS (
  SELECT *, least(floor(hd_share * 4), 3)::INTEGER AS bucket_order FROM ${viewers} WHERE hd_share IS NOT NULL
)
SELECT ${SOURCE}, bucket_order,
  ['<25%', '25–50%', '50–75%', '≥75%'][bucket_order + 1] AS bucket,
  count(*) AS sessions, avg(dwell_s) AS mean_dwell_s, median(dwell_s) AS median_dwell_s
FROM bucketed
GROUP BY GROUPING SETS ((traffic_source, bucket_order), (bucket_order))
ORDER BY traffic_source, bucket_order`;

/**
 * Effect sizes: least-squares slope of dwell (s) on stall ratio (percentage
 * points) with its standard error, and the HD-minus-SD mean dwell difference
 * (HD = HD share ≥ 0.5) with its standard error (Welch).
 */
export const effectsSql = (viewers: string): string => `
WITH points AS (SELECT *, stall_ratio * 100 AS stall_pct FROM ${viewers} WHERE stall_ratio IS NOT NULL)
SELECT ${SOURCE},
  count(*) AS sessions,
  regr_slope(dwell_s, stall_pct) AS stall_slope,
  sqrt((regr_syy(dwell_s, stall_pct) - regr_sxy(dwell_s, stall_pct) ^ 2 / regr_sxx(dwell_s, stall_pct))
    / nullif(regr_count(dwell_s, stall_pct)::BIGINT - 2, 0) / regr_sxx(dwell_s, stall_pct)) AS stall_slope_se,
  avg(dwell_s) FILTER (WHERE hd_share >= 0.5) - avg(dwell_s) FILTER (WHERE hd_share < 0.5) AS hd_gain,
  sqrt(var_samp(dwell_s) FILTER (WHERE hd_share >= 0.5) / count(*) FILTER (WHERE hd_share >= 0.5)
    + var_samp(dwell_s) FILTER (WHERE hd_share < 0.5) / count(*) FILTER (WHERE hd_share < 0.5)) AS hd_gain_se
FROM points
GROUP BY GROUPING SETS ((traffic_source), ())
ORDER BY traffic_source`;

/**
 * "Left within N s of a stall" against a baseline hazard. Per stall, the
 * chance that the viewer left within N s of it ending (or while stalled);
 * against the chance of leaving in any N s of watch time away from stalls,
 * from a constant hazard: exits not near a stall / watch seconds outside
 * the post-stall windows, as 1 − exp(−hazard × N).
 */
export const exitAfterStallSql = (viewers: string): string => `
WITH windows AS (SELECT unnest([${EXIT_WINDOWS_S.join(', ')}]) AS window_s),
marked AS (
  SELECT v.*, w.window_s,
    v.stall_count > 0 AND (v.stalled_at_exit OR v.ms_since_last_stall <= w.window_s * 1000) AS left_after_stall
  FROM ${viewers} v CROSS JOIN windows w
),
counted AS (
  SELECT ${SOURCE}, window_s,
    sum(stall_count) AS stalls,
    count(*) FILTER (WHERE left_after_stall) AS exits_after_stall,
    count(*) FILTER (WHERE NOT left_after_stall) AS other_exits,
    greatest(sum(watch_ms) / 1000.0 - window_s * sum(stall_count), 1) AS exposure_s
  FROM marked
  GROUP BY GROUPING SETS ((traffic_source, window_s), (window_s))
)
SELECT *, exits_after_stall / nullif(stalls, 0) AS share_after_stall,
  1 - exp(-(other_exits / exposure_s) * window_s) AS baseline_share
FROM counted
ORDER BY traffic_source, window_s`;

/** Early exits (and exits before video start) per startup-time bucket. */
export const startupVsEarlyExitSql = (viewers: string): string => `
WITH bucketed AS (
  SELECT *, CASE
    WHEN NOT video_started OR startup_ms IS NULL THEN 0 WHEN startup_ms < 1000 THEN 1
    WHEN startup_ms < 2000 THEN 2 WHEN startup_ms < 4000 THEN 3 ELSE 4 END AS bucket_order
  FROM ${viewers}
)
SELECT ${SOURCE}, bucket_order,
  ['no video', '<1 s', '1–2 s', '2–4 s', '≥4 s'][bucket_order + 1] AS bucket,
  count(*) AS sessions,
  avg((dwell_ms < ${EARLY_EXIT_MS})::INTEGER) AS early_exit_share,
  avg(exit_before_video_start::INTEGER) AS ebvs_share
FROM bucketed
GROUP BY GROUPING SETS ((traffic_source, bucket_order), (bucket_order))
ORDER BY traffic_source, bucket_order`;

/** Headline numbers. */
export const summarySql = (viewers: string): string => `
SELECT ${SOURCE},
  count(*) AS sessions,
  count(*) FILTER (WHERE closed_by_collector) AS closed_by_collector,
  median(dwell_s) AS median_dwell_s,
  quantile_cont(startup_ms, 0.5) AS startup_p50_ms,
  quantile_cont(startup_ms, 0.95) AS startup_p95_ms,
  count(*) FILTER (WHERE exit_before_video_start) AS exits_before_video_start,
  sum(stalled_ms) / nullif(sum(watch_ms), 0) AS stall_ratio,
  avg((stall_count > 0)::INTEGER) AS share_with_stall,
  sum(stall_count) * 60000.0 / nullif(sum(watch_ms), 0) AS stalls_per_minute,
  avg(hd_share) AS mean_hd_share,
  avg(mean_height) AS mean_height,
  avg(pk_seen::INTEGER) AS pk_share,
  avg(multi_guest_seen::INTEGER) AS multi_guest_share
FROM ${viewers}
GROUP BY GROUPING SETS ((traffic_source), ())
ORDER BY traffic_source`;
