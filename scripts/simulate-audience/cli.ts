/**
 * Sends a synthetic audience through a collector's real HTTP ingest, or
 * prints it as NDJSON with `--ndjson`.
 *
 *   node --import tsx scripts/simulate-audience/cli.ts --url http://127.0.0.1:8788 --write-key KEY \
 *     [--sessions 2000] [--seed 1] [--heartbeat-ms 10000] [--stall-slope -12] [--hd-gain 45] \
 *     [--missing-end-share 0.05] [--ndjson]
 */
import { parseArgs } from 'node:util';
import { simulateAudience } from './audience.ts';
import { sendEvents } from './send.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    'write-key': { type: 'string' },
    sessions: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    'heartbeat-ms': { type: 'string', default: '10000' },
    'stall-slope': { type: 'string' },
    'hd-gain': { type: 'string' },
    'missing-end-share': { type: 'string' },
    ndjson: { type: 'boolean', default: false },
  },
});

const model = {
  ...(values['stall-slope'] === undefined ? {} : { stallSlopeSecondsPerPoint: Number(values['stall-slope']) }),
  ...(values['hd-gain'] === undefined ? {} : { hdGainSeconds: Number(values['hd-gain']) }),
  ...(values['missing-end-share'] === undefined ? {} : { missingEndShare: Number(values['missing-end-share']) }),
};
const audience = simulateAudience({
  sessions: Number(values.sessions),
  seed: Number(values.seed),
  heartbeatMs: Number(values['heartbeat-ms']),
  model,
});

if (values.ndjson) {
  for (const event of audience.events) process.stdout.write(`${JSON.stringify(event)}\n`);
} else {
  const writeKey = values['write-key'] ?? process.env.LIVEROOM_WRITE_KEY;
  if (!values.url || !writeKey) throw new Error('--url and --write-key (or LIVEROOM_WRITE_KEY) are required');
  const started = performance.now();
  const tally = await sendEvents(audience.events, { url: values.url, writeKey });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      sessions: audience.plans.length,
      events: audience.events.length,
      ...tally,
      seconds: Number(seconds.toFixed(2)),
      model: {
        stallSlopeSecondsPerPoint: audience.model.stallSlopeSecondsPerPoint,
        hdGainSeconds: audience.model.hdGainSeconds,
      },
    }),
  );
}
