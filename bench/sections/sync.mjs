/**
 * 7. Sync through WebDAV (docs/sync.md): 1,000 accounts uploaded by Connect and taken by a second device's Join,
 * then one change, counted in requests on each side. Run by the sync engine's speed test in Node against Debian's
 * apache2 (test/unit/app/sync/engine.test.ts, which starts it), once per sample; the reference is the same number of
 * objects of the same sizes put and read back with plain WebDAV requests, in the same run of that test.
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function oneSample(out) {
  const child = spawn(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', 'test/unit/app/sync/engine.test.ts', '-t', 'speed'],
    { env: { ...process.env, LATCHKEY_BENCH_OUT: out }, stdio: 'pipe' },
  );
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const code = await new Promise((done) => child.on('close', done));
  if (code !== 0) throw new Error(`The sync speed test failed:\n${log.slice(-3000)}`);
  const sample = JSON.parse(await readFile(out, 'utf8'));
  await rm(out, { force: true });
  return sample;
}

export async function measureSync({ rounds = 3 } = {}) {
  const out = join(tmpdir(), `latchkey-sync-bench-${process.pid}.json`);
  const samples = [];
  for (let i = 0; i < rounds; i++) samples.push(await oneSample(out));
  return { samples };
}
