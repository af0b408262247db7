/**
 * HMAC keys for code generation, imported once per (secret, algorithm) as non-extractable CryptoKeys: after the
 * import the raw secret bytes are wiped and script can no longer read the key back, only sign with it. The session
 * owns one cache and clears it on lock, which drops every key with the vault (rule 2).
 */
import type { Algorithm } from './account';
import { decodeBase32, type Base32Secret } from './base32';
import type { Brand } from './brand';

/** A non-extractable HMAC signing key for one account's codes: made by importHmacKey only. */
export type HmacKey = Brand<CryptoKey, 'HmacKey'>;

const WEBCRYPTO_HASH: Record<Algorithm, string> = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA512: 'SHA-512' };

/** Imports a Base32 secret as an HMAC signing key. Throws LatchkeyError for a bad secret. */
export async function importHmacKey(secret: Base32Secret, algorithm: Algorithm): Promise<HmacKey> {
  const hash = WEBCRYPTO_HASH[algorithm];
  if (!hash) throw new TypeError(`Unknown HMAC algorithm ${String(algorithm)}`);
  const bytes = decodeBase32(secret);
  try {
    return (await crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash }, false, ['sign'])) as HmacKey;
  } finally {
    bytes.fill(0); // importKey has copied them; do not leave a plaintext copy for the garbage collector
  }
}

export class KeyCache {
  // Promises rather than keys so that concurrent requests for the same account share one import.
  #keys = new Map<string, Promise<HmacKey>>();

  get(secret: Base32Secret, algorithm: Algorithm): Promise<HmacKey> {
    const id = `${algorithm}:${secret}`;
    let key = this.#keys.get(id);
    if (!key) {
      key = importHmacKey(secret, algorithm);
      this.#keys.set(id, key);
      // A refused secret is not cached: the next call reports the same error instead of a stale rejection.
      key.catch(() => this.#keys.delete(id));
    }
    return key;
  }

  get size(): number {
    return this.#keys.size;
  }

  clear(): void {
    this.#keys.clear();
  }
}
