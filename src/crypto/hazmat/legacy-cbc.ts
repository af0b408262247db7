/**
 * HAZARDOUS: unauthenticated legacy crypto, for reading other apps' old exports only. Latchkey never writes with
 * it. AES-CBC has no integrity check (bad padding is the only sign of a wrong key, and a wrong key passes it about
 * 1 time in 256), and OpenSSL's EVP_BytesToKey derives keys with one round of MD5 (CVE-2024-45394 is about it).
 * Callers authenticate what they can (a MAC, a checked plaintext shape) before trusting the plaintext.
 */
import { copyBytes, type Bytes } from '../../core/bytes';
import { base64ToBytes, utf8Bytes } from '../../core/encoding';
import { md5Bytes } from '../hash-wasm';

/** AES-256-CBC with PKCS#7 padding; null when the padding does not check out (often: a wrong key). */
export async function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, body: Uint8Array): Promise<Bytes | null> {
  const cryptoKey = await crypto.subtle.importKey('raw', copyBytes(key), 'AES-CBC', false, ['decrypt']);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt({ name: 'AES-CBC', iv: copyBytes(iv) }, cryptoKey, copyBytes(body)),
    );
  } catch {
    return null;
  }
}

/** "Salted__", the OpenSSL magic that starts every `CryptoJS.AES.encrypt(message, passphrase)` value. */
const SALTED = utf8Bytes('Salted__');

/** True when the value looks like a CryptoJS passphrase ciphertext ("U2FsdGVkX1" is "Salted__" in Base64). */
export function isOpenSslSalted(value: unknown): value is string {
  return typeof value === 'string' && value.trim().startsWith('U2FsdGVkX1');
}

/**
 * OpenSSL EVP_BytesToKey with MD5 and one round: D1 = MD5(pass || salt), Dn = MD5(Dn-1 || pass || salt);
 * key || iv = the first 48 bytes of D1 || D2 || D3.
 */
export async function evpBytesToKey(passphrase: string, salt: Uint8Array): Promise<Bytes> {
  const pass = utf8Bytes(passphrase);
  const out = new Uint8Array(48);
  let previous: Uint8Array = new Uint8Array(0);
  for (let filled = 0; filled < out.length; filled += 16) {
    previous = await md5Bytes(previous, pass, salt);
    out.set(previous, filled);
  }
  return out;
}

/**
 * Decrypts a `CryptoJS.AES.encrypt(message, passphrase).toString()` value: Base64 of "Salted__" || 8-byte salt ||
 * AES-256-CBC ciphertext, key and IV from EVP_BytesToKey. Null when it does not decrypt with this passphrase;
 * callers check the plaintext's shape too (see the padding note above).
 */
export async function decryptOpenSslSalted(value: string, passphrase: string): Promise<Bytes | null> {
  const raw = base64ToBytes(value);
  if (!raw || raw.length < 32 || raw.length % 16 !== 0 || !SALTED.every((byte, i) => raw[i] === byte)) return null;
  const derived = await evpBytesToKey(passphrase, raw.subarray(8, 16));
  return aesCbcDecrypt(derived.subarray(0, 32), derived.subarray(32, 48), raw.subarray(16));
}
