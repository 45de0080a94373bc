/**
 * `createQualityCollector(room, options)`: watches a {@link Room} through its
 * public events and turns what the viewer sees into telemetry events.
 *
 * - Sessions: one per stay in a room, from the `join()` call (the room's
 *   `joining` event), so a join that fails or is abandoned is a session
 *   that ends before video start (Mux's EBVS), not a missing one. Startup
 *   time counts from that call too, so create the collector before `join()`;
 *   created later, it measures from its own creation and says so
 *   (`session_start.lateStart`). The session ends on `kicked`, `room-closed`,
 *   `pagehide`, or when the room turns `disconnected` (`leave`) or `failed`
 *   (`error`), which is also how a failed or abandoned join ends (decision 10).
 * - Video: elements come from `track-attached`/`track-detached` (decision 5);
 *   frames from `requestVideoFrameCallback`; without it, from `getStats()`.
 * - Sampling keeps or drops whole sessions (decision 11); `enabled: false`
 *   collects nothing (consent, decision 14).
 */
import {
  type EventListeners,
  LiveroomError,
  onEvents,
  RemoteTrack,
  type Room,
  type RoomEventMap,
} from '@liveroom/core';
import type { ExitReason, TelemetryBody, TelemetryEvent } from '../schema/index.js';
import { browserEnvironment } from './environment.js';
import { createEventIdFactory } from './event-id.js';
import { type QualityCollectorOptions, resolveCollectorOptions } from './options.js';
import { SessionTracker } from './session-tracker.js';
import { createSinkFanout } from './sink-fanout.js';
import { createViewerSession, type ViewerSession } from './viewer-session.js';

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

/**
 * The types other code may emit. Their bodies are typed (`TelemetryBody<T>`)
 * and not re-validated here: shipping their zod schemas to every browser to
 * check what `@liveroom/hooks` builds from typed state is not worth its bytes,
 * and the collector service validates every event at ingest (decision 15).
 */
const EMITTED_TYPES: readonly string[] = ['pk_start', 'pk_end', 'layout_change'];

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
  const env = resolved.environment ?? browserEnvironment();
  // Called through `env`, so an environment may be a class instance.
  const now = () => env.now();
  const nextId = createEventIdFactory(now, () => env.random());
  const log =
    resolved.debug === true ? (e: TelemetryEvent) => env.log(`[liveroom/metrics] ${e.type}`, e) : resolved.debug;
  let tracker: SessionTracker | undefined;
  let session: ViewerSession | undefined;
  let joinAtMs: number | undefined;
  /** This join was sampled out (decided once, at `joining`, for the whole stay). */
  let sampledOut = false;
  let ticker: unknown;

  const reportError = (code: string, message: string, origin: 'room' | 'sink', fatal: boolean) =>
    session?.emit('error', { code, message: message.slice(0, 256), origin, fatal });
  const fanout = createSinkFanout(resolved.sinks, (sink, code, message) =>
    reportError(code, `${sink} sink: ${message}`, 'sink', false),
  );
  const write = (event: TelemetryEvent) => {
    if (log) log(event);
    fanout.write(event);
  };

  /** Starts a session for `who` (the room itself once joined, or what the `joining` event says). */
  const startSession = (late: boolean, who: Pick<Room, 'roomId' | 'userId' | 'role'> = room) => {
    const { roomId, userId, role } = who;
    if (tracker || sampledOut || !roomId || !userId || !role) return;
    sampledOut = env.random() >= resolved.sampleRate;
    if (sampledOut) return; // no session, so emit() records nothing
    session = createViewerSession(
      { roomId, userId, role, provider: room.provider.name },
      { nextId, now, context: resolved.context, write },
    );
    tracker = new SessionTracker({ ...resolved, session, env, joinAtMs: joinAtMs ?? env.now(), lateStart: late });
    // Videos attached before the session (a late start) are watched too.
    for (const { videoTrack: track } of room.participants.values()) {
      if (track) for (const element of track.attachedElements) tracker.attach(track, element);
    }
    ticker = env.setInterval(tick, resolved.tickMs);
  };

  const endSession = (reason: ExitReason) => {
    joinAtMs = undefined;
    sampledOut = false;
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
    if (room.connectionState !== 'connected' || !current.wantsStats(env.now() + resolved.tickMs)) return;
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

  const listeners: EventListeners<RoomEventMap> = {
    joining: (info) => {
      joinAtMs = env.now();
      startSession(false, info);
    },
    joined: (info) => {
      session?.update({ userId: info.userId }); // a provider may assign another id than the one asked for
      startSession(false);
    },
    // After `kicked` or `room-closed` these find the session ended already.
    'connection-state-changed': ({ state }) => {
      if (state === 'disconnected') endSession('leave');
      if (state === 'failed') endSession('error');
    },
    kicked: () => endSession('kicked'),
    'room-closed': () => endSession('room_closed'),
    'role-changed': (role, previous) => {
      session?.update({ role });
      session?.emit('role_change', { from: previous, to: role });
    },
    'track-attached': (track, element) => {
      if (track instanceof RemoteTrack && track.kind === 'video') tracker?.attach(track, element);
    },
    'track-detached': (_track, element) => tracker?.detach(element),
    'track-muted': (participant, kind) => setPublisher(participant.id, kind, false),
    'track-unmuted': (participant, kind) => setPublisher(participant.id, kind, true),
    'track-unpublished': (participant, kind) => setPublisher(participant.id, kind, false),
    'track-published': (participant, kind) => setPublisher(participant.id, kind, true),
    'participant-left': (participant) => setPublisher(participant.id, 'video', false),
    error: (error) => reportError(error.code, error.message, 'room', true),
    warning: (error) => reportError(error.code, error.message, 'room', false),
  };

  const unsubscribers: (() => void)[] = [];
  if (resolved.enabled) {
    unsubscribers.push(
      onEvents<RoomEventMap>(room, listeners),
      env.onVisibilityChange(() => tracker?.setVisible(env.visibility() === 'visible')),
      env.onPageHide(() => endSession('pagehide')),
    );
    if (room.connectionState === 'connecting') joinAtMs = env.now();
    if (room.connectionState === 'connected' || room.connectionState === 'reconnecting') startSession(true);
  }

  return {
    get sessionId() {
      return session?.sessionId;
    },
    emit(type, body) {
      if (!EMITTED_TYPES.includes(type) || typeof body !== 'object' || body === null) {
        throw new LiveroomError(
          'INVALID_CONFIG',
          `emit() takes ${EMITTED_TYPES.join(', ')} with an object body (the collector records other types itself); got "${String(type)}".`,
        );
      }
      // A copy: the event may sit in a sink's queue while the caller reuses its object.
      session?.emit(type, { ...body } as TelemetryBody<typeof type>);
    },
    flush: () => fanout.flush('manual'),
    async stop() {
      endSession('leave');
      for (const unsubscribe of unsubscribers.splice(0)) unsubscribe();
      await fanout.close();
    },
  };
}
