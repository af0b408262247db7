/**
 * AES-256-GCM with a raw key, for files (backups, other apps' exports). The vault's own records use a
 * non-extractable master key instead (vault/records.ts).
 */
import { copyBytes, type Bytes } from '../core/bytes';

async function aesKey(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', copyBytes(key), 'AES-GCM', false, [usage]);
}

function params(iv: Uint8Array, aad?: Uint8Array): AesGcmParams {
  return aad
    ? { name: 'AES-GCM', iv: copyBytes(iv), additionalData: copyBytes(aad) }
    : { name: 'AES-GCM', iv: copyBytes(iv) };
}

/** Decrypts ciphertext||tag; null when authentication fails (wrong key or altered data). */
export async function aesGcmOpen(
  key: Uint8Array,
  iv: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Promise<Bytes | null> {
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(params(iv, aad), await aesKey(key, 'decrypt'), copyBytes(sealed)),
    );
  } catch {
    return null;
  }
}

/** Encrypts; returns ciphertext||tag (the tag is the last 16 bytes). */
export async function aesGcmSeal(
  key: Uint8Array,
  iv: Uint8Array,
  plaintext: Uint8Array,
  aad?: Uint8Array,
): Promise<Bytes> {
  return new Uint8Array(
    await crypto.subtle.encrypt(params(iv, aad), await aesKey(key, 'encrypt'), copyBytes(plaintext)),
  );
}
