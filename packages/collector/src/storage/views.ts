/**
 * The SQL views analysts query (docs/collector.md lists their columns):
 *
 * - `session_facts`: one row per viewer session, with the quality and exit
 *   facts the retention report needs.
 * - `stalls`: one row per finished stall.
 * - `quality_samples`: one row per heartbeat, its counters flattened.
 *
 * A stall the browser withdrew (a tick saw it live, but its frame showed the
 * gap fell short of the freeze rule) still closes its `stall_start` with a
 * `stall_end`, marked `withdrawn: true`, and is in no counter. The views
 * leave it out of everything derived from stalls, as the browser does.
 *
 * Durations come from each session's own client clock (decision 12): a
 * session's start, end and stall times are all its own `ts`, and `received_at`
 * is used only to tell whether a session may still be live.
 * A session without `session_end` is closed at its last heartbeat, and
 * `end_source` says so (decision 10).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

/** Layout names starting with this are PK layouts, not multi-guest stages. */
const PK_LAYOUT_PREFIX = 'pk';

/** True for an event body other than a withdrawn `stall_end` (`withdrawn` is absent on counted stalls). */
const NOT_WITHDRAWN = `(body->>'$.withdrawn') IS DISTINCT FROM 'true'`;

const SESSION_FACTS = `
WITH per_session AS (
  SELECT
    session_id,
    arg_min(room_id, seq) AS room_id,
    arg_min(user_id, seq) AS user_id,
    arg_min(role, seq) AS role,
    arg_min(provider, seq) AS provider,
    arg_min(sdk_version, seq) AS sdk_version,
    arg_min(context, seq) AS context,
    min(ts) FILTER (WHERE type = 'session_start') AS start_ts,
    min(ts) AS first_ts,
    max(ts) AS last_ts,
    max(ts) FILTER (WHERE type = 'quality_sample') AS last_heartbeat_ts,
    min(ts) FILTER (WHERE type = 'session_end') AS end_ts,
    arg_max(body, seq) FILTER (WHERE type = 'session_end') AS end_body,
    arg_max(body, seq) FILTER (WHERE type = 'quality_sample') AS last_sample_body,
    min((body->>'$.startupMs')::BIGINT) FILTER (WHERE type = 'first_frame') AS first_frame_startup_ms,
    max(ts) FILTER (WHERE type = 'stall_end' AND ${NOT_WITHDRAWN}) AS last_counted_stall_end_ts,
    arg_max(ts, seq) FILTER (WHERE type = 'stall_start') AS last_stall_start_ts,
    max(seq) FILTER (WHERE type = 'stall_start') AS last_stall_start_seq,
    -- Every stall_end, withdrawn or not, closes its stall_start.
    max(seq) FILTER (WHERE type = 'stall_end') AS last_stall_end_seq,
    bool_or(type = 'pk_start') AS pk_seen,
    bool_or(
      (type = 'layout_change' AND (body->>'$.tileCount')::INTEGER >= 2
        AND NOT starts_with(body->>'$.to', '${PK_LAYOUT_PREFIX}'))
      OR (type = 'role_change' AND (body->>'$.to') = 'cohost')
    ) AS multi_guest_seen,
    count(*) AS event_count,
    max(seq) + 1 - count(DISTINCT seq) AS missing_events,
    sum(dropped) AS dropped_events,
    max(received_at) AS last_received_at
  FROM events
  GROUP BY session_id
),
closed AS (
  SELECT
    *,
    coalesce(start_ts, first_ts) AS started_at,
    CASE
      WHEN end_body IS NOT NULL THEN 'session_end'
      WHEN last_heartbeat_ts IS NOT NULL THEN 'last_heartbeat'
      ELSE 'last_event'
    END AS end_source,
    coalesce(end_ts, last_heartbeat_ts, last_ts) AS ended_at,
    coalesce(last_stall_start_seq > coalesce(last_stall_end_seq, -1), false) AS stall_open,
    coalesce(end_body->'$.total', last_sample_body->'$.total') AS total
  FROM per_session
)
SELECT
  session_id,
  room_id,
  user_id,
  role,
  provider,
  sdk_version,
  coalesce(context->>'$.trafficSource', 'unknown') AS traffic_source,
  context->>'$.deviceClass' AS device_class,
  context->>'$.region' AS region,
  context->>'$.page' AS page,
  started_at,
  ended_at,
  end_source,
  end_source <> 'session_end' AS closed_by_collector,
  coalesce(end_body->>'$.reason', 'unknown') AS exit_reason,
  coalesce((end_body->>'$.dwellMs')::BIGINT, ended_at - started_at) AS dwell_ms,
  (total->>'$.watchMs')::BIGINT AS watch_ms,
  (total->>'$.playingMs')::BIGINT AS playing_ms,
  (total->>'$.stalledMs')::BIGINT AS stalled_ms,
  (total->>'$.pausedMs')::BIGINT AS paused_ms,
  (total->>'$.foregroundMs')::BIGINT AS foreground_ms,
  (total->>'$.backgroundMs')::BIGINT AS background_ms,
  (total->>'$.stallCount')::BIGINT AS stall_count,
  (total->>'$.stallsOver500Count')::BIGINT AS stalls_over_500_count,
  (total->>'$.stalledMs')::DOUBLE / nullif((total->>'$.watchMs')::DOUBLE, 0) AS stall_ratio,
  (total->>'$.stallCount')::DOUBLE * 60000 / nullif((total->>'$.watchMs')::DOUBLE, 0) AS stalls_per_minute,
  (total->>'$.hdShare')::DOUBLE AS hd_share,
  (total->>'$.meanHeight')::DOUBLE AS mean_height,
  (total->>'$.switchesUp')::BIGINT AS switches_up,
  (total->>'$.switchesDown')::BIGINT AS switches_down,
  coalesce(first_frame_startup_ms, (end_body->>'$.startupMs')::BIGINT) AS startup_ms,
  coalesce((end_body->>'$.videoStarted')::BOOLEAN, first_frame_startup_ms IS NOT NULL) AS video_started,
  coalesce(
    (end_body->>'$.exitBeforeVideoStart')::BOOLEAN,
    first_frame_startup_ms IS NULL AND ended_at - started_at >= 1000
  ) AS exit_before_video_start,
  CASE
    WHEN end_body IS NOT NULL THEN (end_body->>'$.msSinceLastStall')::BIGINT
    -- As the browser's msSinceLastStall: from the open stall's start, else the last counted stall's end.
    ELSE greatest(ended_at - CASE WHEN stall_open THEN last_stall_start_ts ELSE last_counted_stall_end_ts END, 0)
  END AS ms_since_last_stall,
  coalesce((end_body->>'$.stalledAtExit')::BOOLEAN, stall_open) AS stalled_at_exit,
  pk_seen,
  multi_guest_seen,
  event_count,
  missing_events,
  dropped_events,
  last_received_at
FROM closed`;

const STALLS = `
SELECT
  e.session_id,
  e.ts - (e.body->>'$.durationMs')::BIGINT AS started_at,
  e.ts AS ended_at,
  (e.body->>'$.durationMs')::BIGINT AS duration_ms,
  e.body->>'$.source' AS source,
  s.ended_at - e.ts AS ms_to_session_end,
  s.traffic_source
FROM events e
JOIN session_facts s USING (session_id)
WHERE e.type = 'stall_end' AND ${NOT_WITHDRAWN}`;

const QUALITY_SAMPLES = `
SELECT
  session_id,
  seq,
  ts,
  (body->>'$.intervalMs')::BIGINT AS interval_ms,
  body->>'$.source' AS source,
  (body->>'$.delta.watchMs')::BIGINT AS watch_ms,
  (body->>'$.delta.stalledMs')::BIGINT AS stalled_ms,
  (body->>'$.delta.stallCount')::BIGINT AS stall_count,
  (body->>'$.delta.hdShare')::DOUBLE AS hd_share,
  (body->>'$.delta.meanHeight')::DOUBLE AS mean_height,
  (body->>'$.fps')::DOUBLE AS fps,
  (body->>'$.bitrateKbps')::DOUBLE AS bitrate_kbps,
  (body->>'$.packetLossRatio')::DOUBLE AS packet_loss_ratio,
  (body->>'$.dropRatio')::DOUBLE AS drop_ratio,
  body->>'$.qualityLimitationReason' AS quality_limitation_reason
FROM events
WHERE type = 'quality_sample'`;

/** Every view by name, in creation order (later ones read earlier ones). */
export const VIEWS = { session_facts: SESSION_FACTS, stalls: STALLS, quality_samples: QUALITY_SAMPLES } as const;

/** Name of one of the collector's views. */
export type ViewName = keyof typeof VIEWS;

/**
 * Creates or replaces every view. The service stores them in the file so
 * analysts can query it directly; read-only openers define them as TEMP views
 * on their own connection, so a report always uses this version's SQL.
 */
export async function createViews(connection: DuckDBConnection, temporary = false): Promise<void> {
  for (const [name, sql] of Object.entries(VIEWS)) {
    await connection.run(`CREATE OR REPLACE ${temporary ? 'TEMP ' : ''}VIEW ${name} AS ${sql}`);
  }
}
