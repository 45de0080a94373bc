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
export class ViewerSession {
  readonly sessionId: string;
  readonly #identity: SessionIdentity;
  readonly #deps: ViewerSessionDeps;
  #seq = 0;

  constructor(identity: SessionIdentity, deps: ViewerSessionDeps) {
    this.#identity = { ...identity };
    this.#deps = deps;
    this.sessionId = deps.nextId();
  }

  /** The local user's role (or provider-assigned id) changed; later events carry the new one. */
  update(identity: Partial<SessionIdentity>): void {
    Object.assign(this.#identity, identity);
  }

  /** Sends one event (at `ts`, default now) and returns it. */
  emit<T extends TelemetryEventType>(type: T, body: TelemetryBody<T>, ts = this.#deps.now()): TelemetryEventOf<T> {
    const event = {
      schema: SCHEMA_NAME,
      version: SCHEMA_VERSION,
      eventId: this.#deps.nextId(),
      type,
      ts: Math.round(ts),
      seq: this.#seq,
      sessionId: this.sessionId,
      ...this.#identity,
      sdkVersion: SDK_VERSION,
      context: this.#deps.context,
      body,
    } as TelemetryEventOf<T>;
    this.#seq += 1; // before writing: a sink failure reported during the write is the next event
    this.#deps.write(event as TelemetryEvent);
    return event;
  }
}
