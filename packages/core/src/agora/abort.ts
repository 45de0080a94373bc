/**
 * Giving up on a call that may never settle: Agora's `join()` retries
 * forever while the network is unreachable (TOOLCHAIN.md), so the provider
 * races it against the caller's signal and its own timeout.
 */
import { LiveroomError } from '../errors.js';

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The error a join aborted by the caller's signal rejects with: its reason when that is a LiveroomError. */
export function abortReasonOf(reason: unknown): LiveroomError {
  if (reason instanceof LiveroomError) return reason;
  return new LiveroomError('OPERATION_ABORTED', 'join() was aborted.', { cause: reason, provider: 'agora' });
}

/** How long {@link settleWithin} waits, and who else may stop it. */
export interface Deadline {
  /** Aborted when the attempt ends early; others (e.g. `leave()`) may abort it too. */
  attempt: AbortController;
  /** The caller's signal (the room's own timeout, or its `leave()`). */
  caller: AbortSignal;
  timeoutMs: number;
  timeoutError: () => LiveroomError;
}

/**
 * Runs `work` until it settles, the caller aborts, or the timeout passes,
 * whichever comes first. `work` gets the attempt's signal to stop between
 * its steps. Once abandoned, `work`'s own rejection is ignored (Agora rejects
 * the abandoned join with `OPERATION_ABORTED` after `leave()`).
 */
export async function settleWithin<T>(work: (signal: AbortSignal) => Promise<T>, deadline: Deadline): Promise<T> {
  const { attempt, caller, timeoutMs, timeoutError } = deadline;
  const timer = setTimeout(() => attempt.abort(timeoutError()), timeoutMs);
  const onAbort = () => attempt.abort(abortReasonOf(caller.reason));
  if (caller.aborted) onAbort();
  caller.addEventListener('abort', onAbort, { once: true });
  try {
    const running = work(attempt.signal);
    running.catch(() => undefined);
    return await raceSignal(running, attempt.signal);
  } finally {
    clearTimeout(timer);
    caller.removeEventListener('abort', onAbort);
  }
}
