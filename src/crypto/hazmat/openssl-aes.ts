/**
 * Decryption of `CryptoJS.AES.encrypt(message, passphrase).toString()` values, which the Authenticator browser
 * extension writes: Base64 of "Salted__" || 8-byte salt || AES-256-CBC ciphertext (PKCS#7), with key and IV from
 * OpenSSL's EVP_BytesToKey (MD5, one round): D1 = MD5(pass || salt), Dn = MD5(Dn-1 || pass || salt), and
 * key || iv = the first 48 bytes of D1 || D2 || D3. This is a migration reader only: Latchkey never writes this
 * weak construction (CVE-2024-45394 is about it).
 */
import { base64ToBytes, plainBytes, utf8Bytes } from '../../formats/shared/bytes';

/** "Salted__", the OpenSSL magic that starts every value. */
export const SALTED = utf8Bytes('Salted__');

/** True when the value looks like a CryptoJS passphrase ciphertext ("U2FsdGVkX1" is "Salted__" in Base64). */
export function isOpenSslSalted(value: unknown): value is string {
  return typeof value === 'string' && value.trim().startsWith('U2FsdGVkX1');
}

/** OpenSSL EVP_BytesToKey with MD5 and one round: 32 bytes of AES key followed by 16 bytes of IV. */
export async function evpBytesToKey(passphrase: string, salt: Uint8Array): Promise<Uint8Array> {
  const { createMD5 } = await import('hash-wasm');
  const md5 = await createMD5();
  const pass = utf8Bytes(passphrase);
  const out = new Uint8Array(48);
  let previous: Uint8Array = new Uint8Array(0);
  for (let filled = 0; filled < out.length; filled += 16) {
    md5.init();
    md5.update(previous);
    md5.update(pass);
    md5.update(salt);
    previous = md5.digest('binary');
    out.set(previous, filled);
  }
  return out;
}

/**
 * Returns the plaintext bytes, or null when the value does not decrypt with this passphrase. Bad padding is the
 * usual sign of a wrong passphrase, but a wrong one still passes the padding check about 1 time in 256, so callers
 * check the plaintext's shape too.
 */
export async function decryptOpenSslSalted(value: string, passphrase: string): Promise<Uint8Array | null> {
  let raw: Uint8Array;
  try {
    raw = base64ToBytes(value);
  } catch {
    return null;
  }
  if (raw.length < 32 || raw.length % 16 !== 0 || !SALTED.every((byte, i) => raw[i] === byte)) return null;
  const derived = await evpBytesToKey(passphrase, raw.subarray(8, 16));
  const key = await crypto.subtle.importKey('raw', plainBytes(derived.subarray(0, 32)), 'AES-CBC', false, ['decrypt']);
  try {
    const iv = plainBytes(derived.subarray(32, 48));
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-CBC', iv }, key, plainBytes(raw.subarray(16))));
  } catch {
    return null;
  }
}
