/**
 * `liveroom-signalling [--port 8787] [--host 127.0.0.1]`: runs the local
 * provider's signalling server until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startSignallingServer } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', short: 'p', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log('Usage: liveroom-signalling [--port 8787] [--host 127.0.0.1]\nPort 0 picks a free port.');
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be an integer from 0 to 65535, got "${values.port}".`);
  process.exit(2);
}

try {
  const server = await startSignallingServer({ port, host: values.host });
  console.log(`liveroom signalling listening on ${server.url}`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`Could not start the signalling server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
