import { LatchkeyError } from '../../core/errors';
import { plainBytes, utf8Bytes } from './bytes';

/**
 * Crypto shared by the encrypted importers: WebCrypto for PBKDF2, SHA-256 and AES-GCM; hash-wasm (loaded only when
 * such a file is opened) for scrypt and Argon2id, which WebCrypto lacks. KDF parameters come from the file itself,
 * so each is checked against a ceiling first: a hostile or corrupt file must not freeze the tab or exhaust memory.
 */

export type RandomBytes = (length: number) => Uint8Array;
export const secureRandom: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

export const WRONG_PASSWORD = 'That backup password is not right. Check it (letters are case-sensitive) and try again.';

export function wrongPassword(message = WRONG_PASSWORD): LatchkeyError {
  return new LatchkeyError('wrong-password', message);
}

export function damagedFile(detail: string): LatchkeyError {
  return new LatchkeyError('damaged-file', `${detail} The file may be damaged or cut short; export it again.`);
}

async function aesKey(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', plainBytes(key), 'AES-GCM', false, [usage]);
}

/** AES-GCM decryption of ciphertext||tag; null when authentication fails (wrong key or altered data). */
export async function aesGcmOpen(
  key: Uint8Array,
  iv: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array | null> {
  const params: AesGcmParams = { name: 'AES-GCM', iv: plainBytes(iv) };
  if (aad) params.additionalData = plainBytes(aad);
  try {
    return new Uint8Array(await crypto.subtle.decrypt(params, await aesKey(key, 'decrypt'), plainBytes(sealed)));
  } catch {
    return null;
  }
}

/** AES-GCM encryption; returns ciphertext||tag (the tag is the last 16 bytes). */
export async function aesGcmSeal(
  key: Uint8Array,
  iv: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): Promise<Uint8Array<ArrayBuffer>> {
  const params: AesGcmParams = { name: 'AES-GCM', iv: plainBytes(iv) };
  if (aad) params.additionalData = plainBytes(aad);
  return new Uint8Array(await crypto.subtle.encrypt(params, await aesKey(key, 'encrypt'), plainBytes(plaintext)));
}

export async function pbkdf2(
  password: string,
  salt: Uint8Array,
  iterations: number,
  hash: 'SHA-1' | 'SHA-256',
  length = 32,
): Promise<Uint8Array> {
  if (!Number.isSafeInteger(iterations) || iterations < 1 || iterations > 10_000_000) {
    throw kdfRefused(`${iterations} PBKDF2 iterations`);
  }
  const base = await crypto.subtle.importKey('raw', utf8Bytes(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', salt: plainBytes(salt), iterations, hash },
    base,
    length * 8,
  );
  return new Uint8Array(bits);
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', plainBytes(bytes)));
}

function kdfRefused(what: string): LatchkeyError {
  return new LatchkeyError(
    'kdf-params',
    `This file asks for ${what}, far more than any authenticator app uses, so Latchkey will not open it.`,
  );
}

export interface ScryptParams {
  n: number;
  r: number;
  p: number;
}

/** Aegis uses N=2^15, r=8, p=1 (32 MiB). Allow up to 256 MiB and 2^23 block mixes, refuse anything above. */
export function checkScrypt({ n, r, p }: ScryptParams): void {
  const ints = [n, r, p].every((v) => Number.isSafeInteger(v) && v >= 1);
  if (!ints || n < 2 || (n & (n - 1)) !== 0) throw kdfRefused(`impossible scrypt settings (N=${n}, r=${r}, p=${p})`);
  if (128 * n * r > 256 * 1024 * 1024 || n * r * p > 2 ** 23 || p > 16) {
    throw kdfRefused(`scrypt settings N=${n}, r=${r}, p=${p}`);
  }
}

export async function scryptKey(password: string, salt: Uint8Array, params: ScryptParams): Promise<Uint8Array> {
  checkScrypt(params);
  const { scrypt } = await import('hash-wasm');
  return scrypt({
    password: utf8Bytes(password),
    salt,
    costFactor: params.n,
    blockSize: params.r,
    parallelism: params.p,
    hashLength: 32,
    outputType: 'binary',
  });
}

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** Bounds that every real file (Latchkey, Proton, Stratum, Ente) fits in, and a browser tab can afford. */
export const ARGON2_BOUNDS = {
  memoryKiB: [8, 1024 * 1024],
  iterations: [1, 64],
  parallelism: [1, 16],
} as const satisfies Record<keyof Argon2Params, readonly [number, number]>;

export function checkArgon2(params: Argon2Params): void {
  for (const key of Object.keys(ARGON2_BOUNDS) as (keyof Argon2Params)[]) {
    const [min, max] = ARGON2_BOUNDS[key];
    const value = params[key];
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw kdfRefused(`Argon2id ${key} = ${String(value)} (allowed ${min} to ${max})`);
    }
  }
}

export async function argon2idKey(password: string, salt: Uint8Array, params: Argon2Params): Promise<Uint8Array> {
  checkArgon2(params);
  // In the vault's KDF worker: a 64 MiB Argon2id takes a third of a second or more, too long for the main thread.
  const { runArgon2idOffThread } = await import('../../crypto/kdf');
  return runArgon2idOffThread({
    password: utf8Bytes(password) as Uint8Array<ArrayBuffer>,
    salt: new Uint8Array(salt),
    memoryKiB: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: 32,
  });
}

export function passwordRequired(app: string): LatchkeyError {
  return new LatchkeyError(
    'password-required',
    `This ${app} file is encrypted. Enter the password you chose when you exported it.`,
  );
}
