import { afterEach, describe, expect, it, vi } from 'vitest';
import { runKdf } from '../../../src/crypto/kdf';
import { deriveSlotKey } from '../../../src/vault/slots';
import { pbkdf2, scryptKey, argon2VerifyEncoded } from '../../../src/formats/shared/file-kdf';
import { checkKdfParams, DEFAULT_KDF, FLOOR_KDF, type Argon2idKdf, type KdfParams } from '../../../src/vault/vault';
import { LatchkeyError } from '../../../src/core/errors';
import { expectHumanSentence, expectRefusal, hex } from '../vault/fixtures';

const SALT = new Uint8Array(Array.from({ length: 16 }, (_, i) => i));
const floorKdf = (): Argon2idKdf => ({ algorithm: 'argon2id', ...FLOOR_KDF, salt: SALT.slice(), hashLength: 32 });

// Computed independently with Python argon2-cffi 21.1 (libargon2): hash_secret_raw(pw, bytes(range(16)), 2, 19456, 1,
// 32, Type.ID, 19).
const KNOWN_ANSWERS = [
  ['correct horse battery staple', '818259b6310026a8e0dbac5d2e6927abcfdb07b32258fac4f61b18b80f929085'],
  ['caf\u00e9 \u{1F511}', 'cc34a1af5317c96372dc80f2b40600b4296678a52c8c41cbdee27695ffef6034'],
  // The same password typed as e + combining acute accent: NFC makes it the same key.
  ['cafe\u0301 \u{1F511}', 'cc34a1af5317c96372dc80f2b40600b4296678a52c8c41cbdee27695ffef6034'],
] as const;

describe('Argon2id slot key', () => {
  it.each(KNOWN_ANSWERS)('derives the libargon2 answer for %j', async (password, expected) => {
    expect(hex(await deriveSlotKey(password, floorKdf()))).toBe(expected);
  });
});

type Bound = [string, 'ok' | 'weak' | 'heavy' | 'malformed', KdfParams];
const BOUNDS: Bound[] = [
  ['the OWASP floor, 19 MiB and 2 passes', 'ok', { memoryKiB: 19456, iterations: 2, parallelism: 1 }],
  ['the defaults, 64 MiB and 3 passes', 'ok', { memoryKiB: 65536, iterations: 3, parallelism: 1 }],
  ['46 MiB with a single pass (OWASP alternative)', 'ok', { memoryKiB: 47104, iterations: 1, parallelism: 1 }],
  ['the ceiling, 1 GiB, 10 passes, 4 lanes', 'ok', { memoryKiB: 1048576, iterations: 10, parallelism: 4 }],
  ['1 KiB under the memory floor', 'weak', { memoryKiB: 19455, iterations: 2, parallelism: 1 }],
  ['8 MiB even with many passes', 'weak', { memoryKiB: 8192, iterations: 10, parallelism: 1 }],
  ['a single pass at 19 MiB', 'weak', { memoryKiB: 19456, iterations: 1, parallelism: 1 }],
  ['a single pass 1 KiB under 46 MiB', 'weak', { memoryKiB: 47103, iterations: 1, parallelism: 1 }],
  ['1 KiB over 1 GiB', 'heavy', { memoryKiB: 1048577, iterations: 3, parallelism: 1 }],
  ['11 passes', 'heavy', { memoryKiB: 65536, iterations: 11, parallelism: 1 }],
  ['5 lanes', 'heavy', { memoryKiB: 65536, iterations: 3, parallelism: 5 }],
  ['zero lanes', 'malformed', { memoryKiB: 65536, iterations: 3, parallelism: 0 }],
  ['fractional memory', 'malformed', { memoryKiB: 65536.5, iterations: 3, parallelism: 1 }],
  ['NaN passes', 'malformed', { memoryKiB: 65536, iterations: Number.NaN, parallelism: 1 }],
];

describe('KDF bounds', () => {
  it.each(BOUNDS)('%s: %s', (_name, verdict, params) => {
    if (verdict === 'ok') {
      expect(() => checkKdfParams(params)).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      checkKdfParams(params);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(LatchkeyError);
    const error = thrown as LatchkeyError;
    expect(error.code).toBe('kdf-params');
    expectHumanSentence(error.message);
    const expectedWords = { weak: /weaker than the safe minimum/, heavy: /exceed what Latchkey allows/ };
    if (verdict !== 'malformed') expect(error.message).toMatch(expectedWords[verdict]);
  });

  it('refuses before any Argon2id work starts', async () => {
    const kdf = { ...floorKdf(), memoryKiB: 4096 };
    const started = performance.now();
    await expectRefusal(deriveSlotKey('pw', kdf), 'kdf-params');
    expect(performance.now() - started).toBeLessThan(20);
  });

  it('defaults to OWASP-exceeding 64 MiB, 3 passes, 1 lane', () => {
    expect(DEFAULT_KDF).toEqual({ memoryKiB: 65536, iterations: 3, parallelism: 1 });
  });
});

/** A stand-in for the browser's Worker: replays what a real worker would answer, or fails to start. */
const jobs: string[] = [];
const terminated: boolean[] = [];

function fakeWorker(behaviour: 'answer' | 'fail-reply' | 'load-error' | 'throw' | 'hang') {
  const urls: string[] = [];
  jobs.length = 0;
  terminated.length = 0;
  class FakeWorker extends EventTarget {
    constructor(url: URL, options: WorkerOptions) {
      super();
      urls.push(`${url.pathname} ${options.type}`);
      if (behaviour === 'throw') throw new DOMException('blocked', 'SecurityError');
    }
    postMessage(job: { kind: string; password: Uint8Array }) {
      jobs.push(job.kind);
      if (behaviour === 'hang') return;
      queueMicrotask(() => {
        if (behaviour === 'load-error') this.dispatchEvent(new Event('error', { cancelable: true }));
        else if (behaviour === 'fail-reply') this.dispatchEvent(new MessageEvent('message', { data: { ok: false } }));
        else this.dispatchEvent(new MessageEvent('message', { data: { ok: true, output: job.password.slice() } }));
      });
    }
    terminate() {
      terminated.push(true);
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return urls;
}

describe('KDF worker protocol', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('uses the module worker when one exists and takes its answer', async () => {
    const urls = fakeWorker('answer');
    // The fake answers with the encoded password, which shows what crossed the boundary: NFC UTF-8 bytes.
    const key = await deriveSlotKey('cafe\u0301', floorKdf());
    expect(new TextDecoder().decode(key)).toBe('caf\u00e9');
    expect(urls).toEqual([expect.stringMatching(/kdf\.worker\.ts module$/)]);
  });

  it.each(['load-error', 'throw'] as const)(
    'falls back to inline Argon2id when the worker cannot start (%s)',
    async (b) => {
      fakeWorker(b);
      expect(hex(await deriveSlotKey(KNOWN_ANSWERS[0][0], floorKdf()))).toBe(KNOWN_ANSWERS[0][1]);
    },
  );

  it('reports a worker that could not run Argon2id as kdf-failed', async () => {
    fakeWorker('fail-reply');
    const error = await expectRefusal(deriveSlotKey('pw', floorKdf()), 'kdf-failed');
    expect(error.message).toMatch(/19 MiB of memory/);
  });

  it('runs every key derivation an import needs in the worker, never on the page (scrypt, PBKDF2, PHC verify)', async () => {
    fakeWorker('answer');
    await scryptKey('pw', new Uint8Array(16), { n: 1024, r: 8, p: 1 });
    await pbkdf2('pw', new Uint8Array(16), 1000, 'SHA-256');
    await argon2VerifyEncoded('pw', '$argon2id$v=19$m=64,t=2,p=1$c2FsdHNhbHQ$YWJjZGVmZ2hpamtsbW5vcA', 'Test');
    expect(jobs).toEqual(['scrypt', 'pbkdf2', 'argon2-verify']);
  });

  it('stops a derivation when it is cancelled: the worker is terminated and the promise rejects', async () => {
    fakeWorker('hang');
    const controller = new AbortController();
    const job = {
      kind: 'scrypt',
      password: new Uint8Array([1, 2]),
      salt: new Uint8Array(16),
      n: 2,
      r: 1,
      p: 1,
      hashLength: 32,
    } as const;
    const running = runKdf(job, { signal: controller.signal });
    controller.abort(new Error('cancelled by the test'));
    await expect(running).rejects.toThrow('cancelled by the test');
    expect(terminated).toEqual([true]);
    // The password bytes do not linger once the job has ended.
    expect([...job.password]).toEqual([0, 0]);
  });
});
