/**
 * Reads a production build (dist/) the way the browser does: index.html names the entry scripts, modulepreloads
 * and stylesheets; each chunk's static `import … from` statements are fetched before it runs, while `import()`
 * and `new Worker(new URL(…))` are fetched only when that code path runs. "Eager" is therefore the closure of the
 * static imports from index.html; every other file is lazy. The chunks are parsed (Vite's parseAst), not grepped,
 * so a string that merely looks like an import cannot mislead the count.
 */
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join, posix, relative, sep } from 'node:path';
import { parseAst } from 'vite';

/** gzip at level 9, as the size budget counts bytes: deterministic for identical input. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

function attributes(tag) {
  const out = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/** Entry scripts, modulepreloads and stylesheets named by index.html, as paths relative to the build root. */
export function htmlEntries(html) {
  const scripts = [];
  const preloads = [];
  const styles = [];
  const local = (url) => (url && !/^[a-z]+:|^\/\//i.test(url) ? url.replace(/^\//, '') : null);
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const a = attributes(tag.slice(tag.indexOf(' ')));
    if (tag.toLowerCase().startsWith('<script') && a.type === 'module' && local(a.src)) scripts.push(local(a.src));
    if (tag.toLowerCase().startsWith('<link') && a.rel === 'modulepreload' && local(a.href))
      preloads.push(local(a.href));
    if (tag.toLowerCase().startsWith('<link') && a.rel === 'stylesheet' && local(a.href)) styles.push(local(a.href));
  }
  return { scripts, preloads, styles };
}

/** Static, dynamic and worker references of one chunk, resolved to build-root paths. */
export function chunkReferences(code, file) {
  const refs = { static: new Set(), dynamic: new Set(), workers: new Set() };
  const resolveSpec = (spec) =>
    spec.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), spec)) : spec.replace(/^\//, '');
  // Minifiers write plain strings as template literals (`x`) as often as quotes: both count as literals.
  const literal = (n) => {
    if (n?.type === 'Literal' && typeof n.value === 'string') return n.value;
    if (n?.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0].value.cooked;
    return null;
  };
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (
      (node.type === 'ImportDeclaration' ||
        node.type === 'ExportNamedDeclaration' ||
        node.type === 'ExportAllDeclaration') &&
      literal(node.source)
    ) {
      refs.static.add(resolveSpec(literal(node.source)));
    } else if (node.type === 'ImportExpression' && literal(node.source)) {
      refs.dynamic.add(resolveSpec(literal(node.source)));
    } else if (node.type === 'NewExpression' && node.callee?.name === 'URL' && literal(node.arguments?.[0])) {
      // new Worker(new URL('./x.js', import.meta.url)): a worker script, started only when the code runs.
      const target = literal(node.arguments[0]);
      if (/\.m?js$/.test(target)) refs.workers.add(resolveSpec(target));
    }
    for (const key of Object.keys(node)) if (key !== 'type') visit(node[key]);
  };
  visit(parseAst(code));
  return refs;
}

async function listFiles(root, dir = root) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(root, full)));
    else out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/**
 * Every JavaScript and CSS file of the build with its raw and gzip size and whether the first page load needs it.
 * The service worker (sw.js) runs apart from the page and is listed as such, not counted as eager.
 */
export async function analyseBuild(root) {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const entries = htmlEntries(html);
  const files = (await listFiles(root)).filter((f) => /\.(m?js|css)$/.test(f));
  const chunks = new Map();
  for (const file of files) {
    const bytes = await readFile(join(root, file));
    const isJs = !file.endsWith('.css');
    const isServiceWorker = /(^|\/)(sw|workbox-[\w-]+)\.js$/.test(file) && !file.startsWith('assets/');
    const refs =
      isJs && !isServiceWorker
        ? chunkReferences(bytes.toString('utf8'), file)
        : { static: new Set(), dynamic: new Set(), workers: new Set() };
    chunks.set(file, {
      file,
      isJs,
      isServiceWorker,
      code: bytes.toString('utf8'),
      raw: bytes.length,
      gzip: gzipSize(bytes),
      refs,
    });
  }
  const eager = new Set();
  const queue = [...entries.scripts, ...entries.preloads, ...entries.styles];
  while (queue.length) {
    const file = queue.shift();
    if (eager.has(file) || !chunks.has(file)) continue;
    eager.add(file);
    queue.push(...chunks.get(file).refs.static);
  }
  const workers = new Set([...chunks.values()].flatMap((c) => [...c.refs.workers]));
  for (const chunk of chunks.values()) {
    chunk.eager = eager.has(chunk.file);
    chunk.kind = chunk.isServiceWorker
      ? 'service worker'
      : `${chunk.eager ? 'eager' : 'lazy'} ${chunk.isJs ? (workers.has(chunk.file) ? 'worker' : 'JS') : 'CSS'}`;
  }
  const missing = [...entries.scripts, ...entries.preloads, ...entries.styles].filter((f) => !chunks.has(f));
  return { entries, chunks: [...chunks.values()], missing };
}
