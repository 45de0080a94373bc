/**
 * Navigation built from the pages that exist: each section lists its pages in
 * reading order, and a page that is added later still shows up (after the
 * listed ones), so the sidebar never links to a missing page and never hides a
 * new one. Titles come from each page's first `# ` heading.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DefaultTheme } from 'vitepress';

/** The docs folder (this file lives in `docs/.vitepress/`). */
export const docsRoot = join(import.meta.dirname, '..');

/** One sidebar section: a title per locale, its folder, and its pages in reading order. */
export interface Section {
  title: { en: string; zh: string };
  /** Folder whose unlisted pages are appended ('.' = the docs root; absent = listed pages only). */
  folder?: string;
  pages: string[];
}

/** Reading order. Paths are relative to the locale root, without `.md`. */
export const SECTIONS: Section[] = [
  { title: { en: 'Guide', zh: '指南' }, pages: ['getting-started', 'room', 'architecture'] },
  { title: { en: 'Providers', zh: 'Provider' }, folder: 'providers', pages: ['providers/local', 'providers/agora'] },
  {
    title: { en: 'Quality and telemetry', zh: '质量与埋点' },
    pages: ['metrics', 'telemetry', 'collector'],
  },
  {
    title: { en: 'PK and layouts (hooks)', zh: 'PK 与布局（hooks）' },
    folder: 'hooks',
    pages: [
      'hooks/README',
      'hooks/pk',
      'hooks/pk-transport',
      'hooks/layout',
      'hooks/stores',
      'hooks/telemetry',
      'hooks/react',
      'hooks/use-room',
      'hooks/use-participants',
      'hooks/use-connection-quality',
      'hooks/use-active-speaker',
      'hooks/use-local-tracks',
      'hooks/use-battle',
      'hooks/use-layout',
    ],
  },
  { title: { en: 'QA', zh: 'QA' }, pages: ['demo-room'] },
  // Top-level pages added later and not listed above land here (folder '.').
  { title: { en: 'More', zh: '更多' }, folder: '.', pages: [] },
];

/** Every page some section lists, so the catch-all section skips them. */
const LISTED = new Set(SECTIONS.flatMap((section) => section.pages));

/** The page's first `# ` heading, without Markdown code marks. */
function titleOf(file: string): string {
  const heading = readFileSync(file, 'utf8').match(/^# (.+)$/m)?.[1] ?? file;
  return heading.replaceAll('`', '');
}

/** English pages of one section that exist, listed ones first, then any new ones in its folder. */
function pagesOf(section: Section, root: string): string[] {
  const listed = section.pages.filter((page) => existsSync(join(root, `${page}.md`)));
  if (section.folder === undefined || !existsSync(join(root, section.folder))) return listed;
  const extra = readdirSync(join(root, section.folder))
    .filter((file) => file.endsWith('.md'))
    .map((file) => (section.folder === '.' ? file.slice(0, -3) : `${section.folder}/${file.slice(0, -3)}`))
    .filter((page) => page !== 'index' && !LISTED.has(page))
    .sort();
  return [...listed, ...extra];
}

/**
 * The sidebar of one locale. The Chinese sidebar lists every English page too:
 * a page not yet translated links to the English original, marked （英文）.
 */
export function sidebar(locale: 'en' | 'zh'): DefaultTheme.SidebarItem[] {
  return SECTIONS.map((section) => ({
    text: section.title[locale],
    items: pagesOf(section, docsRoot).map((page) => {
      const translated = join(docsRoot, 'zh', `${page}.md`);
      if (locale === 'zh' && existsSync(translated)) return { text: titleOf(translated), link: `/zh/${page}` };
      const english = titleOf(join(docsRoot, `${page}.md`));
      return { text: locale === 'zh' ? `${english}（英文）` : english, link: `/${page}` };
    }),
  })).filter((section) => section.items.length > 0);
}
