/**
 * Runs the signalling server in its own Node process, as in a real setup.
 * In the harness's process it would share one event loop with Playwright and
 * Vite, which delays every relayed message and inflates join times.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A signalling server running in a child process. */
export interface SignallingProcess {
  url: string;
  stop(): void;
}

const cli = fileURLToPath(new URL('../../../packages/signalling/src/cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Starts `liveroom-signalling --port 0` from source and resolves with its URL. */
export function startSignallingProcess(): Promise<SignallingProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.once('exit', (code) => reject(new Error(`liveroom-signalling exited (${code}): ${output}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /ws:\/\/\S+/.exec(output)?.[0];
      if (url) resolve({ url, stop: () => child.kill() });
    });
  });
}
