/**
 * `pnpm --filter @liveroom/demo-room start` (what `bash scripts/demo.sh`
 * runs): starts the demo room and prints the one URL to open. Ctrl-C (or
 * SIGTERM) stops every service before the process exits.
 */
import { fileURLToPath } from 'node:url';
import { portsFromEnv } from './demo-ports.js';
import { startDemo } from './demo-server.js';
import { DemoStartError } from './listen-errors.js';

async function main(): Promise<void> {
  const demo = await startDemo({
    ports: portsFromEnv(process.env),
    dataDir: process.env.LIVEROOM_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url)),
    liveReload: process.env.LIVEROOM_DEMO_LIVE_RELOAD === '1',
  });
  console.log(
    [
      '',
      '  liveroom demo room is running.',
      '',
      `  ➜ Open:   ${demo.appUrl}`,
      `    Report: ${demo.ingest.reportUrl}   (telemetry: @liveroom/collector)`,
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
