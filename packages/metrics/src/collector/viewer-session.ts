/**
 * One viewer's stay in one room, as telemetry: the envelope every event of
 * the session shares, a gap-free `seq` from 0 (decision 11) and sortable ids.
 */
import type { Role } from '@liveroom/core';
import type {
  TelemetryBody,
  TelemetryContext,
  TelemetryEvent,
  TelemetryEventOf,
  TelemetryEventType,
} from '../schema/index.js';
import { SCHEMA_NAME, SCHEMA_VERSION } from '../schema/name.js';
import { SDK_VERSION } from '../version.js';

/** Who and where the session is. */
export interface SessionIdentity {
  roomId: string;
  userId: string;
  role: Role;
  provider: string;
}

/** What a session needs from the collector. */
export interface ViewerSessionDeps {
  nextId: () => string;
  now: () => number;
  context: TelemetryContext;
  write: (event: TelemetryEvent) => void;
}

/** Builds and sends the events of one session. */
export interface ViewerSession {
  readonly sessionId: string;
  /** The local user's role (or provider-assigned id) changed; later events carry the new one. */
  update(identity: Partial<SessionIdentity>): void;
  /** Sends one event (at `ts`, default now) and returns it. */
  emit<T extends TelemetryEventType>(type: T, body: TelemetryBody<T>, ts?: number): TelemetryEventOf<T>;
}

/** Starts a session: its id is the first id `deps.nextId` makes. */
export function createViewerSession(identity: SessionIdentity, deps: ViewerSessionDeps): ViewerSession {
  const who = { ...identity };
  const sessionId = deps.nextId();
  let seq = 0;
  return {
    sessionId,
    update: (changed) => Object.assign(who, changed),
    emit(type, body, ts = deps.now()) {
      const event = {
        schema: SCHEMA_NAME,
        version: SCHEMA_VERSION,
        eventId: deps.nextId(),
        type,
        ts: Math.round(ts),
        seq: seq++, // before writing: a sink failure reported during the write is the next event
        sessionId,
        ...who,
        sdkVersion: SDK_VERSION,
        context: deps.context,
        body,
      } as TelemetryEventOf<typeof type>;
      deps.write(event as TelemetryEvent);
      return event;
    },
  };
}
