/** Giving up on a call that may never settle (Agora's `join()` offline). */
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
