import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from './server.mjs';

/**
 * The update test (test/e2e/pwa-update.spec.ts) swaps the server to a second build with another version: made
 * here once, and again whenever dist/ is newer than it.
 */
function buildUpdateCopy(dist: string) {
  const copy = resolve('dist-update');
  const stamp = (dir: string) =>
    existsSync(resolve(dir, 'index.html')) ? statSync(resolve(dir, 'index.html')).mtimeMs : 0;
  if (stamp(copy) >= stamp(dist)) return;
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    env: { ...process.env, LATCHKEY_VERSION: '9.9.9', LATCHKEY_OUT_DIR: 'dist-update' },
    stdio: 'inherit',
  });
}

/** Serves the production build (built by `npm run build` before the suite) on 127.0.0.1 for every test. */
export default async function globalSetup() {
  const root = resolve('dist');
  if (!existsSync(resolve(root, 'index.html'))) throw new Error('No build in dist/: run `npm run build` first.');
  buildUpdateCopy(root);
  const server = await startServer({ root });
  process.env.LATCHKEY_BASE_URL = server.origin;
  return async () => server.close();
}
