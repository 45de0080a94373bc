/**
 * Two collectors on one file: DuckDB lets one process hold it (decision 16),
 * and the second is told who holds it and what to do, with the `DB_LOCKED`
 * code, instead of DuckDB's raw IO error.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../../../scripts/testing/aliases.ts';
import { CollectorError, lockedDatabaseError } from '../src/storage/collector-error.js';
import { EventStore } from '../src/storage/event-store.js';
import { spawnCollector } from './child-collector.js';
import { WRITE_KEY } from './fixtures.js';

// Child processes through tsx on a shared 2-core machine: generous limits, no timing assertions.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** Runs `liveroom-collector serve` to its exit and returns its exit code and stderr. */
async function serveUntilExit(dbPath: string): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'packages/collector/src/cli.ts',
      'serve',
      '--port',
      '0',
      '--db',
      dbPath,
      '--write-key',
      WRITE_KEY,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('a database file held by another collector', () => {
  it('is refused with DB_LOCKED, naming the holder and what to do', async () => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'collector-locked-')), 'events.duckdb');
    const holder = await spawnCollector(['--port', '0', '--db', dbPath, '--write-key', WRITE_KEY]);
    try {
      const writeError = await EventStore.open(dbPath).catch((error: unknown) => error);
      expect(writeError).toBeInstanceOf(CollectorError);
      expect(writeError).toMatchObject({ code: 'DB_LOCKED', lockedPath: dbPath, holderPid: holder.process.pid });
      expect((writeError as CollectorError).message).toContain(`process ${holder.process.pid}`);
      expect((writeError as CollectorError).message).toContain('--db');

      // report and export open the file read-only: their advice is to go through the service.
      const readError = await EventStore.open(dbPath, { readOnly: true }).catch((error: unknown) => error);
      expect(readError).toMatchObject({ code: 'DB_LOCKED', holderPid: holder.process.pid });
      expect((readError as CollectorError).message).toContain('--url');

      // A second serve exits with the code and the advice, and the first keeps serving.
      const second = await serveUntilExit(dbPath);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('DB_LOCKED');
      expect(second.stderr).toContain(`process ${holder.process.pid}`);
      expect((await fetch(`${holder.url}/healthz`)).status).toBe(200);
    } finally {
      holder.process.kill('SIGTERM');
      await holder.exited;
    }
  });

  it('leaves other open failures as they were', () => {
    const other = new Error('IO Error: Cannot open file "/nope/x.duckdb": No such file or directory');
    expect(lockedDatabaseError(other, '/nope/x.duckdb', false)).toBe(other);
    const unnamed = lockedDatabaseError(
      new Error('IO Error: Could not set lock on file "/d/x.duckdb"'),
      '/d/x.duckdb',
      false,
    );
    expect(unnamed).toMatchObject({ code: 'DB_LOCKED', holderPid: undefined });
    expect((unnamed as CollectorError).message).toContain('locked by another process');
  });
});
