/**
 * The Argon2id call itself, shared by the worker and the inline path. hash-wasm (about 30 kB with its embedded
 * WebAssembly) is imported here lazily, so the first paint never downloads it.
 */
import { copyBytes, wipe, type Bytes } from '../core/bytes';

/** What the page sends to the KDF worker: the password already encoded, so the worker sees no string handling. */
export interface KdfRequest {
  password: Bytes;
  salt: Bytes;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
  hashLength: number;
}

export type KdfReply = { ok: true; key: Bytes } | { ok: false };

/** Runs Argon2id v1.3 and wipes the request's password bytes whatever happens. */
export async function runArgon2id(request: KdfRequest): Promise<Bytes> {
  try {
    const { argon2id } = await import('hash-wasm');
    const output = await argon2id({
      password: request.password,
      salt: request.salt,
      memorySize: request.memoryKiB,
      iterations: request.iterations,
      parallelism: request.parallelism,
      hashLength: request.hashLength,
      outputType: 'binary',
    });
    const key = copyBytes(output);
    wipe(output);
    return key;
  } finally {
    wipe(request.password);
  }
}
