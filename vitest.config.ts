import './scripts/testing/node20.ts';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { workspaceAliases } from './scripts/testing/aliases.ts';
import { chromiumArgs, chromiumPath } from './scripts/testing/chromium.ts';

/**
 * Three tiers (DESIGN.md decision 17):
 * - `unit`: `*.test.ts` in Node (jsdom where a file asks for it).
 * - `browser`: `*.browser.test.ts`, single-page tests in Vitest browser mode on Debian's Chromium.
 * - `e2e`: `*.e2e.test.ts`, multi-page scenarios in Node that drive Chromium pages with playwright-core.
 */
export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    projects: [
      {
        resolve: { alias: workspaceAliases },
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/src/**/*.test.tsx',
            'packages/*/test/**/*.test.ts',
            'scripts/**/*.test.ts',
            'examples/*/test/**/*.test.ts',
          ],
          exclude: ['**/*.browser.test.ts', '**/*.e2e.test.ts', '**/node_modules/**'],
          environment: 'node',
          // A hang guard, not a speed check: property tests run hundreds of cases and
          // take seconds on a loaded 2-core machine.
          testTimeout: 30_000,
          // Source errors are `pnpm typecheck`'s job; here only the type tests count.
          typecheck: { enabled: true, include: ['packages/*/src/**/*.test-d.ts'], ignoreSourceErrors: true },
        },
      },
      {
        resolve: { alias: workspaceAliases },
        test: {
          name: 'browser',
          include: ['packages/*/src/**/*.browser.test.ts', 'packages/*/test/**/*.browser.test.ts'],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir here).
              launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        resolve: { alias: workspaceAliases },
        test: {
          name: 'e2e',
          include: ['packages/*/test/**/*.e2e.test.ts', 'examples/*/test/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
