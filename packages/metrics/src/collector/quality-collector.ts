/**
 * `createQualityCollector(room, options)`: watches a {@link Room} through its
 * public events and turns what the viewer sees into telemetry events.
 *
 * - Sessions: one per stay in a room. Startup time counts from the `join()`
 *   call (the room's `connecting` state with reason `join`), so create the
 *   collector before `join()`; created later, it measures from its own
 *   creation and says so (`session_start.lateStart`). The session ends on
 *   `left`, `kicked`, `room-closed` or `pagehide` (decision 10).
 * - Video: elements come from `track-attached`/`track-detached` (decision 5);
 *   frames from `requestVideoFrameCallback`; without it, from `getStats()`.
 * - Sampling keeps or drops whole sessions (decision 11); `enabled: false`
 *   collects nothing (consent, decision 14).
 */
import { type LeaveReason, LiveroomError, parseInput, RemoteTrack, type Room, type RoomEventMap } from '@liveroom/core';
import { layoutChangeBodySchema, pkEndBodySchema, pkStartBodySchema } from '../schema/bodies.js';
import type { ExitReason, TelemetryBody, TelemetryEvent } from '../schema/index.js';
import { browserEnvironment, type CollectorEnvironment } from './environment.js';
import { createEventIdFactory } from './event-id.js';
import { type QualityCollectorOptions, resolveCollectorOptions } from './options.js';
import { SessionTracker } from './session-tracker.js';
import { SinkFanout } from './sink-fanout.js';
import { ViewerSession } from './viewer-session.js';

/** Event types that code outside the collector may emit (decision 4: `@liveroom/hooks`). */
export type EmittedEventType = 'pk_start' | 'pk_end' | 'layout_change';

/**
 * How `@liveroom/hooks` (or an app) adds events to the current session
 * without depending on the collector (a type-only import, decision 4).
 */
export interface TelemetryEmitter {
  /** Adds an event to the current session; dropped when no session is being recorded. */
  emit<T extends EmittedEventType>(type: T, body: TelemetryBody<T>): void;
}

/** The collector `createQualityCollector()` returns. */
export interface QualityCollector extends TelemetryEmitter {
  /** The session being recorded, if any (none before `join()`, when sampled out or disabled). */
  readonly sessionId: string | undefined;
  /** Asks every sink to deliver what it has queued. */
  flush(): Promise<void>;
  /** Ends the open session (reason `leave`), stops listening to the room and closes the sinks. */
  stop(): Promise<void>;
}

/** The schemas of the bodies other code may emit (only these ship in the collector's bundle). */
const EMITTED_BODIES = { pk_start: pkStartBodySchema, pk_end: pkEndBodySchema, layout_change: layoutChangeBodySchema };
const EMITTED_TYPES = Object.keys(EMITTED_BODIES) as EmittedEventType[];

const EXIT_REASONS: Record<LeaveReason, ExitReason> = {
  leave: 'leave',
  kicked: 'kicked',
  'room-closed': 'room_closed',
  failed: 'error',
};

/** The browser environment with the methods a test replaced (class instances keep their `this`). */
function withOverrides(
  base: CollectorEnvironment,
  overrides: Partial<CollectorEnvironment> = {},
): CollectorEnvironment {
  const env = { ...base };
  for (const key of Object.keys(base) as (keyof CollectorEnvironment)[]) {
    const override = overrides[key];
    if (typeof override === 'function') Object.assign(env, { [key]: override.bind(overrides) });
  }
  return env;
}

type Listeners = { [K in keyof RoomEventMap]?: (...args: RoomEventMap[K]) => void };

/**
 * Starts collecting quality telemetry for `room`.
 *
 * @example
 * ```ts
 * const collector = createQualityCollector(room, {
 *   sinks: [createHttpBatchSink({ url: '/ingest' })],
 *   context: { trafficSource: 'paid', deviceClass: 'mobile' },
 * });
 * await room.join({ roomId: 'shop-42', role: 'audience' });
 * ```
 */
export function createQualityCollector(room: Room, options: QualityCollectorOptions = {}): QualityCollector {
  const resolved = resolveCollectorOptions(options);
  const env = withOverrides(browserEnvironment(), resolved.environment);
  const nextId = createEventIdFactory(env.now, env.random);
  const log =
    resolved.debug === true ? (e: TelemetryEvent) => env.log(`[liveroom/metrics] ${e.type}`, e) : resolved.debug;
  const attached = new Map<HTMLMediaElement, RemoteTrack>();
  let tracker: SessionTracker | undefined;
  let session: ViewerSession | undefined;
  let sampledOut = false;
  let joinAtMs: number | undefined;
  let ticker: unknown;

  const fanout = new SinkFanout(resolved.sinks, (sink, code, message) =>
    session?.emit('error', { code, message: `${sink} sink: ${message}`.slice(0, 256), origin: 'sink', fatal: false }),
  );
  const write = (event: TelemetryEvent) => {
    if (log) log(event);
    fanout.write(event);
  };

  const startSession = (late: boolean) => {
    const { roomId, userId, role } = room;
    if (tracker || !roomId || !userId || !role) return;
    if (env.random() >= resolved.sampleRate) {
      sampledOut = true;
      return;
    }
    session = new ViewerSession(
      { roomId, userId, role, provider: room.provider.name },
      { nextId, now: env.now, context: resolved.context, write },
    );
    tracker = new SessionTracker({
      session,
      env,
      joinAtMs: joinAtMs ?? env.now(),
      lateStart: late,
      sampleRate: resolved.sampleRate,
      heartbeatMs: resolved.heartbeatMs,
    });
    for (const [element, track] of attached) tracker.attach(track, element);
    ticker = env.setInterval(tick, resolved.tickMs);
  };

  const endSession = (reason: ExitReason) => {
    sampledOut = false;
    joinAtMs = undefined;
    const ending = tracker;
    if (!ending) return;
    tracker = undefined;
    env.clearInterval(ticker);
    ending.end(reason);
    session = undefined;
    void fanout.flush(reason === 'pagehide' ? 'pagehide' : 'session_end');
  };

  const tick = () => {
    const current = tracker;
    if (!current) return;
    current.tick();
    room.getStats().then(
      (stats) => {
        if (tracker === current) current.onStats(stats);
      },
      () => undefined,
    );
  };

  const setPublisher = (participantId: string, kind: string, active: boolean) => {
    if (kind === 'video') tracker?.setPublisherActive(participantId, active);
  };

  const listeners: Listeners = {
    'connection-state-changed': (change) => {
      if (change.state === 'connecting' && change.reason === 'join') joinAtMs = env.now();
    },
    joined: () => startSession(false),
    left: (reason) => endSession(EXIT_REASONS[reason]),
    kicked: () => endSession('kicked'),
    'room-closed': () => endSession('room_closed'),
    'role-changed': (role, previous) => {
      tracker?.session.setRole(role);
      tracker?.session.emit('role_change', { from: previous, to: role });
    },
    'track-attached': (track, element) => {
      if (!(track instanceof RemoteTrack) || track.kind !== 'video') return;
      attached.set(element, track);
      tracker?.attach(track, element);
    },
    'track-detached': (_track, element) => {
      attached.delete(element);
      tracker?.detach(element);
    },
    'track-muted': (participant, kind) => setPublisher(participant.id, kind, false),
    'track-unmuted': (participant, kind) => setPublisher(participant.id, kind, true),
    'track-unpublished': (participant, kind) => setPublisher(participant.id, kind, false),
    'track-published': (participant, kind) => setPublisher(participant.id, kind, true),
    'participant-left': (participant) => setPublisher(participant.id, 'video', false),
    error: (error) =>
      tracker?.session.emit('error', {
        code: error.code,
        message: error.message.slice(0, 256),
        origin: 'room',
        fatal: true,
      }),
    warning: (error) =>
      tracker?.session.emit('error', {
        code: error.code,
        message: error.message.slice(0, 256),
        origin: 'room',
        fatal: false,
      }),
  };

  const unsubscribers: (() => void)[] = [];
  if (resolved.enabled) {
    for (const [name, listener] of Object.entries(listeners)) {
      room.on(name as keyof RoomEventMap, listener as () => void);
      unsubscribers.push(() => room.off(name as keyof RoomEventMap, listener as () => void));
    }
    unsubscribers.push(
      env.onVisibilityChange(() => tracker?.setVisible(env.visibility() === 'visible')),
      env.onPageHide(() => endSession('pagehide')),
    );
    if (room.connectionState === 'connecting') joinAtMs = env.now();
    if (room.connectionState === 'connected' || room.connectionState === 'reconnecting') startSession(true);
  }

  return {
    get sessionId() {
      return tracker?.session.sessionId;
    },
    emit(type, body) {
      if (!EMITTED_TYPES.includes(type)) {
        throw new LiveroomError(
          'INVALID_CONFIG',
          `emit() accepts ${EMITTED_TYPES.join(', ')}; "${String(type)}" is recorded by the collector itself.`,
        );
      }
      const parsed = parseInput(EMITTED_BODIES[type], body, `${type} event body`);
      if (!sampledOut) tracker?.session.emit(type, parsed as TelemetryBody<typeof type>);
    },
    flush: () => fanout.flush('manual'),
    async stop() {
      endSession('leave');
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await fanout.close();
    },
  };
}
