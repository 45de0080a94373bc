/**
 * Sends events to a collector the way the browser HTTP sink does: batches,
 * a few in flight, and retries with exponential backoff and jitter on
 * network errors, 429 and 5xx. Rejected events are never resent (decision 15).
 */

/** Delivery settings. */
export interface SendOptions {
  url: string;
  writeKey: string;
  batchSize?: number;
  concurrency?: number;
  /** Give up on a batch after this many attempts. */
  maxAttempts?: number;
  /** First retry delay, ms; doubles each time, with full jitter. */
  baseDelayMs?: number;
  /** Called after each acknowledged batch with the running tally. */
  onProgress?: (tally: Readonly<SendTally>) => void;
}

/** What the collector said, summed over every batch. */
export interface SendTally {
  accepted: number;
  duplicate: number;
  rejected: number;
  /** Attempts that failed and were retried. */
  retries: number;
}

/** Sends every event; rejects if a batch still fails after `maxAttempts`. */
export async function sendEvents(events: readonly unknown[], options: SendOptions): Promise<SendTally> {
  const batchSize = options.batchSize ?? 500;
  const tally: SendTally = { accepted: 0, duplicate: 0, rejected: 0, retries: 0 };
  let next = 0;
  const worker = async () => {
    while (next < events.length) {
      const batch = events.slice(next, next + batchSize);
      next += batchSize;
      const result = await postWithRetry(JSON.stringify(batch), options, tally);
      tally.accepted += result.accepted;
      tally.duplicate += result.duplicate;
      tally.rejected += result.rejected;
      options.onProgress?.(tally);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return tally;
}

async function postWithRetry(body: string, options: SendOptions, tally: SendTally): Promise<SendTally> {
  const maxAttempts = options.maxAttempts ?? 12;
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${options.url}/v1/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.writeKey}` },
        body,
      });
      if (response.ok) return (await response.json()) as SendTally;
      if (response.status !== 429 && response.status < 500) {
        throw new Error(`The collector refused the batch: ${response.status} ${await response.text()}`);
      }
    } catch (error) {
      if (!(error instanceof TypeError) || attempt >= maxAttempts) throw error; // fetch network errors are TypeErrors
    }
    if (attempt >= maxAttempts) throw new Error(`Gave up after ${attempt} attempts`);
    tally.retries++;
    const cap = (options.baseDelayMs ?? 100) * 2 ** Math.min(attempt - 1, 6);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
  }
}
