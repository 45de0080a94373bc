/**
 * How hooks report `pk_start`, `pk_end` and `layout_change` (DESIGN.md
 * decision 4: an injected emitter, so hooks never import metrics' runtime).
 *
 * TODO(metrics): replace the local interface with
 * `import type { TelemetryEmitter } from '@liveroom/metrics'` once metrics
 * exports it; the bodies below already follow `@liveroom/metrics/schema`
 * (`pkStartBodySchema`, `pkEndBodySchema`, `layoutChangeBodySchema`).
 */

/** Body of `pk_start`: a battle went live. */
export interface PkStartBody {
  battleId: string;
  /** Set for cross-room battles. */
  opponentRoomId?: string;
  /** Planned length, in ms. */
  durationMs: number;
}

/** Body of `pk_end`: how the battle ended for the local side, with both scores. */
export interface PkEndBody {
  battleId: string;
  /** `aborted` when either side left or disconnected mid-battle (see `reason`). */
  result: 'win' | 'loss' | 'draw' | 'aborted';
  /** Why it ended: the clock ran out, a host ended it early, the opponent left, or the local side left. */
  reason: 'time_up' | 'ended_early' | 'opponent_left' | 'left';
  scores: { local: number; opponent: number };
}

/** Body of `layout_change`: the stage switched mode or its tile count changed. */
export interface LayoutChangeBody {
  from?: string;
  to: string;
  tileCount: number;
}

/** Telemetry bodies by event type. */
export interface HooksTelemetryBodies {
  pk_start: PkStartBody;
  pk_end: PkEndBody;
  layout_change: LayoutChangeBody;
}

/**
 * The minimal structural emitter hooks need. Any object with a matching
 * `emit` works, including metrics' `TelemetryEmitter`.
 */
export interface HooksTelemetryEmitter {
  emit<T extends keyof HooksTelemetryBodies>(type: T, body: HooksTelemetryBodies[T]): void;
}
