import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reachableImports } from './optional-peers.ts';

let dist: string;

/** A fake `dist/` holding `files` (path relative to it → text). */
function fakeDist(files: Record<string, string>): string {
  dist = mkdtempSync(join(tmpdir(), 'optional-peers-'));
  mkdirSync(join(dist, 'chunks'));
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dist, path), text);
  return dist;
}

/** The bare specifiers of every file reachable from `entry`, by file name relative to the dist folder. */
function importsFrom(entry: string): Record<string, string[]> {
  return Object.fromEntries(
    [...reachableImports(join(dist, entry))].map(([file, specifiers]) => [file.slice(dist.length + 1), specifiers]),
  );
}

afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('reachableImports', () => {
  it('follows a declaration file into the declaration chunks it names by their .js path', () => {
    fakeDist({
      'index.d.ts': "export { R as Room } from './chunks/room-x.js';\n",
      'chunks/room-x.d.ts':
        'import { Observable } from \'rxjs\';\ndeclare class R { s: import("rxjs").Subject<1>; }\nexport { R };\n',
    });
    expect(importsFrom('index.d.ts')).toEqual({ 'index.d.ts': [], 'chunks/room-x.d.ts': ['rxjs', 'rxjs'] });
  });

  it('finds re-exports, dynamic imports and type references in built files', () => {
    fakeDist({
      'index.js': "export * from 'rxjs';\nconst later = () => import('react');\nimport './chunks/a.js';\n",
      'chunks/a.js': 'import{x as y}from"agora-rtc-sdk-ng";',
      'index.d.ts': '/// <reference types="react" />\nexport {};\n',
    });
    expect(importsFrom('index.js')).toEqual({ 'index.js': ['rxjs', 'react'], 'chunks/a.js': ['agora-rtc-sdk-ng'] });
    expect(importsFrom('index.d.ts')).toEqual({ 'index.d.ts': ['react'] });
  });

  it('does not count imports shown in documentation comments', () => {
    fakeDist({
      'index.d.ts':
        "/**\n * @example\n * ```ts\n * import { filter } from 'rxjs';\n * ```\n */\nexport declare function f(): void;\n",
    });
    expect(importsFrom('index.d.ts')).toEqual({ 'index.d.ts': [] });
  });
});
