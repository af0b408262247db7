/**
 * The shared vector tables (test/vectors) run inside Chromium against the engine as bundled for the browser, as
 * hectorm/otpauth does: Node's WebCrypto and Chromium's (BoringSSL) must agree on every code. The runner is
 * bundled here with Vite and served from routed URLs on the app origin, on a bare page without the app's CSP, so
 * no request leaves the origin and the app itself is not involved.
 */
import { resolve } from 'node:path';
import { build, type Rolldown } from 'vite';
import { expect, test } from './support/fixtures';

async function bundleRunner(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      lib: { entry: resolve('test/vectors/run.ts'), formats: ['es'], fileName: 'vectors' },
      outDir: resolve('.cache/vectors-bundle'), // never written (write: false); kept away from dist/ regardless
      emptyOutDir: false,
      write: false,
      minify: false,
      target: 'es2022',
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const entry = outputs.flatMap((o) => o.output).find((file) => file.type === 'chunk' && file.isEntry);
  if (!entry || entry.type !== 'chunk') throw new Error('Vite produced no entry chunk for the vector runner');
  return entry.code;
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>Latchkey vectors</title>
<script type="module">
  import { runVectors } from '/__vectors.js';
  window.vectorResult = runVectors();
</script>`;

test('every shared OTP, Base32 and otpauth vector passes in Chromium', async ({ page, baseURL }) => {
  const runner = await bundleRunner();
  await page.route(`${baseURL}/__vectors.html`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }),
  );
  await page.route(`${baseURL}/__vectors.js`, (route) =>
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: runner }),
  );
  await page.goto('/__vectors.html');
  await page.waitForFunction(() => 'vectorResult' in window);
  const { checked, failures } = await page.evaluate(
    () => (window as unknown as { vectorResult: Promise<{ checked: number; failures: string[] }> }).vectorResult,
  );
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThan(300);
});
