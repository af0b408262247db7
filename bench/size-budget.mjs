// The size budget CI holds (`npm run size`, after `npm run build`): byte counts are deterministic, so they are
// asserted here, while timings are only reported by `npm run bench`.
//   1. Eager JavaScript (what index.html loads before the first paint) is at most 20 kB gzip (1 kB = 1000 bytes,
//      as Vite prints sizes); the aim is 15 kB.
//   2. The scanner and its worker, the QR generator, the KDF (hash-wasm) and the importers of other apps are in
//      none of the eager chunks: each must load only when used (docs/architecture.md, rule 7).
// Usage: node bench/size-budget.mjs [buildDir=dist]
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyseBuild } from './lib/bundle-graph.mjs';
import { LIBRARY_MARKERS, importerMarkers, matches, usedInSource } from './lib/heavy-markers.mjs';
import { readFile } from 'node:fs/promises';

export const EAGER_JS_BUDGET = 20_000;
export const EAGER_JS_AIM = 15_000;

const kB = (n) => `${(n / 1000).toFixed(2)} kB`;
const pad = (s, n) => String(s).padEnd(n);
const padL = (s, n) => String(s).padStart(n);

/** Which heavy modules each chunk holds, and which markers are stale (library used but found nowhere). */
async function findHeavy(root, chunks) {
  const problems = [];
  const notes = [];
  const held = new Map(chunks.map((c) => [c.file, []]));
  for (const marker of LIBRARY_MARKERS) {
    const own = await readFile(resolve(root, marker.source), 'utf8').catch(() => '');
    if (!marker.patterns.some((p) => matches(own, p))) {
      problems.push(`marker for ${marker.name} is not in ${marker.source}: update bench/lib/heavy-markers.mjs`);
    }
    const where = chunks.filter((c) => c.isJs && marker.patterns.some((p) => matches(c.code, p)));
    for (const c of where) held.get(c.file).push(marker.name);
    // Not a failure: a module written but not yet wired into a screen is simply not in the build.
    if (where.length === 0 && (await usedInSource(root, marker.pkg))) {
      notes.push(`${marker.name}: imported in src/ but in no chunk of this build (not reachable from any screen)`);
    }
  }
  for (const marker of await importerMarkers(root)) {
    for (const c of chunks.filter((c) => c.isJs && marker.patterns.some((p) => matches(c.code, p)))) {
      held.get(c.file).push(marker.name);
    }
  }
  return { held, problems, notes };
}

function printTable(chunks, held) {
  const rows = [...chunks].sort((a, b) => Number(b.eager) - Number(a.eager) || b.gzip - a.gzip);
  console.log(`${pad('file', 44)} ${pad('load', 15)} ${padL('raw', 10)} ${padL('gzip -9', 10)}  holds`);
  for (const c of rows) {
    const names = held.get(c.file) ?? [];
    const holds = names.length > 4 ? `${names.slice(0, 4).join(', ')} +${names.length - 4} more` : names.join(', ');
    console.log(`${pad(c.file, 44)} ${pad(c.kind, 15)} ${padL(kB(c.raw), 10)} ${padL(kB(c.gzip), 10)}  ${holds}`);
  }
}

async function main() {
  const root = resolve('.');
  const dir = resolve(process.argv[2] ?? 'dist');
  if (!existsSync(resolve(dir, 'index.html'))) {
    console.error(`size budget: no build in ${dir}; run \`npm run build\` first.`);
    process.exit(1);
  }
  const { chunks, missing } = await analyseBuild(dir);
  const { held, problems, notes } = await findHeavy(root, chunks);
  printTable(chunks, held);

  const eagerJs = chunks.filter((c) => c.eager && c.isJs);
  const eagerCss = chunks.filter((c) => c.eager && !c.isJs);
  const jsTotal = eagerJs.reduce((sum, c) => sum + c.gzip, 0);
  const cssTotal = eagerCss.reduce((sum, c) => sum + c.gzip, 0);
  console.log(
    `\neager JavaScript: ${kB(jsTotal)} gzip in ${eagerJs.length} file(s) ` +
      `(budget ${kB(EAGER_JS_BUDGET)}, aim ${kB(EAGER_JS_AIM)}); eager CSS: ${kB(cssTotal)} gzip`,
  );

  for (const note of notes) console.log(`note: ${note}`);
  const failures = [...problems, ...missing.map((f) => `index.html names ${f}, which is not in the build`)];
  if (jsTotal > EAGER_JS_BUDGET) {
    failures.push(
      `eager JavaScript is ${kB(jsTotal)} gzip, over the ${kB(EAGER_JS_BUDGET)} budget by ${kB(jsTotal - EAGER_JS_BUDGET)}`,
    );
  }
  for (const c of eagerJs) {
    const heavy = held.get(c.file) ?? [];
    if (heavy.length) failures.push(`eager chunk ${c.file} holds code that must load lazily: ${heavy.join(', ')}`);
  }
  if (failures.length) {
    console.error(`\nsize budget FAILED:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
    process.exit(1);
  }
  console.log('size budget: OK');
}

await main();
