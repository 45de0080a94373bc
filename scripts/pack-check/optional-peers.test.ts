import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { optionalPeerImports, reachableImports } from './optional-peers.ts';

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

describe('optionalPeerImports', () => {
  /** A fake `packages/` folder: core with rxjs as an optional peer and an `/rx` entry, and hooks. */
  function fakePackages(hooksIndex: string, hooksTypes: string): string {
    dist = mkdtempSync(join(tmpdir(), 'optional-peers-'));
    const write = (path: string, text: string) => {
      mkdirSync(join(dist, path, '..'), { recursive: true });
      writeFileSync(join(dist, path), text);
    };
    write(
      'core/package.json',
      JSON.stringify({
        exports: {
          '.': { types: './dist/index.d.ts', import: './dist/index.js' },
          './rx': { types: './dist/rx.d.ts', import: './dist/rx.js' },
        },
        peerDependenciesMeta: { rxjs: { optional: true } },
      }),
    );
    write('core/dist/index.js', 'export const createRoom = () => {};\n');
    write('core/dist/index.d.ts', 'export declare const createRoom: () => void;\n');
    write('core/dist/rx.js', "import { Observable } from 'rxjs';\nexport const roomState$ = () => new Observable();\n");
    write(
      'core/dist/rx.d.ts',
      "import { Observable } from 'rxjs';\nexport declare const roomState$: () => Observable<1>;\n",
    );
    write(
      'hooks/package.json',
      JSON.stringify({ exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } }),
    );
    write('hooks/dist/index.js', hooksIndex);
    write('hooks/dist/index.d.ts', hooksTypes);
    return dist;
  }

  it('names another package’s optional peer imported by a main entry', () => {
    const packages = fakePackages(
      'export {};\n',
      "import type { Observable } from 'rxjs';\nexport declare const x: Observable<1>;\n",
    );
    expect(optionalPeerImports(packages, ['core', 'hooks'])).toMatch(
      /hooks[/\\]dist[/\\]index\.d\.ts imports the optional peer "rxjs"/,
    );
  });

  it('follows a main entry into the opt-in entry of another package it imports', () => {
    const packages = fakePackages("export { roomState$ } from '@liveroom/core/rx';\n", 'export {};\n');
    expect(optionalPeerImports(packages, ['core', 'hooks'])).toMatch(
      /core[/\\]dist[/\\]rx\.js imports the optional peer "rxjs"/,
    );
  });

  it('passes main entries that import only plain dependencies and other main entries', () => {
    const packages = fakePackages(
      "export { createRoom } from '@liveroom/core';\n",
      "export { createRoom } from '@liveroom/core';\n",
    );
    expect(optionalPeerImports(packages, ['core', 'hooks'])).toBeUndefined();
  });

  it('fails on a main entry that is not built rather than passing it unread', () => {
    const packages = fakePackages('export {};\n', 'export {};\n');
    rmSync(join(packages, 'hooks', 'dist', 'index.d.ts'));
    expect(optionalPeerImports(packages, ['core', 'hooks'])).toMatch(
      /hooks[/\\]dist[/\\]index\.d\.ts is missing: run pnpm build first/,
    );
  });
});
