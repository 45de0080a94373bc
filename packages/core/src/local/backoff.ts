/**
 * Retry timing for the signalling connection: exponential backoff with
 * "equal jitter" (half fixed, half random), so many tabs that lost the same
 * server do not all reconnect in the same millisecond.
 * See the AWS Architecture Blog, "Exponential Backoff And Jitter" (2015).
 */

/** Backoff bounds, in ms. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** The wait before retry number `attempt` (0-based): between half and all of `min(max, base·2^attempt)`. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  return ceiling / 2 + random() * (ceiling / 2);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
