/**
 * The two bundles the benchmark needs: the production app (vite.config.ts as `npm run build` uses it) in a folder
 * of its own, so that other work on dist/ is left alone; and the engine page bundle (bench/engine/entry.ts) kept in
 * memory, as test/e2e/vectors.spec.ts does for the vector runner.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const BENCH_DIST = resolve('.cache/bench-dist');
export const BLANK_PAGE = 'bench-blank.html';

/** The start-up reference: an empty document, precached by the same service worker and served the same way. */
const BLANK_HTML = '<!doctype html><html lang="en"><meta charset="utf-8"><title>Blank</title><p id="blank">Blank</p>';

const blankPagePlugin = {
  name: 'latchkey-bench-blank-page',
  apply: 'build',
  generateBundle() {
    // Emitted into the app's own bundle, so the service worker's precache glob (**/*.html) picks it up.
    this.emitFile({ type: 'asset', fileName: BLANK_PAGE, source: BLANK_HTML });
  },
};

/** Builds the app in this process; run as a child by buildApp() so that the build's own log stays out of the table. */
async function buildAppHere() {
  process.env.LATCHKEY_OUT_DIR = BENCH_DIST; // read by vite.config.ts
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
  await build({ logLevel: 'error', plugins: [blankPagePlugin] });
}

export async function buildApp() {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--build-app'], { stdio: 'pipe' });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise((done) => child.on('close', done));
  if (code !== 0) throw new Error(`The app build failed:\n${log}`);
  return BENCH_DIST;
}

/** Every output file of the engine bundle by name (the entry is engine.js; lazy chunks such as hash-wasm too). */
export async function bundleEngine() {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      lib: { entry: resolve('bench/engine/entry.ts'), formats: ['es'], fileName: 'engine' },
      outDir: resolve('.cache/bench-engine'), // never written (write: false)
      emptyOutDir: false,
      write: false,
      minify: true,
      target: 'es2022',
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((o) => o.output);
  const files = new Map(outputs.map((file) => [file.fileName, file.type === 'chunk' ? file.code : file.source]));
  if (!files.has('engine.js')) throw new Error(`Vite produced no engine.js (got ${[...files.keys()].join(', ')})`);
  return files;
}

if (process.argv[2] === '--build-app') await buildAppHere();
