/**
 * Options of `createLocalProvider()`, validated with zod/mini. The defaults
 * suit one machine: a join gives up within a few seconds when the server is
 * not there, and a dropped socket is retried for about half a minute.
 */
import * as z from 'zod/mini';

/** A whole number from `min` to `max` (more `checks` may narrow it), `fallback` when left out: a duration in ms or a count. */
const whole = (min: number, max: number, fallback: number, ...checks: z.core.$ZodCheck<number>[]) =>
  z._default(z.number().check(z.int(), z.gte(min), z.lte(max), ...checks), fallback);
const ms = whole;
const count = whole;

/** Schema of {@link LocalProviderOptions}. */
export const localProviderOptionsSchema = z.object({
  /** The signalling server, e.g. `ws://127.0.0.1:8787` (see `@liveroom/signalling`). */
  signallingUrl: z.string().check(z.regex(/^wss?:\/\/.+/, 'signallingUrl must be a ws:// or wss:// URL')),
  /** How long one connection attempt may take, in ms (default 3000). */
  connectTimeoutMs: ms(100, 60_000, 3000),
  /** Connection attempts of `join()` before it rejects with `CONNECTION_FAILED`. */
  joinAttempts: count(1, 20, 3),
  /** Attempts to restore a dropped connection before giving up (`failed`, `retries-exhausted`). */
  reconnectAttempts: count(0, 50, 10),
  /** First retry delay in ms (default 250); it doubles per attempt up to `backoffMaxMs`, with jitter. */
  backoffBaseMs: ms(10, 60_000, 250),
  /** Longest retry delay in ms (default 4000). */
  backoffMaxMs: ms(10, 120_000, 4000),
  /** Client heartbeat: a ping this often, in ms (default 2000). */
  heartbeatIntervalMs: ms(50, 60_000, 2000),
  /** A ping unanswered for this long (ms, default 6000) means the connection is lost and reconnection starts. */
  heartbeatTimeoutMs: ms(100, 300_000, 6000),
  /** How long `subscribe()` waits for the publisher's media to arrive. */
  subscribeTimeoutMs: ms(100, 120_000, 15_000),
  /** How often `audio-levels` is emitted while audio flows, each level averaged over the period; 0 turns it off. */
  audioLevelIntervalMs: ms(0, 10_000, 500),
  /**
   * How often the mesh's stats are read for `network-quality` (ms, default
   * 2000, Agora's cadence); an event follows only when a level changed. 0 turns it off.
   */
  networkQualityIntervalMs: ms(
    0,
    60_000,
    2000,
    // Loss over a shorter interval counts a handful of packets (1 of 5 lost reads as 20 %), so the level would flap.
    z.refine((value) => value === 0 || value >= 500, 'must be 0 (off) or at least 500 ms'),
  ),
});

/** Options of `createLocalProvider()`. */
export type LocalProviderOptions = z.input<typeof localProviderOptionsSchema>;
/** Options with their defaults applied. */
export type LocalProviderConfig = z.output<typeof localProviderOptionsSchema>;
