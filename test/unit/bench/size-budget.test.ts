/**
 * The size budget CI runs (bench/size-budget.mjs) on small fake builds: what counts as eager, and every way it
 * fails (over budget, heavy code in an eager chunk, no build), each with a message that says what is wrong.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseBuild, chunkReferences, htmlEntries } from '../../../bench/lib/bundle-graph.mjs';

const run = promisify(execFile);
const dirs: string[] = [];

const HTML = `<!doctype html><head>
<script type="module" crossorigin src="/assets/index.js"></script>
<link rel="modulepreload" crossorigin href="/assets/preloaded.js">
<link rel="stylesheet" href="/assets/index.css">
<script src="https://example.com/analytics.js"></script>
</head>`;

async function fakeBuild(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'latchkey-size-'));
  dirs.push(dir);
  await mkdir(join(dir, 'assets'));
  for (const [name, text] of Object.entries({ 'index.html': HTML, ...files })) await writeFile(join(dir, name), text);
  return dir;
}

const BASE = {
  'assets/index.js': 'import{a}from"./shared.js";const s="import x from \'./fake.js\'";import(`./lazy.js`);a(s);',
  'assets/shared.js': 'export function a(x){return new Worker(new URL("./worker.js",import.meta.url),{type:"module"})}',
  'assets/preloaded.js': 'export const p=1;',
  'assets/lazy.js': 'export*from"./lazy-dep.js";',
  'assets/lazy-dep.js': 'export const q=2;',
  'assets/worker.js': 'self.onmessage=()=>{};',
  'assets/index.css': 'body{margin:0}',
};

async function sizeBudget(dir: string) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bench/size-budget.mjs', dir]);
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('bundle graph', () => {
  it('reads entry scripts, modulepreloads and stylesheets from index.html, ignoring other origins', () => {
    expect(htmlEntries(HTML)).toEqual({
      scripts: ['assets/index.js'],
      preloads: ['assets/preloaded.js'],
      styles: ['assets/index.css'],
    });
  });

  it.each([
    ['import{a}from"./x.js";', 'static', 'assets/x.js'],
    ['export*from"../y.js";', 'static', 'y.js'],
    ['import(`./z.js`);', 'dynamic', 'assets/z.js'],
    ['import("/assets/z.js");', 'dynamic', 'assets/z.js'],
    ['new Worker(new URL(`/assets/w.js`,``+import.meta.url));', 'workers', 'assets/w.js'],
  ] as const)('%s is a %s reference to %s', (code, kind, target) => {
    const refs = chunkReferences(code, 'assets/entry.js');
    expect([...refs[kind]]).toEqual([target]);
  });

  it('does not count text that only looks like an import', () => {
    const refs = chunkReferences('const s = "import x from \'./fake.js\'";', 'assets/entry.js');
    expect([...refs.static, ...refs.dynamic, ...refs.workers]).toEqual([]);
  });

  it('eager is the static-import closure of index.html; dynamic imports and workers are lazy', async () => {
    const { chunks } = await analyseBuild(await fakeBuild(BASE));
    const kinds = Object.fromEntries(chunks.map((c: { file: string; kind: string }) => [c.file, c.kind]));
    expect(kinds).toEqual({
      'assets/index.js': 'eager JS',
      'assets/shared.js': 'eager JS',
      'assets/preloaded.js': 'eager JS',
      'assets/index.css': 'eager CSS',
      'assets/lazy.js': 'lazy JS',
      'assets/lazy-dep.js': 'lazy JS',
      'assets/worker.js': 'lazy worker',
    });
  });
});

describe('size budget script', () => {
  it('passes a small build whose heavy code is lazy', async () => {
    const dir = await fakeBuild({ ...BASE, 'assets/lazy.js': 'throw new Error("No QR code found")' });
    const { code, out } = await sizeBudget(dir);
    expect(out).toContain('size budget: OK');
    expect(code).toBe(0);
  });

  it.each([
    ['the scanner', 'No QR code found', /assets\/shared\.js holds code that must load lazily: qr-scanner/],
    ['the QR generator', 'The amount of data is too big to be stored in a QR Code', /must load lazily: qrcode/],
    ['Argon2 (hash-wasm)', 'var b={name:`argon2`,data:`AGFzbQEAAAAB`}', /must load lazily: hash-wasm Argon2id/],
    [
      'the brand icons (simple-icons)',
      '[["github","GitHub","181717","M12 .297c-6.63 0-12 5.373-12 12 0 5.303"]]',
      /must load lazily: simple-icons \(brand icons\)/,
    ],
  ])('fails when an eager chunk holds %s', async (_, text, message) => {
    const dir = await fakeBuild({
      ...BASE,
      'assets/shared.js': `${BASE['assets/shared.js']}const h=${JSON.stringify(text)};`,
    });
    const { code, out } = await sizeBudget(dir);
    expect(code).toBe(1);
    expect(out).toMatch(message);
  });

  it('fails when an eager chunk holds an importer of another app, named by its source file', async () => {
    const dir = await fakeBuild({ ...BASE });
    // A human message from src/formats/aegis/import.ts, which no file outside src/formats has.
    const { importerMarkers } = await import('../../../bench/lib/heavy-markers.mjs');
    const aegis = (await importerMarkers(process.cwd())).find((m: { name: string }) =>
      m.name.endsWith('aegis/import.ts'),
    );
    const message = aegis?.patterns[0];
    expect(message).toBeTypeOf('string');
    // A URL is no importer's own: SVG's namespace is a constant of Preact's too, in every eager chunk.
    const markers = (await importerMarkers(process.cwd())).flatMap((m) => m.patterns);
    expect(markers.filter((p) => /^https?:/.test(p ?? ''))).toEqual([]);
    await writeFile(join(dir, 'assets/preloaded.js'), `export const m=${JSON.stringify(message)};`);
    const { code, out } = await sizeBudget(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/preloaded\.js holds code that must load lazily: importer src\/formats\/aegis\/import\.ts/);
  });

  it('fails over 20 kB of eager JavaScript and says by how much', async () => {
    const noise = randomBytes(30_000).toString('base64'); // about 30 kB even after gzip
    const dir = await fakeBuild({ ...BASE, 'assets/preloaded.js': `export const p=${JSON.stringify(noise)};` });
    const { code, out } = await sizeBudget(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/eager JavaScript is \d+\.\d\d kB gzip, over the 20\.00 kB budget by \d+\.\d\d kB/);
  });

  it('fails with a hint when there is no build', async () => {
    const { code, out } = await sizeBudget(join(tmpdir(), 'latchkey-no-such-build'));
    expect(code).toBe(1);
    expect(out).toMatch(/no build in .*run `npm run build` first/);
  });
});
