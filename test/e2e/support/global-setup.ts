import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from './server.mjs';

/** Serves the production build (built by `npm run build` before the suite) on 127.0.0.1 for every test. */
export default async function globalSetup() {
  const root = resolve('dist');
  if (!existsSync(resolve(root, 'index.html'))) throw new Error('No build in dist/: run `npm run build` first.');
  const server = await startServer({ root });
  process.env.LATCHKEY_BASE_URL = server.origin;
  return async () => server.close();
}
