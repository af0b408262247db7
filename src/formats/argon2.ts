/**
 * Argon2 pieces that util-crypto.ts (raw Argon2id keys) does not cover: a stricter ceiling for cost parameters
 * that a file chooses itself (Ente's kdfParams, the Authenticator extension's PHC strings), the PHC `encoded` form
 * the extension turns into a passphrase, and verification of a PHC string. hash-wasm loads only when used.
 */
import { LatchkeyError } from '../core/errors';
import { checkArgon2, type Argon2Params } from './util-crypto';

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

/** Argon2id in PHC form (`$argon2id$v=19$m=..,t=..,p=..$salt$hash`), what argon2-browser calls `encoded`. */
export async function argon2idEncoded(
  password: string,
  salt: string,
  params: Argon2Params & { hashLength: number },
): Promise<string> {
  checkArgon2(params);
  const { argon2id } = await import('hash-wasm');
  return argon2id({
    password,
    salt,
    memorySize: params.memoryKiB,
    iterations: params.iterations,
    parallelism: params.parallelism,
    hashLength: params.hashLength,
    outputType: 'encoded',
  });
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
  checkFileArgon2({ memoryKiB: Number(match[1]), iterations: Number(match[2]), parallelism: Number(match[3]) }, app);
  const { argon2Verify } = await import('hash-wasm');
  try {
    return await argon2Verify({ password, hash: encoded });
  } catch {
    throw new LatchkeyError('damaged-file', `The password check in this ${app} file is damaged. Export it again.`);
  }
}
