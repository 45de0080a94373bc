/**
 * Retry delays: exponential backoff with "equal jitter" (half fixed, half
 * random), so a fleet of viewers that lost the ingest together does not
 * retry in lockstep (AWS Architecture Blog, "Exponential Backoff and Jitter").
 */

/** Backoff bounds in ms. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** The delay before retry number `attempt` (0-based), for `random` in [0, 1). */
export function backoffDelayMs(policy: BackoffPolicy, attempt: number, random: number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return ceiling / 2 + (ceiling / 2) * random;
}
