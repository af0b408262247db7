import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * The journeys of test/cross in Firefox and in WebKit (and in Chromium when LATCHKEY_ENGINES names it), from
 * Debian's packages, against the built app. `npm run test:engines`; .ci/summary.mjs counts its report.
 */
const engines = (process.env.LATCHKEY_ENGINES ?? 'firefox,webkit').split(',').map((name) => name.trim());
if (!existsSync('dist/index.html')) throw new Error('No build in dist/: run `npm run build` first.');

export default defineConfig({
  testDir: 'test/cross',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: Number(process.env.LATCHKEY_ENGINE_WORKERS ?? 2),
  retries: 0,
  timeout: 240_000, // each test makes one or two vaults (Argon2id) and starts a browser profile
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: '.cache/reports/engines.json' }]],
  outputDir: 'test-results/engines',
  projects: engines.map((name) => ({ name, use: { engineName: name } })),
});
