/**
 * Key derivations for other apps' encrypted files (and Latchkey's backups). A file chooses its own costs, so each
 * is checked against a ceiling before any work starts: a hostile or corrupt file must not freeze the tab or
 * exhaust memory. The work itself runs in the KDF worker (rule 8); a device that cannot run it gets a sentence,
 * not a WebAssembly error.
 */
import { type Bytes } from '../../core/bytes';
import { utf8Bytes } from '../../core/encoding';
import { LatchkeyError } from '../../core/errors';
import { KdfFailed, runKdf, type KdfJob, type KdfOptions, type KdfOutput } from '../../crypto/kdf';

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface ScryptParams {
  n: number;
  r: number;
  p: number;
}

/** 1 GiB in KiB: Ente's heaviest preset ("sensitive") is exactly this. */
export const FILE_ARGON2_MAX_MEMORY_KIB = 1024 * 1024;
/** Ente's nominal export uses 16 passes; more than 20 would keep a phone busy for minutes. */
export const FILE_ARGON2_MAX_ITERATIONS = 20;

/** Bounds that every real file (Latchkey, Proton, Stratum, Ente) fits in, and a browser tab can afford. */
export const ARGON2_BOUNDS = {
  memoryKiB: [8, FILE_ARGON2_MAX_MEMORY_KIB],
  iterations: [1, 64],
  parallelism: [1, 16],
} as const satisfies Record<keyof Argon2Params, readonly [number, number]>;

function kdfRefused(what: string): LatchkeyError {
  return new LatchkeyError(
    'kdf-params',
    `This file asks for ${what}, far more than any authenticator app uses, so Latchkey will not open it.`,
  );
}

export function checkArgon2(params: Argon2Params): void {
  for (const key of Object.keys(ARGON2_BOUNDS) as (keyof Argon2Params)[]) {
    const [min, max] = ARGON2_BOUNDS[key];
    const value = params[key];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw kdfRefused(`Argon2id ${key} = ${String(value)} (allowed ${min} to ${max})`);
    }
  }
}

/**
 * Refuses Argon2 costs chosen by a file that a phone cannot afford, with a sentence saying what to do, then applies
 * the shared sanity bounds.
 */
export function checkFileArgon2(params: Argon2Params, app: string): void {
  const { memoryKiB, iterations } = params;
  if (memoryKiB > FILE_ARGON2_MAX_MEMORY_KIB || iterations > FILE_ARGON2_MAX_ITERATIONS) {
    throw new LatchkeyError(
      'kdf-params',
      `This ${app} file asks for more password-hashing work (${Math.round(memoryKiB / 1024)} MiB, ${iterations} ` +
        `passes) than Latchkey allows, so that your device does not freeze. Export it again from ${app} with a ` +
        `lighter setting.`,
      { memoryKiB, iterations },
    );
  }
  checkArgon2(params);
}

/** Aegis uses N=2^15, r=8, p=1 (32 MiB). Allow up to 256 MiB and 2^23 block mixes, refuse anything above. */
export function checkScrypt({ n, r, p }: ScryptParams): void {
  const ints = [n, r, p].every((v) => Number.isSafeInteger(v) && v >= 1);
  if (!ints || n < 2 || (n & (n - 1)) !== 0) throw kdfRefused(`impossible scrypt settings (N=${n}, r=${r}, p=${p})`);
  if (128 * n * r > 256 * 1024 * 1024 || n * r * p > 2 ** 23 || p > 16) {
    throw kdfRefused(`scrypt settings N=${n}, r=${r}, p=${p}`);
  }
}

/**
 * A file's own app writes its key derivation with fixed or bounded costs; a file that asks for more was not
 * written by that app as it is, and would only keep a device busy: refused before any work, naming both.
 */
export function refuseCostsAbove(app: string, asked: string, writes: string): LatchkeyError {
  return new LatchkeyError(
    'kdf-params',
    `This ${app} file asks for ${asked}, more than ${app} itself ever writes (${writes}), so Latchkey will not ` +
      `open it. Export it again from ${app}.`,
  );
}

/** Describes Argon2 costs for a message: "256 MiB, 10 passes, 1 lane". */
export function describeArgon2({ memoryKiB, iterations, parallelism }: Argon2Params): string {
  const memory = memoryKiB >= 1024 ? `${Math.round(memoryKiB / 1024)} MiB` : `${memoryKiB} KiB`;
  return `${memory}, ${iterations} pass${iterations === 1 ? '' : 'es'}, ${parallelism} lane${parallelism === 1 ? '' : 's'}`;
}

/** Refuses Argon2 costs above `most` (what the app writes at its heaviest). */
export function checkArgon2Within(params: Argon2Params, most: Argon2Params, app: string): void {
  const keys: (keyof Argon2Params)[] = ['memoryKiB', 'iterations', 'parallelism'];
  if (keys.some((key) => params[key] > most[key])) {
    throw refuseCostsAbove(app, `Argon2 costs of ${describeArgon2(params)}`, `at most ${describeArgon2(most)}`);
  }
}

/** Runs a job in the worker, turning a failure of the device (usually memory) into a sentence. */
async function onDevice<J extends KdfJob>(job: J, memoryKiB: number, app: string, options?: KdfOptions) {
  try {
    return await runKdf(job, options);
  } catch (error) {
    if (!(error instanceof KdfFailed)) throw error;
    throw new LatchkeyError(
      'kdf-failed',
      `This device could not run the password hashing this ${app} file needs (${Math.round(memoryKiB / 1024)} MiB ` +
        'of memory). Close other apps and try again, or import the file on a computer.',
    );
  }
}

/** Argon2 needs at least 8 bytes of salt; a shorter one can only come from a damaged file. */
function checkSalt(length: number, app: string): void {
  if (length < 8) {
    throw new LatchkeyError('damaged-file', `The salt in this ${app} file is too short, so the file is damaged.`);
  }
}

/** A 32-byte Argon2id key for a file whose costs are fixed by its format or checked with checkFileArgon2. */
export async function fileArgon2idKey(
  password: string,
  salt: Uint8Array,
  params: Argon2Params,
  app: string,
  options?: KdfOptions,
): Promise<Bytes> {
  checkArgon2(params);
  checkSalt(salt.length, app);
  const job = {
    kind: 'argon2id',
    password: utf8Bytes(password),
    salt: new Uint8Array(salt),
    ...params,
    hashLength: 32,
  } as const;
  return onDevice(job, params.memoryKiB, app, options);
}

/** Argon2id in PHC form (`$argon2id$v=19$m=..,t=..,p=..$salt$hash`), what argon2-browser calls `encoded`. */
export async function argon2idEncoded(
  password: string,
  salt: string,
  params: Argon2Params & { hashLength: number },
  app: string,
): Promise<string> {
  checkArgon2(params);
  const saltBytes = utf8Bytes(salt);
  checkSalt(saltBytes.length, app);
  const job = { kind: 'argon2id-phc', password: utf8Bytes(password), salt: saltBytes, ...params } as const;
  return onDevice(job, params.memoryKiB, app);
}

const PHC = /^\$argon2(?:id|i|d)\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * Checks a password against a PHC Argon2 v1.3 string stored in a file, after checking the cost it asks for
 * (against `most`, what the app writes, when given).
 * @throws LatchkeyError 'damaged-file' when the string is not a PHC Argon2 v1.3 hash.
 */
export async function argon2VerifyEncoded(
  password: string,
  encoded: string,
  app: string,
  most?: Argon2Params,
): Promise<boolean> {
  const match = PHC.exec(encoded);
  if (!match) {
    throw new LatchkeyError('damaged-file', `The password check in this ${app} file is damaged. Export it again.`);
  }
  const memoryKiB = Number(match[1]);
  const params = { memoryKiB, iterations: Number(match[2]), parallelism: Number(match[3]) };
  if (most) checkArgon2Within(params, most, app);
  checkFileArgon2(params, app);
  return onDevice({ kind: 'argon2-verify', password: utf8Bytes(password), phc: encoded }, memoryKiB, app);
}

/** scrypt with a file's own costs, checked first; a 32-byte key. */
export async function scryptKey(
  password: string,
  salt: Uint8Array,
  params: ScryptParams,
  app = 'Aegis',
): Promise<Bytes> {
  checkScrypt(params);
  const job = {
    kind: 'scrypt',
    password: utf8Bytes(password),
    salt: new Uint8Array(salt),
    ...params,
    hashLength: 32,
  } as const;
  return onDevice(job, (128 * params.n * params.r) / 1024, app);
}

export async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
  length = 32,
): Promise<Bytes> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > 10_000_000) {
    throw kdfRefused(`${iterations} PBKDF2 iterations`);
  }
  const job = {
    kind: 'pbkdf2',
    password: utf8Bytes(password),
    salt: new Uint8Array(salt),
    iterations,
    hash,
    hashLength: length,
  } as const;
  const output: KdfOutput<typeof job> = await onDevice(job, 0, 'file');
  return output;
}
