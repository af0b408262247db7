/**
 * Bitwarden's password-protected JSON export (bitwarden/sdk `exporters/src/encrypted_json.rs`, web vault "Encrypted
 * export"): `{encrypted: true, passwordProtected: true, salt, kdfType, kdfIterations, kdfMemory, kdfParallelism,
 * encKeyValidation_DO_NOT_EDIT, data}`.
 * - key = PBKDF2-SHA256(password, UTF-8 of the salt text, kdfIterations, 32 B) when kdfType is 0, or Argon2id(password,
 *   SHA-256 of the salt text, kdfMemory MiB, kdfIterations, kdfParallelism, 32 B) when it is 1;
 * - stretched with HKDF-Expand-SHA256 (no extract step): encKey = expand(key, "enc"), macKey = expand(key, "mac");
 * - `data` and the validation value are EncStrings "2.iv|ciphertext|mac" (Base64 parts): HMAC-SHA256(macKey,
 *   iv || ciphertext) must equal mac, then AES-256-CBC(encKey, iv). A bad MAC on the validation value means a wrong
 *   password; `data` decrypts to the plain export JSON.
 */
import { readBitwardenItems } from './items';
import type { ImportResult } from '../types';
import { text } from '../shared/drafts';
import { checkArgon2Within, checkFileArgon2, fileArgon2idKey, pbkdf2, refuseCostsAbove } from '../shared/file-kdf';
import { isRecord, parseJsonBytes, readBase64Field } from '../shared/bytes';
import { concatBytes, sameBytes } from '../../core/bytes';
import { utf8Bytes } from '../../core/encoding';
import { aesCbcDecrypt } from '../../crypto/hazmat/legacy-cbc';
import { damagedFile, wrongPassword } from '../shared/errors';
import { hmacSha256Bytes, sha256Bytes } from '../../crypto/digest';

const APP = 'Bitwarden';

export function isPasswordProtected(json: unknown): boolean {
  return isRecord(json) && json.encrypted === true && json.passwordProtected === true;
}

async function deriveKey(json: Record<string, unknown>, password: string): Promise<Uint8Array> {
  const salt = text(json.salt);
  const iterations = Number(json.kdfIterations);
  if (json.kdfType === 0) {
    // Bitwarden's account settings allow 600,000 to 2,000,000 PBKDF2 iterations (fewer in older accounts).
    if (iterations > 2_000_000) throw refuseCostsAbove(APP, `${iterations} PBKDF2 iterations`, 'at most 2,000,000');
    return pbkdf2(password, utf8Bytes(salt), iterations, 'SHA-256');
  }
  if (json.kdfType === 1) {
    const params = {
      memoryKiB: Number(json.kdfMemory) * 1024,
      iterations,
      parallelism: Number(json.kdfParallelism),
    };
    // Bitwarden allows 16 to 1,024 MiB, 2 to 10 passes and 1 to 16 lanes.
    checkArgon2Within(params, { memoryKiB: 1024 * 1024, iterations: 10, parallelism: 16 }, APP);
    checkFileArgon2(params, APP);
    return fileArgon2idKey(password, await sha256Bytes(utf8Bytes(salt)), params, APP);
  }
  throw damagedFile('The Bitwarden file names a key-derivation method Latchkey does not know.');
}

/** Decrypts an EncString of type 2; null when its MAC does not match. */
async function openEncString(value: unknown, encKey: Uint8Array, macKey: Uint8Array): Promise<Uint8Array | null> {
  const match = /^2\.([^|]+)\|([^|]+)\|([^|]+)$/.exec(text(value));
  if (!match) throw damagedFile('The Bitwarden file has an encrypted value Latchkey cannot read.');
  const [iv, body, mac] = match.slice(1).map((part) => readBase64Field(part ?? '', 'A Bitwarden value'));
  if (!iv || !body || !mac || iv.length !== 16) throw damagedFile('A Bitwarden encrypted value is incomplete.');
  const expected = await hmacSha256Bytes(macKey, concatBytes(iv, body));
  if (!sameBytes(expected, mac)) return null;
  const plain = await aesCbcDecrypt(encKey, iv, body);
  if (!plain) throw damagedFile('A Bitwarden encrypted value does not decrypt.');
  return plain;
}

export async function readPasswordProtected(json: Record<string, unknown>, password: string): Promise<ImportResult> {
  const key = await deriveKey(json, password);
  const encKey = await hmacSha256Bytes(key, utf8Bytes('enc\x01'));
  const macKey = await hmacSha256Bytes(key, utf8Bytes('mac\x01'));
  if (!(await openEncString(json.encKeyValidation_DO_NOT_EDIT, encKey, macKey))) throw wrongPassword();
  const data = await openEncString(json.data, encKey, macKey);
  if (!data) throw damagedFile('The Bitwarden data does not match its checksum.');
  const inner = parseJsonBytes(data, 'The decrypted Bitwarden data');
  if (!isRecord(inner) || !Array.isArray(inner.items)) throw damagedFile('The decrypted Bitwarden data has no items.');
  return readBitwardenItems(inner.items, `${APP} (encrypted)`);
}
