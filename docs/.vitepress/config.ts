/**
 * The liveroom docs site: English at `/`, Simplified Chinese at `/zh/`.
 * Internal dead links fail the build (VitePress's default; do not turn it off).
 * The TypeDoc API reference is generated into `docs/api` by `pnpm docs:api`
 * (which `pnpm docs:build` runs first) and served at `/api/` by the dev server
 * and the built site; the build fails if it is missing, so the link is never dead.
 */
import { type DefaultTheme, defineConfig } from 'vitepress';
import { copyApiReference, serveApiReference } from './api-reference.ts';
import { sidebar } from './sidebar.ts';
import { sourceLinks } from './source-links.ts';

function nav(locale: 'en' | 'zh'): DefaultTheme.NavItem[] {
  const prefix = locale === 'en' ? '/' : '/zh/';
  const text =
    locale === 'en'
      ? { guide: 'Guide', metrics: 'Metrics', hooks: 'PK and layouts', demo: 'Demo room', api: 'API reference' }
      : { guide: '指南', metrics: '质量指标', hooks: 'PK 与布局', demo: '演示直播间', api: 'API 参考' };
  return [
    { text: text.guide, link: `${prefix}getting-started` },
    { text: text.metrics, link: `${prefix}metrics` },
    { text: text.hooks, link: `${prefix}hooks/README` },
    { text: text.demo, link: `${prefix}demo-room` },
    // A full page load: the API reference is TypeDoc's own static site, not a VitePress page.
    { text: text.api, link: '/api/index.html', target: '_self' },
  ];
}

export default defineConfig({
  title: 'liveroom',
  description:
    'A TypeScript SDK for live-commerce rooms: one room API over Agora or local WebRTC, with quality telemetry.',
  cleanUrls: true,
  lastUpdated: false,
  srcExclude: ['api/**'],
  markdown: { config: sourceLinks },
  vite: { plugins: [serveApiReference()] },
  locales: {
    root: {
      label: 'English',
      lang: 'en-US',
      themeConfig: { nav: nav('en'), sidebar: sidebar('en') },
    },
    zh: {
      label: '简体中文',
      lang: 'zh-CN',
      title: 'liveroom',
      description:
        '面向直播带货直播间的 TypeScript SDK：一套房间 API，底层可用声网 Agora 或本地 WebRTC，并自带质量埋点。',
      themeConfig: {
        nav: nav('zh'),
        sidebar: sidebar('zh'),
        outline: { label: '本页目录' },
        docFooter: { prev: '上一页', next: '下一页' },
        langMenuLabel: '切换语言',
        returnToTopLabel: '回到顶部',
        sidebarMenuLabel: '菜单',
        darkModeSwitchLabel: '深色模式',
      },
    },
  },
  themeConfig: {
    search: { provider: 'local' },
    outline: 'deep',
  },
  buildEnd(site) {
    copyApiReference(site.outDir);
  },
});
