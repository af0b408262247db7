/**
 * Text that survives minification and proves a heavy module is inside a chunk: error messages and names the
 * libraries keep as string literals. Each marker is checked against the library's own file first, so a library
 * update that drops the text is reported as a stale marker instead of silently passing. Latchkey's importers
 * are recognised by their own long human-readable messages, collected from src/formats/ at run time.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Rare code that docs/architecture.md's rule 7 keeps out of the first paint. */
export const LIBRARY_MARKERS = [
  {
    name: 'qr-scanner (camera scanner)',
    pkg: 'qr-scanner',
    source: 'node_modules/qr-scanner/qr-scanner.min.js',
    patterns: ['No QR code found', 'scan-region-highlight-svg'],
  },
  {
    name: 'qr-scanner worker (decoder)',
    pkg: 'qr-scanner',
    source: 'node_modules/qr-scanner/qr-scanner-worker.min.js',
    patterns: ['Wrong buffer size'],
  },
  {
    name: 'qrcode (QR generator)',
    pkg: 'qrcode',
    source: 'node_modules/qrcode/lib/core/qrcode.js',
    patterns: ['The amount of data is too big to be stored in a QR Code'],
  },
  {
    name: 'hash-wasm Argon2id (KDF)',
    pkg: 'hash-wasm',
    source: 'node_modules/hash-wasm/dist/index.esm.js',
    // The embedded WebAssembly module is an object { name: "argon2", data: "AGFzbQ…" } in every build.
    patterns: [/name\s*[:=]\s*["'`]argon2["'`]/, /var name\$\w+ = "argon2"/],
  },
  {
    name: 'hash-wasm scrypt (Aegis import)',
    pkg: 'hash-wasm',
    source: 'node_modules/hash-wasm/dist/index.esm.js',
    patterns: [/name\s*[:=]\s*["'`]scrypt["'`]/, /var name\$\w+ = "scrypt"/],
  },
  {
    name: 'inlined WebAssembly (any hash-wasm module)',
    pkg: 'hash-wasm',
    source: 'node_modules/hash-wasm/dist/index.esm.js',
    patterns: ['AGFzbQ'], // Base64 of the "\0asm" magic number
  },
  {
    name: '@noble/ciphers (encrypted importers)',
    pkg: '@noble/ciphers',
    source: 'node_modules/@noble/ciphers/_arx.js',
    patterns: ['arx: counter overflow'],
  },
  {
    name: 'fflate (zip importers)',
    pkg: 'fflate',
    source: 'node_modules/fflate/esm/browser.js',
    patterns: ['invalid zip data'],
  },
  {
    // The brand icons (build/brand-icons): 150 kB gzip that must only ever load after the first screen is drawn.
    name: 'simple-icons (brand icons)',
    pkg: 'simple-icons',
    source: 'node_modules/simple-icons/index.mjs',
    patterns: ['M12 .297c-6.63 0-12 5.373-12 12'], // the start of GitHub's path, which the shipped set always has
  },
  {
    name: '@bufbuild/protobuf (Google transfer)',
    pkg: '@bufbuild/protobuf',
    source: 'node_modules/@bufbuild/protobuf/dist/esm/wire/binary-encoding.js',
    patterns: ['illegal tag: field no '],
  },
];

export function matches(code, pattern) {
  return typeof pattern === 'string' ? code.includes(pattern) : pattern.test(code);
}

async function sourceFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
    else if (/\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** True when some file under src/ imports the package (statically or with import()). */
export async function usedInSource(root, pkg) {
  const escaped = pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const re = new RegExp(`(from|import\\()\\s*['"]${escaped}(/[^'"]*)?['"]`);
  for (const file of await sourceFiles(join(root, 'src'))) {
    if (re.test(await readFile(file, 'utf8'))) return true;
  }
  return false;
}

/**
 * One marker per importer file in src/formats: its long plain-ASCII single-quoted strings (the human messages
 * every refusal carries) that appear in no file outside src/formats, so a hit can only mean importer code.
 */
export async function importerMarkers(root) {
  const all = await sourceFiles(join(root, 'src'));
  const outside = (await Promise.all(all.filter((f) => !f.includes('/formats/')).map((f) => readFile(f, 'utf8')))).join(
    '\n',
  );
  const markers = [];
  for (const file of all.filter((f) => f.includes('/formats/') && !f.endsWith('/types.ts'))) {
    const text = await readFile(file, 'utf8');
    const strings = [...text.matchAll(/'([ -&(-[\]-~]{24,})'/g)].map((m) => m[1]); // printable ASCII, no ' or \
    // Not paths, nor URLs: a namespace such as SVG's is also a string constant of Preact's, in the eager chunk.
    const own = [...new Set(strings)].filter(
      (s) => !outside.includes(s) && !s.startsWith('../') && !/^https?:/.test(s),
    );
    markers.push({ name: `importer ${file.slice(root.length + 1)}`, patterns: own.slice(0, 6) });
  }
  return markers;
}
