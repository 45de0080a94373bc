/**
 * How hooks report `pk_start`, `pk_end` and `layout_change`: through an
 * injected `TelemetryEmitter` (DESIGN.md decision 4), a type-only import
 * from `@liveroom/metrics`, so hooks never load metrics' runtime. Pass the
 * `QualityCollector` (it is one), or anything with a matching `emit`.
 */
import type { TelemetryBody, TelemetryEmitter } from '@liveroom/metrics';

export type { TelemetryEmitter };

/** Body of `pk_start`: a battle went live (`@liveroom/metrics/schema` `pkStartBodySchema`). */
export type PkStartBody = TelemetryBody<'pk_start'>;

/**
 * Body of `pk_end` (`pkEndBodySchema`), plus why the battle ended. `result`
 * is `aborted` when either side left or disconnected mid-battle; `reason`
 * tells which.
 */
export type PkEndBody = TelemetryBody<'pk_end'> & {
  reason: 'time_up' | 'ended_early' | 'opponent_left' | 'left';
};

/** Body of `layout_change`: the stage switched mode or its tile count changed. */
export type LayoutChangeBody = TelemetryBody<'layout_change'>;
