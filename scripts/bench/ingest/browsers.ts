/**
 * The HTTP side of the ingest bench: many browsers posting the batches the
 * metrics package's HTTP sink sends (`{ "events": [...] }`, gzip, write key in
 * `X-Liveroom-Write-Key`), each browser from its own address so the
 * collector's per-client rate limit applies as in production (the collector
 * runs with `--trust-proxy` and reads `X-Forwarded-For`).
 */
import { Agent, request } from 'node:http';
import { gzipSync } from 'node:zlib';

/** One request body, encoded before the clock starts: browsers gzip on their own CPUs. */
export interface EncodedBatch {
  body: Buffer;
  events: number;
}

/** Encodes events as the sink does, `batchSize` per request, in the order given. */
export function encodeBatches(events: readonly unknown[], batchSize: number): EncodedBatch[] {
  const batches: EncodedBatch[] = [];
  for (let i = 0; i < events.length; i += batchSize) {
    const slice = events.slice(i, i + batchSize);
    batches.push({ body: gzipSync(JSON.stringify({ events: slice })), events: slice.length });
  }
  return batches;
}

/** What the collector answered, summed. */
export interface PostTally {
  accepted: number;
  duplicate: number;
  rejected: number;
}

/** Posts every batch with `browsers` requests in flight, each browser on its own keep-alive socket and address. */
export async function postBatches(
  url: string,
  writeKey: string,
  batches: readonly EncodedBatch[],
  browsers: number,
): Promise<PostTally> {
  const agent = new Agent({ keepAlive: true, maxSockets: browsers });
  const tally: PostTally = { accepted: 0, duplicate: 0, rejected: 0 };
  let next = 0;
  const browser = async (id: number) => {
    const address = `10.${(id >> 16) & 255}.${(id >> 8) & 255}.${id & 255}`;
    while (next < batches.length) {
      const answer = await post(`${url}/v1/events`, agent, batches[next++]!.body, {
        'x-liveroom-write-key': writeKey,
        'x-forwarded-for': address,
      });
      tally.accepted += answer.accepted;
      tally.duplicate += answer.duplicate;
      tally.rejected += answer.rejected;
    }
  };
  try {
    await Promise.all(Array.from({ length: browsers }, (_, id) => browser(id)));
  } finally {
    agent.destroy();
  }
  return tally;
}

function post(url: string, agent: Agent, body: Buffer, headers: Record<string, string>): Promise<PostTally> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (response.statusCode !== 200) reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 200)}`));
          else resolve(JSON.parse(text) as PostTally);
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
