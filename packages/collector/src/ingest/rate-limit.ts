/**
 * Per-client token bucket. The state lives in this process only, so each
 * instance behind a load balancer enforces its own share; that keeps ingest
 * stateless beyond the database, at the price of a looser global bound.
 */
import { RequestError } from './http-error.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Limits requests per client key (an address) to `perSecond`, with bursts up to `burst`. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes one token for `client`, or throws 429 with `Retry-After`. */
  take(client: string): void {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, updatedAt: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond);
    bucket.updatedAt = now;
    if (bucket.tokens < 1) {
      this.buckets.set(client, bucket);
      const waitSeconds = Math.ceil((1 - bucket.tokens) / this.perSecond);
      throw new RequestError(429, 'rate_limited', 'Too many requests; retry later.', {
        'retry-after': String(waitSeconds),
      });
    }
    bucket.tokens -= 1;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 10_000) this.forgetFull(now);
  }

  /** Drops buckets that have refilled completely: they hold no information. */
  private forgetFull(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.perSecond >= this.burst) this.buckets.delete(client);
    }
  }
}
