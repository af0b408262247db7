import { argon2VerifyEncoded, argon2idEncoded } from '../shared/file-kdf';
import { decryptOpenSslSalted } from '../../crypto/hazmat/legacy-cbc';
import { bytesToHex, bytesToUtf8 } from '../../core/encoding';
import { isRecord } from '../shared/bytes';
/**
 * Unlocking password-protected backups of the "Authenticator" browser extension (Authenticator-Extension/
 * Authenticator, authenticator.cc). Every ciphertext is a CryptoJS passphrase value (see crypto/hazmat/legacy-cbc.ts); what
 * differs between versions is which passphrase:
 *
 * - v8 and later (`dataType: "EncOTPStorage"` entries + `dataType: "Key"` records): passphrase = the hash part
 *   (last "$" field, unpadded Base64 text) of Argon2id(password, UTF-8 Key.salt, 19,456 KiB, 2 passes, 1 lane,
 *   32 B) in PHC form; it is checked against the PHC string `Key.hash`. Each entry's `data` decrypts to the whole
 *   entry as JSON (src/argon.ts and src/import.ts upstream).
 * - v7 and earlier with a wrapped key (root `key: {enc, hash}`, or root `enc` and `hash` after upstream bug #557):
 *   passphrase = lower-case hex of CryptoJS-decrypting `enc` with the password, checked against `hash` (PHC), then
 *   each entry's `secret` is decrypted with it.
 * - older still: each `secret` is decrypted with the password itself; nothing checks the password, so a secret that
 *   does not look like one means it was wrong.
 */

export const EXT_APP = 'Authenticator extension';
/** What the extension writes, for its key record and its password check alike (src/argon.ts upstream). */
const V8_ARGON2 = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1, hashLength: 32 } as const;

/** Returns the passphrase of a v8 key record, or null when the password does not unlock it. */
export async function unlockKeyRecord(key: unknown, keyId: string, password: string): Promise<string | null> {
  if (!isRecord(key) || key.dataType !== 'Key' || key.id !== keyId) return null;
  if (typeof key.salt !== 'string' || typeof key.hash !== 'string') return null;
  const encoded = await argon2idEncoded(password, key.salt, V8_ARGON2, EXT_APP);
  const passphrase = encoded.split('$')[5] ?? '';
  return (await argon2VerifyEncoded(passphrase, key.hash, EXT_APP, V8_ARGON2)) ? passphrase : null;
}

/** Returns the entry passphrase of a v7 wrapped key, or null when the password does not unlock it. */
export async function unlockWrappedKey(
  wrapped: { enc: string; hash: unknown },
  password: string,
): Promise<string | null> {
  const dataKey = await decryptOpenSslSalted(wrapped.enc, password);
  if (!dataKey || dataKey.length === 0) return null;
  // CryptoJS's WordArray.toString() is hex: upstream uses that text, not the bytes, as the next passphrase.
  const passphrase = bytesToHex(dataKey);
  if (typeof wrapped.hash === 'string' && wrapped.hash.startsWith('$argon2')) {
    return (await argon2VerifyEncoded(passphrase, wrapped.hash, EXT_APP, V8_ARGON2)) ? passphrase : null;
  }
  return passphrase;
}

/** Decrypts a CryptoJS value to UTF-8 text, or null. */
export async function decryptText(value: unknown, passphrase: string): Promise<string | null> {
  if (typeof value !== 'string') return null;
  const plain = await decryptOpenSslSalted(value, passphrase);
  return plain && bytesToUtf8(plain);
}

/** What upstream accepts as a decrypted secret: Base32, hex, or a Battle.net/Steam prefixed value. */
export function looksLikeSecret(value: string): boolean {
  const s = value.replace(/ /g, '');
  return /^[a-z2-7]+=*$/i.test(s) || /^[0-9a-f]+$/i.test(s) || /^(blz|bliz|stm)-/i.test(s);
}
