/**
 * The one module that imports hash-wasm (docs/architecture.md, rule 9): Argon2 and scrypt, which WebCrypto lacks,
 * and MD5 for one legacy format. hash-wasm embeds its WebAssembly (about 30 kB), so it is imported lazily, and only
 * kdf-jobs.ts (run in the KDF worker) and the hazmat module call it.
 */
import { copyBytes, wipe, type Bytes } from '../core/bytes';

export interface Argon2Costs {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
}

export async function argon2idBytes(password: Bytes, salt: Bytes, costs: Argon2Costs): Promise<Bytes> {
  const { argon2id } = await import('hash-wasm');
  const output = await argon2id({ password, salt, ...hashWasmCosts(costs), outputType: 'binary' });
  const key = copyBytes(output);
  wipe(output);
  return key;
}

/** Argon2id in PHC form (`$argon2id$v=19$m=..,t=..,p=..$salt$hash`). */
export async function argon2idPhc(password: Bytes, salt: Bytes, costs: Argon2Costs): Promise<string> {
  const { argon2id } = await import('hash-wasm');
  return argon2id({ password, salt, ...hashWasmCosts(costs), outputType: 'encoded' });
}

export async function argon2VerifyPhc(password: Bytes, phc: string): Promise<boolean> {
  const { argon2Verify } = await import('hash-wasm');
  return argon2Verify({ password, hash: phc });
}

export async function scryptBytes(
  password: Bytes,
  salt: Bytes,
  costs: { n: number; r: number; p: number; hashLength: number },
): Promise<Bytes> {
  const { scrypt } = await import('hash-wasm');
  const output = await scrypt({
    password,
    salt,
    costFactor: costs.n,
    blockSize: costs.r,
    parallelism: costs.p,
    hashLength: costs.hashLength,
    outputType: 'binary',
  });
  return copyBytes(output);
}

/** MD5 of the parts joined: only for the legacy key derivation in hazmat/legacy-cbc.ts. */
export async function md5Bytes(...parts: Uint8Array[]): Promise<Bytes> {
  const { createMD5 } = await import('hash-wasm');
  const md5 = await createMD5();
  md5.init();
  for (const part of parts) md5.update(part);
  return copyBytes(md5.digest('binary'));
}

function hashWasmCosts({ memoryKiB, iterations, parallelism, hashLength }: Argon2Costs) {
  return { memorySize: memoryKiB, iterations, parallelism, hashLength };
}
