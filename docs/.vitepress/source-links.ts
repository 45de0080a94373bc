/**
 * Links from a page to a file outside `docs/` (for example a package README)
 * are not site pages, so VitePress would report them as dead. A package's
 * README is what its npm page shows, so such links go there; a link to any
 * other file outside `docs/`, or to a file that does not exist, fails the
 * build like a dead link.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { MarkdownRenderer } from 'vitepress';
import { docsRoot } from './sidebar.ts';

const repoRoot = join(docsRoot, '..');
const PACKAGE_README = /^packages\/([^/]+)\/README\.md$/;

/** Where a link leaving the docs goes, or an error. */
export function sourceLinkTarget(href: string, pageFile: string): string {
  const target = resolve(dirname(pageFile), href.split('#')[0] ?? '');
  const inRepo = relative(repoRoot, target).split(sep).join('/');
  const readme = inRepo.match(PACKAGE_README);
  if (readme === null || !existsSync(target)) {
    throw new Error(`${relative(repoRoot, pageFile)}: link to ${href} leaves docs/ and is not a package README`);
  }
  return `https://www.npmjs.com/package/@liveroom/${readme[1]}`;
}

/** markdown-it plugin: rewrites relative links that leave `docs/`. */
export function sourceLinks(md: MarkdownRenderer): void {
  md.core.ruler.after('inline', 'liveroom-source-links', (state) => {
    const page = (state.env as { path?: string }).path;
    if (page === undefined) return;
    for (const block of state.tokens) {
      for (const token of block.children ?? []) {
        const href = token.type === 'link_open' ? token.attrGet('href') : null;
        if (href === null || /^[a-z]+:|^[#/]/.test(href)) continue;
        const target = resolve(dirname(page), href.split('#')[0] ?? '');
        if (!relative(docsRoot, target).startsWith('..')) continue;
        token.attrSet('href', sourceLinkTarget(href, page));
        token.attrSet('target', '_blank');
        token.attrSet('rel', 'noreferrer');
      }
    }
  });
}
