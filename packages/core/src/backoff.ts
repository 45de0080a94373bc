/**
 * Retry timing shared by every liveroom retry loop (the local provider's
 * signalling reconnects, the telemetry sinks' resends): exponential backoff
 * with "equal jitter" (half fixed, half random), so many tabs that lost the
 * same server do not all come back in the same millisecond.
 * See the AWS Architecture Blog, "Exponential Backoff And Jitter" (2015).
 */

/** Backoff bounds. */
export interface BackoffPolicy {
  /** The ceiling of the first retry's wait, in ms; it doubles with every attempt. */
  baseMs: number;
  /** The largest ceiling, in ms. */
  maxMs: number;
}

/**
 * The wait before retry number `attempt` (0-based), in ms: between half and
 * all of `min(maxMs, baseMs · 2^attempt)`.
 *
 * @param random - a source of numbers in [0, 1); tests pass a fixed one.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}
