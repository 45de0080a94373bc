/**
 * The collector service's options, validated once at start-up with full zod
 * (the collector runs in Node, so bundle size does not matter here).
 */
import { z } from 'zod';

/** Options of {@link startCollector}; every field but `writeKey` has a default. */
export const collectorOptionsSchema = z.object({
  /** TCP port (8788: next to the signalling server's 8787); `0` picks a free one (read it back from `url`). */
  port: z.number().int().min(0).max(65_535).default(8788),
  /** Interface to bind; loopback by default so nothing is exposed by accident. */
  host: z.string().min(1).default('127.0.0.1'),
  /** DuckDB file. `:memory:` keeps everything in memory (tests only). */
  dbPath: z.string().min(1).default('liveroom-telemetry.duckdb'),
  /**
   * Keys that may post events. Several may be valid at once so a key can be rotated.
   * Write keys ship inside web pages, so they are not secrets: they only keep strangers' junk out.
   */
  writeKey: z.union([z.string().min(8), z.array(z.string().min(8)).min(1)]),
  /** Key for the report and export endpoints. Without one, those endpoints are off. */
  adminKey: z.string().min(8).optional(),
  /** Largest request body on the wire (after `Content-Encoding`, before decompression), in bytes. */
  maxBodyBytes: z.number().int().positive().default(1_048_576),
  /** Largest body after gunzip, in bytes: bounds gzip bombs. */
  maxInflatedBytes: z.number().int().positive().default(8_388_608),
  /** Most events in one request; a larger batch is refused as a whole (413). */
  maxEventsPerRequest: z.number().int().positive().default(5_000),
  /** Largest single event (characters of its stored JSON: context, attrs, body); a larger one is rejected on its own. */
  maxEventBytes: z.number().int().positive().default(16_384),
  /**
   * How far in the future an event's client `ts` may be, against the server clock (decision 12).
   * Five minutes covers ordinary clock drift; a larger gap means a broken clock, whose durations
   * the report could not trust anyway.
   */
  maxFutureSkewMs: z.number().int().nonnegative().default(300_000),
  /** Request rate limit per client address: a token bucket. */
  rateLimit: z
    .object({
      /** Sustained requests per second. */
      perSecond: z.number().positive().default(50),
      /** Requests that may arrive at once after a quiet spell. */
      burst: z.number().int().positive().default(200),
    })
    .prefault({}),
  /**
   * Trust `X-Forwarded-For` for the client address (rate limiting) because a load balancer sets it.
   * Leave off when clients reach the collector directly, or they could spoof it.
   */
  trustProxy: z.boolean().default(false),
  /** `Access-Control-Allow-Origin` for the browser sink: `*` or a list of origins. */
  corsOrigins: z.union([z.literal('*'), z.array(z.string().min(1))]).default('*'),
  /**
   * WAL size, in bytes, past which a commit checkpoints the WAL into the file. DuckDB's default
   * (16 MiB, about 30 000 events) makes ingest stop for a checkpoint every few seconds under load;
   * 256 MiB checkpoints about every 500 000 events, and a crash replays at most that much WAL.
   * `close()` always checkpoints.
   */
  checkpointThresholdBytes: z.number().int().positive().default(268_435_456),
  /** Most events committed in one database transaction; concurrent requests share one commit. */
  maxEventsPerCommit: z.number().int().positive().default(20_000),
  /**
   * How long, in ms, a commit waits for more concurrent requests to join it while it holds fewer
   * than `maxEventsPerCommit` events. Each commit has a fixed cost, so under load a short wait
   * makes fewer, larger commits; an idle collector answers this much later. `0` turns it off.
   */
  commitLingerMs: z.number().nonnegative().max(1_000).default(10),
});

/** What callers pass to {@link startCollector}. */
export type CollectorOptions = z.input<typeof collectorOptionsSchema>;

/** The options after defaults are applied. */
export type ResolvedCollectorOptions = z.output<typeof collectorOptionsSchema>;

/** Applies defaults and validates; throws a readable error listing every problem. */
export function resolveCollectorOptions(options: CollectorOptions): ResolvedCollectorOptions {
  const parsed = collectorOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new TypeError(`Invalid collector options:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}
