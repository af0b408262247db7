/**
 * What the benchmark runs inside Chromium on a bare page (no app, no CSP), bundled by Vite from the same sources
 * the app ships: Latchkey's code engine, the otpauth library as the comparison, the bare Argon2id the vault uses,
 * and an Aegis exporter to make an encrypted file for the import measurement. Each round function returns its
 * duration; the runner interleaves the engines round by round, so that a busy moment of the machine hits them all.
 */
import * as OTPAuth from 'otpauth';
import type { AccountDraft } from '../../src/core/account';
import { normalizeSecret } from '../../src/core/base32';
import { generateCodes, KeyCache, type CodeParams } from '../../src/core/otp';
import { exportAegis } from '../../src/formats/aegis/export';
import { argon2idBytes } from '../../src/crypto/hash-wasm';
import { DEFAULT_KDF } from '../../src/vault/kdf-params';

const PERIOD_MS = 30_000;

function params(secrets: readonly string[]): CodeParams[] {
  return secrets.map((text) => ({
    type: 'totp',
    secret: normalizeSecret(text),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  }));
}

let prepared: {
  accounts: CodeParams[];
  keys: KeyCache;
  totps: OTPAuth.TOTP[];
  now: number;
} | null = null;

/**
 * Sets up both engines for the accounts, as an unlocked list has them: Latchkey's keys imported into its cache,
 * otpauth's TOTP objects (with decoded secrets) made. Returns the codes at `now` from each, to compare.
 */
async function prepare(secrets: readonly string[], now: number) {
  const accounts = params(secrets);
  const keys = new KeyCache();
  const totps = secrets.map(
    (secret) =>
      new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }),
  );
  prepared = { accounts, keys, totps, now };
  return {
    latchkey: await generateCodes(accounts, now, keys),
    otpauth: totps.map((t) => t.generate({ timestamp: now })),
  };
}

function ready() {
  if (!prepared) throw new Error('prepare() first');
  return prepared;
}

/** One refresh of every account with Latchkey's engine at step `round`: one batch, cached keys (or none). */
async function latchkeyRound(round: number, cached = true) {
  const { accounts, keys, now } = ready();
  const start = performance.now();
  await generateCodes(accounts, now + round * PERIOD_MS, cached ? keys : new KeyCache());
  return performance.now() - start;
}

/** The same with the otpauth library: one synchronous generate() per account. */
function otpauthRound(round: number) {
  const { totps, now } = ready();
  const start = performance.now();
  for (const totp of totps) totp.generate({ timestamp: now + round * PERIOD_MS });
  return performance.now() - start;
}

let kdfWarm = false;

/** Argon2id at the vault's default costs, hash-wasm already loaded: the KDF alone, on this page's thread. */
async function bareKdf(rounds: number) {
  const times: number[] = [];
  for (let r = kdfWarm ? 1 : 0; r <= rounds; r++) {
    const password = new TextEncoder().encode('correct horse battery staple');
    const salt = new Uint8Array(16).fill(7);
    const start = performance.now();
    await argon2idBytes(password, salt, { hashLength: 32, ...DEFAULT_KDF });
    if (r > 0) times.push(performance.now() - start); // round 0 loads and compiles the WebAssembly
  }
  kdfWarm = true;
  return { times };
}

function aegisFile(drafts: AccountDraft[], password: string): Promise<string> {
  return exportAegis(drafts, { password });
}

const api = { prepare, latchkeyRound, otpauthRound, bareKdf, aegisFile };
export type EngineApi = typeof api;
(globalThis as unknown as { engine: EngineApi }).engine = api;
