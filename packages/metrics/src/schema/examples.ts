/**
 * One valid event of each type, for consumers' tests (the Node collector's
 * ingest tests start from these) and for the docs. Kept beside the schemas so
 * they change together; a unit test parses every one.
 */
import { SCHEMA_NAME, SCHEMA_VERSION } from './envelope.js';
import type { TelemetryBody, TelemetryEventOf, TelemetryEventType } from './events.js';

const counters: TelemetryBody<'quality_sample'>['total'] = {
  watchMs: 9_800,
  playingMs: 9_300,
  stalledMs: 500,
  pausedMs: 0,
  foregroundMs: 10_000,
  backgroundMs: 0,
  stallCount: 1,
  stallMs: 500,
  stallsOver500Count: 1,
  pauseCount: 0,
  meanHeight: 720,
  tierMs: { le360: 0, p480: 0, p720: 9_300, ge1080: 0 },
  hdShare: 1,
  switchesUp: 0,
  switchesDown: 0,
};

const bodies: { [T in TelemetryEventType]: TelemetryBody<T> } = {
  session_start: { visibility: 'visible', sampleRate: 1, heartbeatMs: 10_000, lateStart: false },
  first_frame: { startupMs: 850, source: 'rvfc', participantId: 'host-1', width: 1280, height: 720 },
  quality_sample: {
    intervalMs: 10_000,
    source: 'rvfc',
    delta: counters,
    total: counters,
    fps: 29.7,
    bitrateKbps: 1_450,
    packetLossRatio: 0.002,
    dropRatio: 0,
    qualityLimitationReason: 'none',
  },
  stall_start: { source: 'rvfc', participantId: 'host-1', thresholdMs: 183 },
  stall_end: { source: 'rvfc', participantId: 'host-1', durationMs: 500 },
  resolution_change: {
    participantId: 'host-1',
    fromWidth: 640,
    fromHeight: 360,
    toWidth: 1280,
    toHeight: 720,
    direction: 'up',
  },
  role_change: { from: 'audience', to: 'cohost' },
  pk_start: { battleId: 'pk-42', opponentRoomId: 'room-b', durationMs: 180_000 },
  pk_end: { battleId: 'pk-42', result: 'win', scores: { local: 1_200, opponent: 950 }, reason: 'time_up' },
  layout_change: { from: 'single', to: 'pk-split', tileCount: 2 },
  error: { code: 'CONNECTION_FAILED', message: 'Could not join room "room-a"', origin: 'room', fatal: true },
  session_end: {
    reason: 'leave',
    dwellMs: 10_900,
    total: counters,
    source: 'rvfc',
    videoStarted: true,
    exitBeforeVideoStart: false,
    startupMs: 850,
    msSinceLastStall: 4_000,
    stalledAtExit: false,
  },
};

const SEQ: { [T in TelemetryEventType]: number } = {
  session_start: 0,
  first_frame: 1,
  quality_sample: 2,
  stall_start: 3,
  stall_end: 4,
  resolution_change: 5,
  role_change: 6,
  pk_start: 7,
  pk_end: 8,
  layout_change: 9,
  error: 10,
  session_end: 11,
};

/** A valid event of `type` (seq follows the order above; `overrides` replace envelope fields). */
export function exampleEvent<T extends TelemetryEventType>(
  type: T,
  overrides: Partial<Omit<TelemetryEventOf<T>, 'type' | 'body'>> = {},
): TelemetryEventOf<T> {
  const seq = SEQ[type];
  return {
    schema: SCHEMA_NAME,
    version: SCHEMA_VERSION,
    eventId: `01JD${String(seq).padStart(2, '0')}XK8Q0000000000000000`.slice(0, 26),
    type,
    ts: 1_764_000_000_000 + seq * 1_000,
    seq,
    sessionId: '01JD00XK8Q7M4V2T9C6B3N5R8W',
    roomId: 'room-a',
    userId: 'u_7f3a9c',
    role: 'audience',
    provider: 'local',
    sdkVersion: '0.1.0',
    context: { trafficSource: 'natural', page: 'live/room', deviceClass: 'mobile', region: 'eu-west' },
    body: bodies[type],
    ...overrides,
  } as TelemetryEventOf<T>;
}
