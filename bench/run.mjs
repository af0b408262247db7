// `npm run bench`: builds the app into .cache/bench-dist, serves it on 127.0.0.1, drives the suite's Chromium and
// prints one Markdown table of medians, each with a reference measured in the same run. Timings are reported,
// never asserted (the size budget, which is deterministic, is asserted by `npm run size`). Raw samples are saved
// in bench/results/latest.json. Takes about five minutes; not part of CI.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(resolve(dirname(fileURLToPath(import.meta.url)), '..'));

const { startServer } = await import('../test/e2e/support/server.mjs');
const { buildApp } = await import('./lib/build.mjs');
const { launchChromium } = await import('./lib/browser.mjs');
const { analyseBuild } = await import('./lib/bundle-graph.mjs');
const { markdownTable, reportRows } = await import('./lib/report.mjs');
const { measureEngine, measureBareKdf, openEnginePage } = await import('./sections/engine.mjs');
const { brandIconVault, measureHugeImport, measureImports } = await import('./sections/vaults.mjs');
const { measureUnlocks } = await import('./sections/unlock.mjs');
const { measurePasskeyUnlocks } = await import('./sections/passkey-unlock.mjs');
const { measureColdStart, measureStart } = await import('./sections/start.mjs');
const { measureRefresh } = await import('./sections/refresh.mjs');
const { measureSync } = await import('./sections/sync.mjs');

const LARGE = 1000;
const started = Date.now();
const loadAtStart = loadavg()[0];
const step = (what) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${what}`);

async function sizes(dir) {
  const { chunks } = await analyseBuild(dir);
  const sum = (list) => list.reduce((s, c) => s + c.gzip, 0);
  return {
    eagerJs: sum(chunks.filter((c) => c.eager && c.isJs)),
    eagerCss: sum(chunks.filter((c) => c.eager && !c.isJs)),
    lazy: chunks
      .filter((c) => !c.eager && !c.isServiceWorker)
      .sort((a, b) => b.gzip - a.gzip)
      .map(({ file, gzip, raw }) => ({ file, gzip, raw })),
    byFile: Object.fromEntries(chunks.map((c) => [c.file, c.gzip])),
  };
}

step('building the app (vite build → .cache/bench-dist)');
const dist = await buildApp();
const server = await startServer({ root: dist });
const { browser, executablePath } = await launchChromium();
const chromiumVersion = browser.version();
const results = { large: LARGE };
try {
  step('1. code generation (engine page)');
  const engine = await openEnginePage(browser, server.origin);
  results.engine = await measureEngine(engine.page, { count: LARGE });
  step('5. imports (new profile and vault per sample)');
  results.imports = await measureImports(browser, server.origin, engine.page, { large: LARGE });
  step('5. import of 10,000 accounts (traced)');
  results.imports.huge = await measureHugeImport(browser, server.origin);
  const { large, small } = results.imports.contexts;
  delete results.imports.contexts;
  step(`2. unlock (100 and ${LARGE} accounts) against the bare KDF, and 6. memory`);
  const unlocks = await measureUnlocks(
    [
      { context: small, count: 100 },
      { context: large, count: LARGE, memory: true },
    ],
    { reference: () => measureBareKdf(engine.page, 1) },
  );
  [results.unlockSmall, results.unlockLarge] = unlocks.vaults;
  results.bareKdf = unlocks.reference;
  await engine.close();
  step(`2b. unlock with a passkey beside the password (100 and ${LARGE} accounts, at localhost)`);
  results.passkeyUnlocks = await measurePasskeyUnlocks(browser, server.origin, [100, LARGE]);
  step('3. start, offline with the service worker');
  results.start = await measureStart(small);
  step('3. start, a first visit (new profile each time)');
  results.start.cold = await measureColdStart(browser, server.origin);
  step(`4. refresh at period boundaries, ${LARGE} accounts (fake clock, traced)`);
  results.refresh = await measureRefresh(browser, large, LARGE);
  await large.close();
  step(`4. the same with a brand icon on every row (a new profile of ${LARGE} accounts of well-known issuers)`);
  const withIcons = await brandIconVault(browser, server.origin, LARGE);
  results.refreshIcons = await measureRefresh(browser, withIcons, LARGE, { icons: true });
  await withIcons.close();
  step('7. sync: 1,000 accounts through the test Apache (Node, three samples)');
  results.sync = await measureSync();
  results.size = await sizes(dist);
} finally {
  await browser.close();
  await server.close();
}

const cpu = cpus();
results.machine = {
  cpu: `${cpu[0]?.model ?? 'unknown CPU'} × ${cpu.length}`,
  memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
  chromium: `${executablePath ?? 'Playwright Chromium'} ${chromiumVersion}`,
  node: process.version,
  load: `1-minute load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
  date: new Date().toISOString(),
};
await mkdir('bench/results', { recursive: true });
await writeFile('bench/results/latest.json', JSON.stringify(results, null, 2));
step('done; raw samples in bench/results/latest.json');

const m = results.machine;
console.log(
  `\nLatchkey benchmark — ${m.cpu}, ${m.memory} RAM, Chromium ${chromiumVersion} (headless), Node ${m.node}\n`,
);
console.log(markdownTable(reportRows(results)));
console.log(`\n${m.load}.`);
if (Math.max(loadAtStart, loadavg()[0]) > cpu.length) {
  console.log(`The machine was busy (load above its ${cpu.length} cores): expect wide ranges; run again when idle.`);
}
