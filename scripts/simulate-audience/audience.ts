/**
 * A whole synthetic audience: `sessions` viewers spread over a time window
 * that ends before now (so no event is in the future), each drawn from the
 * {@link AudienceModel}, all from one seed.
 */
import type { TelemetryEvent } from '@liveroom/metrics/schema';
import { type AudienceModel, defaultAudienceModel, drawViewer, type ViewerPlan } from './audience-model.ts';
import { Rng } from './rng.ts';
import { sessionEvents } from './session-events.ts';
import { ulid } from './ulid.ts';

/** What to simulate. */
export interface AudienceOptions {
  sessions: number;
  seed: number;
  /** Heartbeat interval, ms (the SDK's default is 10 s; tests use more to send fewer events). */
  heartbeatMs?: number;
  /** Rooms the viewers are spread over. */
  rooms?: number;
  /** Joins are spread over this window, ms, ending an hour before `now`. */
  windowMs?: number;
  /** Server-clock now, epoch ms. */
  now?: number;
  /** Overrides of the model's defaults. */
  model?: Partial<AudienceModel>;
}

/** One viewer's plan and the session id its events carry. */
export type PlannedSession = ViewerPlan & { sessionId: string };

/** The simulated audience: every event, time-ordered, and each viewer's plan (the ground truth). */
export interface Audience {
  events: TelemetryEvent[];
  plans: PlannedSession[];
  model: AudienceModel;
}

/** Draws the audience and its events. */
export function simulateAudience(options: AudienceOptions): Audience {
  const model = { ...defaultAudienceModel, ...options.model };
  const rng = new Rng(options.seed);
  const now = options.now ?? Date.now();
  const windowMs = options.windowMs ?? 2 * 3_600_000;
  const rooms = options.rooms ?? 20;
  const plans: PlannedSession[] = [];
  const events: TelemetryEvent[] = [];
  for (let i = 0; i < options.sessions; i++) {
    const plan = drawViewer(rng, model);
    const joinedAt = Math.round(now - 3_600_000 - windowMs + rng.uniform(0, windowMs));
    const frame = {
      sessionId: ulid(joinedAt, rng.next),
      roomId: `room-${i % rooms}`,
      userId: `u_${i.toString(36)}`,
      joinedAt,
      heartbeatMs: options.heartbeatMs ?? 10_000,
    };
    plans.push({ ...plan, sessionId: frame.sessionId });
    events.push(...sessionEvents(plan, frame, rng));
  }
  events.sort((a, b) => a.ts - b.ts);
  return { events, plans, model };
}
