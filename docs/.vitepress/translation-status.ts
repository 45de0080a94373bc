/**
 * Which Chinese pages need a refresh? For every English guide page, prints
 * whether `docs/zh/` has it, the English commits since the Chinese page was
 * last committed (what to translate again), and whether the code blocks still
 * match (they must stay verbatim). Exits non-zero only with `--strict` when
 * something is missing, stale or mismatched, so it can gate a release.
 *
 * Run: pnpm docs:i18n-status [--strict]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { docsRoot } from './sidebar.ts';

const SKIP = new Set(['api', 'zh', 'node_modules', 'images', 'public']);

function englishPages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return englishPages(path);
    return entry.name.endsWith('.md') && entry.name !== 'index.md' ? [relative(docsRoot, path)] : [];
  });
}

const codeBlocks = (file: string) => readFileSync(file, 'utf8').match(/^```[\s\S]*?^```/gm) ?? [];
const git = (...args: string[]) => execFileSync('git', args, { cwd: docsRoot, encoding: 'utf8' }).trim();

let problems = 0;
for (const page of englishPages(docsRoot).sort()) {
  const zh = join(docsRoot, 'zh', page);
  let status: string;
  if (!existsSync(zh)) {
    status = 'missing';
  } else {
    const translatedAt = git('log', '-1', '--format=%H', '--', zh);
    const since = translatedAt === '' ? [] : git('log', '--format=%h', `${translatedAt}..HEAD`, '--', page).split('\n');
    const stale = since.filter(Boolean);
    const same = JSON.stringify(codeBlocks(join(docsRoot, page))) === JSON.stringify(codeBlocks(zh));
    status = [
      stale.length > 0 ? `English changed since (${stale.join(' ')})` : 'up to date',
      same ? '' : 'code blocks differ',
    ]
      .filter(Boolean)
      .join('; ');
  }
  if (status !== 'up to date') problems += 1;
  console.log(`${page.padEnd(34)} ${status}`);
}
if (process.argv.includes('--strict') && problems > 0) process.exit(1);
