/**
 * Argon2id for other apps' encrypted files, on top of util-crypto.ts: a stricter ceiling for costs that a file
 * chooses itself (Ente's kdfParams, the Authenticator extension's PHC strings), a sentence instead of a raw
 * WebAssembly error when the device runs out of memory, the PHC `encoded` form the extension turns into a
 * passphrase, and verification of a PHC string. hash-wasm loads only when used.
 */
import { LatchkeyError, isLatchkeyError } from '../../core/errors';
import { argon2idKey, checkArgon2, type Argon2Params } from './file-crypto';

/** 1 GiB in KiB: Ente's heaviest preset ("sensitive") is exactly this. */
export const FILE_ARGON2_MAX_MEMORY_KIB = 1024 * 1024;
/** Ente's nominal export uses 16 passes; more than 20 would keep a phone busy for minutes. */
export const FILE_ARGON2_MAX_ITERATIONS = 20;

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

/** Runs Argon2, turning a failure of the device (usually memory) into a sentence. */
async function runOnDevice<T>(work: () => Promise<T>, memoryKiB: number, app: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isLatchkeyError(error)) throw error;
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
): Promise<Uint8Array> {
  checkSalt(salt.length, app);
  return runOnDevice(() => argon2idKey(password, salt, params), params.memoryKiB, app);
}

/** Argon2id in PHC form (`$argon2id$v=19$m=..,t=..,p=..$salt$hash`), what argon2-browser calls `encoded`. */
export async function argon2idEncoded(
  password: string,
  salt: string,
  params: Argon2Params & { hashLength: number },
  app: string,
): Promise<string> {
  checkArgon2(params);
  checkSalt(new TextEncoder().encode(salt).length, app);
  const { argon2id } = await import('hash-wasm');
  const { memoryKiB: memorySize, iterations, parallelism, hashLength } = params;
  const options = { password, salt, memorySize, iterations, parallelism, hashLength, outputType: 'encoded' } as const;
  return runOnDevice(() => argon2id(options), memorySize, app);
}

const PHC = /^\$argon2(?:id|i|d)\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;

/**
 * Checks a password against a PHC Argon2 v1.3 string stored in a file, after checking the cost it asks for.
 * @throws LatchkeyError 'damaged-file' when the string is not a PHC Argon2 v1.3 hash.
 */
export async function argon2VerifyEncoded(password: string, encoded: string, app: string): Promise<boolean> {
  const match = PHC.exec(encoded);
  if (!match) {
    throw new LatchkeyError('damaged-file', `The password check in this ${app} file is damaged. Export it again.`);
  }
  const memoryKiB = Number(match[1]);
  checkFileArgon2({ memoryKiB, iterations: Number(match[2]), parallelism: Number(match[3]) }, app);
  const { argon2Verify } = await import('hash-wasm');
  return runOnDevice(() => argon2Verify({ password, hash: encoded }), memoryKiB, app);
}
