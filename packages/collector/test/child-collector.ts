/**
 * Runs `liveroom-collector serve` as a child process (through tsx, from the
 * sources), the way an operator or the demo room would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { repoRoot } from '../../../scripts/testing/aliases.ts';

/** A running child collector. */
export interface ChildCollector {
  url: string;
  port: number;
  process: ChildProcess;
  /** Resolves with the exit code or signal once the child is gone. */
  exited: Promise<number | string>;
}

/**
 * Starts `serve` and resolves once it prints the URL it listens on. With
 * `built`, runs the built `dist/cli.js` (as installed) instead of the sources.
 */
export async function spawnCollector(args: string[], { built = false } = {}): Promise<ChildCollector> {
  const entry = built ? ['packages/collector/dist/cli.js'] : ['--import', 'tsx', 'packages/collector/src/cli.ts'];
  const child = spawn(process.execPath, [...entry, 'serve', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    (async () => {
      for await (const line of lines) return line;
      return undefined;
    })(),
    exited.then(() => undefined),
  ]);
  if (first === undefined) throw new Error('the collector exited before listening');
  const url = (JSON.parse(first) as { listening: string }).listening;
  return { url, port: Number(new URL(url).port), process: child, exited };
}
