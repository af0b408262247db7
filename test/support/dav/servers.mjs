// WebDAV servers for the sync tests and the bench: Debian's apache2 with the configuration kept beside this file,
// `rclone serve webdav` as a second implementation, and a small front (a Node HTTP proxy) that adds CORS where
// the server sends none (rclone 1.60) and can inject faults: an answer of 403 or 507, a connection cut in the
// middle of an upload, or the whole server gone. Every server gets a free loopback port and its own temporary
// folders, is waited for until it answers, keeps its log for a failure message, and is stopped by `close()`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, chmodSync, mkdirSync, existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { createServer as createNetServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DAV_USER = 'alice';
export const DAV_PASSWORD = 'app-password-1234';

/** A port nothing listens on now (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port; rejects after `timeoutMs` with `why()` in it. */
async function waitForPort(port, why, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing answered on port ${port} in ${timeoutMs} ms\n${why()}`);
    await new Promise((next) => setTimeout(next, 50));
  }
}

function exited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function stopChild(child, timeoutMs = 5000) {
  if (!child || exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function tail(file, lines = 30) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Debian's apache2 in the foreground with test/support/dav/apache.conf. The synced folder is `url`
 * (`<origin>/sync/`, not created: Connect makes it). `stop()` and `start()` take the server away and bring it
 * back on the same port, keeping its files. `weakEtags` keeps Apache's default entity tags (weak for a second).
 */
export async function startApache({ appOrigin, weakEtags = false, user = DAV_USER, password = DAV_PASSWORD }) {
  if (!existsSync('/usr/sbin/apache2')) throw new Error('apache2 is not installed (apt-get install apache2)');
  const base = mkdtempSync(join(tmpdir(), 'latchkey-apache-'));
  const root = join(base, 'root');
  const run = join(base, 'run');
  mkdirSync(root);
  mkdirSync(run);
  const asRoot = process.getuid?.() === 0;
  // As root, Apache's workers run as nobody: they must be able to write here.
  if (asRoot) for (const dir of [base, root, run]) chmodSync(dir, 0o777);
  execFileSync('htpasswd', ['-cbm', join(run, 'htpasswd'), user, password], { stdio: 'pipe' });
  const port = await freePort();
  const defines = {
    DAV_LISTEN: `127.0.0.1:${port}`,
    DAV_ROOT: root,
    DAV_RUN: run,
    APP_ORIGIN: appOrigin,
  };
  const args = [
    ...Object.entries(defines).flatMap(([name, value]) => ['-C', `Define ${name} ${value}`]),
    ...(asRoot ? ['-D', 'DAV_AS_NOBODY'] : []),
    ...(weakEtags ? ['-D', 'DAV_WEAK_ETAGS'] : []),
    '-D',
    'FOREGROUND',
    '-f',
    join(HERE, 'apache.conf'),
  ];
  let child = null;
  let output = '';
  const why = () => `apache2 output:\n${output}\nerror.log:\n${tail(join(run, 'error.log'))}`;
  const server = {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/sync/`,
    port,
    root,
    folder: join(root, 'sync'),
    user,
    password,
    async start() {
      if (child && !exited(child)) return;
      output = '';
      child = spawn('/usr/sbin/apache2', args, { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      await waitForPort(port, why);
    },
    async stop() {
      await stopChild(child);
      // The pid file of a stopped server would make the next start think one is still running.
      rmSync(join(run, 'httpd.pid'), { force: true });
    },
    /** The last lines of the access and error logs, for a failure message. */
    log: () => `access.log:\n${tail(join(run, 'access.log'))}\nerror.log:\n${tail(join(run, 'error.log'))}`,
    async close() {
      await server.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** `rclone serve webdav` on a temporary folder; it sends no CORS headers, so browsers go through startFront. */
export async function startRclone({ user = DAV_USER, password = DAV_PASSWORD } = {}) {
  const base = mkdtempSync(join(tmpdir(), 'latchkey-rclone-'));
  const port = await freePort();
  let output = '';
  const child = spawn(
    'rclone',
    ['serve', 'webdav', base, '--addr', `127.0.0.1:${port}`, '--user', user, '--pass', password],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RCLONE_CONFIG: '/dev/null' } },
  );
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  await waitForPort(port, () => `rclone output:\n${output}`);
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/sync/`,
    port,
    root: base,
    folder: join(base, 'sync'),
    user,
    password,
    log: () => output.split('\n').slice(-30).join('\n'),
    async close() {
      await stopChild(child);
      rmSync(base, { recursive: true, force: true });
    },
  };
}

const CORS_HEADERS = (origin) => ({
  'access-control-allow-origin': origin,
  'access-control-allow-methods': 'GET, HEAD, PUT, DELETE, PROPFIND, MKCOL, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, Depth, If-Match, If-None-Match',
  'access-control-expose-headers': 'ETag',
  'access-control-max-age': '7200',
  vary: 'Origin',
});

/**
 * A front for `target` (a server above) on a port of its own. With `appOrigin` it answers CORS itself (preflights
 * too); without, it passes the server's own headers on. Faults, set and cleared at any time:
 * - `front.answer = { status, methods?: ['PUT'], path?: RegExp }`: answer that status instead of the server;
 * - `front.cutUploads = n`: the next n uploads (PUT) are cut off after the server got part of their body;
 * - `front.delayMs = n`: every request waits that long before it goes on (a slow server, a round in flight);
 * - `front.stop()` / `front.start()`: the server is gone (connections refused) and back, on the same port.
 * `front.requests` lists what came through (`OPTIONS`, `PUT /sync/…` with the status answered).
 */
export async function startFront({ target, appOrigin = null }) {
  const port = await freePort();
  const front = {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}/sync/`,
    port,
    answer: null,
    cutUploads: 0,
    delayMs: 0,
    requests: [],
    server: null,
    sockets: new Set(),
    async start() {
      if (front.server) return;
      const server = createServer((req, res) => handle(req, res));
      server.on('connection', (socket) => {
        front.sockets.add(socket);
        socket.on('close', () => front.sockets.delete(socket));
      });
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      front.server = server;
    },
    async stop() {
      const server = front.server;
      front.server = null;
      if (!server) return;
      for (const socket of front.sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
    close: () => front.stop(),
  };

  function record(req, status) {
    front.requests.push({ method: req.method, path: req.url, status });
  }

  function handle(req, res) {
    if (front.delayMs > 0 && req.method !== 'OPTIONS') {
      const wait = front.delayMs;
      req.pause(); // the body waits too; forward() reads it on
      setTimeout(() => forward(req, res), wait);
      return;
    }
    forward(req, res);
  }

  function forward(req, res) {
    const cors = appOrigin ? CORS_HEADERS(appOrigin) : {};
    if (appOrigin && req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
      record(req, 204);
      res.writeHead(204, cors).end();
      return;
    }
    const fault = front.answer;
    const faultApplies =
      fault && (!fault.methods || fault.methods.includes(req.method)) && (!fault.path || fault.path.test(req.url));
    if (faultApplies && req.method !== 'OPTIONS') {
      record(req, fault.status);
      req.resume();
      res.writeHead(fault.status, { ...cors, 'content-type': 'text/plain' }).end(`injected ${fault.status}`);
      return;
    }
    const cut = req.method === 'PUT' && front.cutUploads > 0;
    if (cut) front.cutUploads--;
    const upstream = httpRequest(
      { host: '127.0.0.1', port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        record(req, answer.statusCode);
        const headers = { ...answer.headers };
        if (appOrigin)
          for (const name of Object.keys(headers)) if (name.startsWith('access-control-')) delete headers[name];
        res.writeHead(answer.statusCode, { ...headers, ...cors });
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      record(req, 502);
      res.destroy();
    });
    if (cut) {
      // The server gets the first bytes of the body, then the connection dies on both sides.
      req.once('data', (chunk) => {
        upstream.write(chunk.subarray(0, Math.max(1, chunk.length >> 1)));
        record(req, 'cut');
        setTimeout(() => {
          upstream.destroy();
          req.socket.destroy();
        }, 10);
      });
      return;
    }
    req.pipe(upstream);
  }

  await front.start();
  return front;
}
