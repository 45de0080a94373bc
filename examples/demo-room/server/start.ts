/**
 * `pnpm --filter @liveroom/demo-room start` (what `bash scripts/demo.sh`
 * runs): starts the demo room and prints the one URL to open. Ctrl-C (or
 * SIGTERM) stops every service before the process exits.
 */
import { fileURLToPath } from 'node:url';
import { portsFromEnv } from './demo-ports.js';
import { startDemo } from './demo-server.js';
import { DemoStartError } from './listen-errors.js';
import type { IngestChoice } from './telemetry-ingest.js';

const INGEST_CHOICES: readonly IngestChoice[] = ['auto', 'collector', 'ndjson'];

async function main(): Promise<void> {
  const ingest = (process.env.LIVEROOM_INGEST ?? 'auto') as IngestChoice;
  if (!INGEST_CHOICES.includes(ingest)) {
    throw new DemoStartError(`LIVEROOM_INGEST="${ingest}" is not one of ${INGEST_CHOICES.join(', ')}.`);
  }
  const demo = await startDemo({
    ports: portsFromEnv(process.env),
    dataDir: process.env.LIVEROOM_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url)),
    ingest,
    liveReload: process.env.LIVEROOM_DEMO_LIVE_RELOAD === '1',
  });
  const telemetry = demo.ingest.kind === 'collector' ? '@liveroom/collector' : 'NDJSON stand-in store';
  console.log(
    [
      '',
      '  liveroom demo room is running.',
      '',
      `  ➜ Open:   ${demo.appUrl}`,
      `    Report: ${demo.ingest.reportUrl}   (telemetry: ${telemetry})`,
      '',
      `  signalling ${demo.signallingUrl} · ingest ${demo.ingest.url} · Ctrl-C stops everything`,
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n  ${signal}: stopping the demo room…`);
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DemoStartError) console.error(`\n  ✖ ${error.message}\n`);
  else console.error(error);
  process.exit(1);
});
