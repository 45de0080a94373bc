/**
 * One pending `join()`: its abort signal, its timeout, and a promise that
 * settles once it has cleaned up, so `leave()` can cancel it and wait.
 */
import { LiveroomError } from './errors.js';

/** A join in flight. */
export class JoinAttempt {
  readonly #abort = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #settled: Promise<void>;
  #settle: () => void = () => {};

  /** Starts the attempt; it aborts with `JOIN_TIMEOUT` after `timeoutMs`. */
  constructor(timeoutMs: number, provider: string) {
    this.#settled = new Promise<void>((resolve) => {
      this.#settle = resolve;
    });
    this.#timer = setTimeout(() => {
      const message = `join() did not complete within ${timeoutMs} ms. Check the network or the signalling URL, or raise joinTimeoutMs.`;
      this.#abort.abort(new LiveroomError('JOIN_TIMEOUT', message, { provider }));
    }, timeoutMs);
  }

  /** Aborted on timeout or cancel; providers should stop connecting when it fires. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Resolves or rejects like `promise`, but rejects with the abort reason as soon as the attempt aborts. */
  run<T>(promise: Promise<T>): Promise<T> {
    const signal = this.#abort.signal;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      if (signal.aborted) onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  /** Cancels the attempt (from `leave()`) and waits until it has cleaned up. */
  cancel(): Promise<void> {
    this.#abort.abort(new LiveroomError('OPERATION_ABORTED', 'join() was cancelled by leave().'));
    return this.#settled;
  }

  /** Marks the attempt finished: clears the timer and releases waiters. */
  finish(): void {
    clearTimeout(this.#timer);
    this.#settle();
  }
}
