// A tiny static server for the built app: it records every request (the suite checks that nothing leaves the
// origin), sends a Date header (the clock check reads it) and can be stopped mid-test to simulate going offline.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * `script` (the cross-engine journeys, for WebKit, whose driver cannot add a script before a page's own) is served
 * at `script.path` and loaded first in every HTML page.
 * @param {{ root: string, port?: number, script?: { path: string, source: string } }} options
 */
export async function startServer({ root: initialRoot, port = 0, script }) {
  const requests = [];
  // setRoot() swaps the folder served, as a deploy would: the update test serves a second build at the same origin.
  let root = initialRoot;
  // fail() drops the connection of every request whose path matches, as a network that blips would.
  /** @type {RegExp | null} */
  let failing = null;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    if (failing?.test(url.pathname)) {
      req.socket.destroy();
      return;
    }
    if (script && url.pathname === script.path) {
      res.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' }).end(script.source);
      return;
    }
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
    } catch {
      path = join(root, 'index.html'); // single-page app fallback
    }
    try {
      let body = await readFile(path);
      if (script && path.endsWith('.html')) {
        body = Buffer.from(body.toString('utf8').replace('<head>', `<head><script src="${script.path}"></script>`));
      }
      const noCache = path.endsWith('.html') || path.endsWith('sw.js') || path.endsWith('.webmanifest');
      res.writeHead(200, {
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        'cache-control': noCache ? 'no-cache' : 'public, max-age=31536000, immutable',
        date: new Date().toUTCString(),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    origin,
    requests,
    /** @param {string} nextRoot */
    setRoot: (nextRoot) => {
      root = nextRoot;
    },
    /** @param {RegExp | null} pattern */
    fail: (pattern) => {
      failing = pattern;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve(undefined));
      }),
  };
}
