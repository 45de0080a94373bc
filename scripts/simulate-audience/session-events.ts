/**
 * Turns one drawn viewer into the telemetry events the browser SDK would
 * have sent for it: `session_start`, `first_frame`, heartbeats with deltas
 * and cumulative counters, stalls, a PK battle, and `session_end` (unless
 * the plan says the tab died, in which case everything after the last
 * heartbeat is lost too).
 */
import {
  type QualityCounters,
  SCHEMA_NAME,
  SCHEMA_VERSION,
  type TelemetryEvent,
  type TelemetryEventOf,
  type TelemetryEventType,
} from '@liveroom/metrics/schema';
import type { ViewerPlan } from './audience-model.ts';
import type { Rng } from './rng.ts';
import { ulid } from './ulid.ts';

/** Where and when a viewer's session happens. */
export interface SessionFrame {
  sessionId: string;
  roomId: string;
  userId: string;
  /** Client epoch ms of the join call. */
  joinedAt: number;
  heartbeatMs: number;
}

type Draft = {
  [T in TelemetryEventType]: { t: number; type: T; body: TelemetryEventOf<T>['body'] };
}[TelemetryEventType];

/** The events of one session, in `seq` order. */
export function sessionEvents(plan: ViewerPlan, frame: SessionFrame, rng: Rng): TelemetryEvent[] {
  const counters = (t: number) => countersAt(plan, t);
  const hd = plan.hdShare >= 0.5;
  const drafts: Draft[] = [
    {
      t: 0,
      type: 'session_start',
      body: { visibility: 'visible', sampleRate: 1, heartbeatMs: frame.heartbeatMs, lateStart: false },
    },
    {
      t: plan.startupMs,
      type: 'first_frame',
      body: {
        startupMs: plan.startupMs,
        source: 'rvfc',
        participantId: 'host-1',
        width: hd ? 1280 : 640,
        height: hd ? 720 : 360,
      },
    },
    {
      t: plan.startupMs,
      type: 'resolution_change',
      body: { participantId: 'host-1', toWidth: hd ? 1280 : 640, toHeight: hd ? 720 : 360, direction: 'initial' },
    },
  ];
  for (const [start, end] of plan.stalls) {
    drafts.push({ t: start, type: 'stall_start', body: { source: 'rvfc', participantId: 'host-1', thresholdMs: 150 } });
    drafts.push({
      t: end,
      type: 'stall_end',
      body: { source: 'rvfc', participantId: 'host-1', durationMs: end - start },
    });
  }
  if (plan.pk) drafts.push(...battle(plan, rng));
  let lastBeat = 0;
  for (let t = frame.heartbeatMs; t < plan.dwellMs; t += frame.heartbeatMs) {
    drafts.push({
      t,
      type: 'quality_sample',
      body: {
        intervalMs: t - lastBeat,
        source: 'rvfc',
        delta: difference(counters(t), counters(lastBeat)),
        total: counters(t),
        fps: 24,
      },
    });
    lastBeat = t;
  }
  const lastStallEnd = plan.stalls.at(-1)?.[1];
  drafts.push({
    t: plan.dwellMs,
    type: 'session_end',
    body: {
      reason: 'leave',
      dwellMs: plan.dwellMs,
      total: counters(plan.dwellMs),
      source: 'rvfc',
      videoStarted: true,
      exitBeforeVideoStart: false,
      startupMs: plan.startupMs,
      ...(lastStallEnd === undefined ? {} : { msSinceLastStall: plan.dwellMs - lastStallEnd }),
      stalledAtExit: false,
    },
  });
  const kept = plan.sendsEnd ? drafts : drafts.filter((d) => d.t <= lastBeat && d.type !== 'session_end');
  kept.sort((a, b) => a.t - b.t);
  return kept.map((draft, seq) => {
    const ts = frame.joinedAt + draft.t;
    return {
      schema: SCHEMA_NAME,
      version: SCHEMA_VERSION,
      eventId: ulid(ts, rng.next),
      type: draft.type,
      ts,
      seq,
      sessionId: frame.sessionId,
      roomId: frame.roomId,
      userId: frame.userId,
      role: 'audience',
      provider: 'local',
      sdkVersion: '0.1.0',
      context: { trafficSource: plan.trafficSource, page: 'live/room', deviceClass: 'mobile', region: 'eu-west' },
      body: draft.body,
    } as TelemetryEvent;
  });
}

function battle(plan: ViewerPlan, rng: Rng): Draft[] {
  const start = Math.round(rng.uniform(plan.startupMs, plan.dwellMs));
  const end = Math.min(start + 60_000, plan.dwellMs);
  return [
    { t: start, type: 'pk_start', body: { battleId: `pk-${start}`, durationMs: 60_000 } },
    { t: start, type: 'layout_change', body: { from: 'single', to: 'pk-split', tileCount: 2 } },
    { t: end, type: 'pk_end', body: { battleId: `pk-${start}`, result: 'draw', scores: { local: 10, opponent: 10 } } },
    { t: end, type: 'layout_change', body: { from: 'pk-split', to: 'single', tileCount: 1 } },
  ];
}

/** Cumulative counters at `t` ms after the join call (video plays from `startupMs`). */
function countersAt(plan: ViewerPlan, t: number): QualityCounters {
  const watchMs = Math.max(0, t - plan.startupMs);
  const ended = plan.stalls.filter(([, e]) => e <= t);
  const stalledMs = plan.stalls.reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, t) - s), 0);
  const playingMs = watchMs - stalledMs;
  const hdMs = Math.round(playingMs * plan.hdShare);
  return tiered({
    watchMs,
    playingMs,
    stalledMs,
    pausedMs: 0,
    foregroundMs: t,
    backgroundMs: 0,
    stallCount: ended.length,
    stallMs: ended.reduce((sum, [s, e]) => sum + e - s, 0),
    stallsOver500Count: ended.filter(([s, e]) => e - s >= 500).length,
    pauseCount: 0,
    tierMs: { le360: playingMs - hdMs, p480: 0, p720: hdMs, ge1080: 0 },
    switchesUp: 0,
    switchesDown: 0,
  });
}

function difference(now: QualityCounters, before: QualityCounters): QualityCounters {
  const minus = (key: Exclude<keyof QualityCounters, 'tierMs' | 'meanHeight' | 'hdShare'>) => now[key] - before[key];
  return tiered({
    watchMs: minus('watchMs'),
    playingMs: minus('playingMs'),
    stalledMs: minus('stalledMs'),
    pausedMs: minus('pausedMs'),
    foregroundMs: minus('foregroundMs'),
    backgroundMs: minus('backgroundMs'),
    stallCount: minus('stallCount'),
    stallMs: minus('stallMs'),
    stallsOver500Count: minus('stallsOver500Count'),
    pauseCount: minus('pauseCount'),
    tierMs: {
      le360: now.tierMs.le360 - before.tierMs.le360,
      p480: 0,
      p720: now.tierMs.p720 - before.tierMs.p720,
      ge1080: 0,
    },
    switchesUp: 0,
    switchesDown: 0,
  });
}

/** Adds `hdShare` and `meanHeight` from the tier times, leaving them out when no video was shown. */
function tiered(counters: Omit<QualityCounters, 'hdShare' | 'meanHeight'>): QualityCounters {
  const shown = counters.tierMs.le360 + counters.tierMs.p720;
  if (shown <= 0) return counters;
  return {
    ...counters,
    hdShare: counters.tierMs.p720 / shown,
    meanHeight: (360 * counters.tierMs.le360 + 720 * counters.tierMs.p720) / shown,
  };
}
