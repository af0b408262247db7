/**
 * 1. Code generation: codes per second for 1,000 accounts with Latchkey's engine (cached keys, one batch per
 * refresh) and with the otpauth library, both in the same Chromium page, and with node:crypto as the machine's
 * reference. Also the bare Argon2id time the unlock measurement compares against, and an encrypted Aegis file
 * for the import measurement, both made by the same page.
 */
import { bundleEngine } from '../lib/build.mjs';
import { base32, nodeCodes, secretBytes } from '../lib/accounts.mjs';

const PAGE = `<!doctype html><meta charset="utf-8"><title>Latchkey engine bench</title>
<script type="module">import '/__bench/engine.js'; window.engineReady = true;</script>`;

/** A bare page on the app's origin, served by routes (no app, no CSP, no service worker). */
export async function openEnginePage(browser, origin) {
  const files = await bundleEngine();
  const context = await browser.newContext({ baseURL: origin, serviceWorkers: 'block' });
  await context.route(`${origin}/__bench/**`, (route) => {
    const name = new URL(route.request().url()).pathname.slice('/__bench/'.length);
    if (name === 'engine.html') return route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE });
    const body = files.get(name);
    return body === undefined
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ contentType: 'text/javascript; charset=utf-8', body });
  });
  const page = await context.newPage();
  await page.goto('/__bench/engine.html');
  await page.waitForFunction(() => window.engineReady === true);
  return { page, close: () => context.close() };
}

function nodeRound(keys, now) {
  const start = performance.now();
  nodeCodes(keys, now);
  return performance.now() - start;
}

/**
 * Per-round times (ms for one batch of `count` codes) of each engine, measured interleaved round by round after a
 * few warm-up rounds (JIT, OpenSSL), and whether all three gave the same codes.
 */
export async function measureEngine(page, { count = 1000, rounds = 40, warmup = 5 } = {}) {
  const keys = Array.from({ length: count }, (_, i) => secretBytes('engine', i));
  const now = Date.UTC(2030, 0, 1);
  const first = await page.evaluate(([s, n]) => window.engine.prepare(s, n), [keys.map((k) => base32(k)), now]);
  const node = nodeCodes(keys, now);
  const agree =
    first.latchkey.length === count && node.every((c, i) => c === first.latchkey[i] && c === first.otpauth[i]);
  const times = { node: [], latchkey: [], uncached: [], otpauth: [] };
  for (let r = 1; r <= warmup + rounds; r++) {
    const t = {
      node: nodeRound(keys, now + r * 30_000),
      latchkey: await page.evaluate((i) => window.engine.latchkeyRound(i, true), r),
      uncached: await page.evaluate((i) => window.engine.latchkeyRound(i, false), r),
      otpauth: await page.evaluate((i) => window.engine.otpauthRound(i), r),
    };
    if (r > warmup) for (const key of Object.keys(times)) times[key].push(t[key]);
  }
  return { count, ...times, agree };
}

export async function measureBareKdf(page, rounds = 3) {
  const { times } = await page.evaluate((r) => window.engine.bareKdf(r), rounds);
  return times;
}

export function makeAegisFile(page, drafts, password) {
  return page.evaluate(([d, p]) => window.engine.aegisFile(d, p), [drafts, password]);
}
