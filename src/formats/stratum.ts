/**
 * Stratum (formerly Authenticator Pro) backups (AuthenticatorPro.Core/Backup in stratumauth/app).
 * Plain JSON: `{Authenticators: [{Type, Issuer, Username, Secret, Algorithm, Digits, Period, Counter}], Categories:
 * [{Id, Name}], AuthenticatorCategories: [{CategoryId, AuthenticatorSecret}]}`; Type 1 HOTP, 2 TOTP, 3 mOTP,
 * 4 Steam, 5 Yandex; Algorithm 0 SHA1, 1 SHA256, 2 SHA512.
 * Encrypted, current: "AUTHENTICATORPRO" || salt 16 || IV 12 || AES-256-GCM ct||tag, key = Argon2id(t 3, p 4,
 * 64 MiB, 32 B). Legacy: "AuthenticatorPro" || salt 20 || IV 16 || AES-256-CBC (PKCS#7), key =
 * PBKDF2-HMAC-SHA1(64,000 iterations). The costs are fixed by the format, not read from the file.
 */
import { LatchkeyError } from '../core/errors';
import { aesCbcDecrypt } from '../crypto/hazmat/legacy-cbc';
import { brokenJson, startsWithAscii } from './shared/loose';
import type { ImportInput, ImportResult, Importer } from './types';
import { convertEach, entryLabel, text, toDraft } from './shared/drafts';
import { fileArgon2idKey, pbkdf2 } from './shared/file-kdf';
import { isRecord } from './shared/bytes';
import { aesGcmOpen } from '../crypto/aes-gcm';
import { damagedFile, passwordRequired, wrongPassword } from './shared/errors';

const BROKEN = brokenJson(['Authenticators']);
const APP = 'Stratum';
const HEADER = 'AUTHENTICATORPRO';
const LEGACY_HEADER = 'AuthenticatorPro';
const TYPES: Record<number, string> = { 1: 'hotp', 2: 'totp', 3: 'mOTP', 4: 'steam', 5: 'Yandex' };
const ALGORITHMS = ['SHA1', 'SHA256', 'SHA512'];

function isPlain(json: unknown): json is { Authenticators: unknown[] } & Record<string, unknown> {
  return isRecord(json) && Array.isArray(json.Authenticators);
}

function encryption(input: ImportInput): 'strong' | 'legacy' | null {
  if (startsWithAscii(input.bytes, HEADER)) return 'strong';
  if (startsWithAscii(input.bytes, LEGACY_HEADER)) return 'legacy';
  return null;
}

async function decryptStrong(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const at = HEADER.length;
  if (bytes.length < at + 16 + 12 + 16) throw damagedFile('The Stratum backup is incomplete.');
  const params = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 4 };
  const key = await fileArgon2idKey(password, bytes.subarray(at, at + 16), params, APP);
  const plain = await aesGcmOpen(key, bytes.subarray(at + 16, at + 28), bytes.subarray(at + 28));
  if (!plain) throw wrongPassword();
  return plain;
}

async function decryptLegacy(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const at = LEGACY_HEADER.length;
  const body = bytes.subarray(at + 36);
  if (body.length === 0 || body.length % 16 !== 0) throw damagedFile('The Stratum backup is incomplete.');
  const key = await pbkdf2(password, bytes.subarray(at, at + 20), 64_000, 'SHA-1');
  const plain = await aesCbcDecrypt(key, bytes.subarray(at + 20, at + 36), body);
  // CBC has no authentication: bad padding is how a wrong password shows
  if (!plain) throw wrongPassword();
  return plain;
}

/** Category names by authenticator secret, for the group field. */
function groupsBySecret(json: Record<string, unknown>): Map<string, string> {
  const names = new Map<unknown, string>();
  for (const c of Array.isArray(json.Categories) ? json.Categories : []) {
    if (isRecord(c)) names.set(c.Id, text(c.Name));
  }
  const groups = new Map<string, string>();
  for (const link of Array.isArray(json.AuthenticatorCategories) ? json.AuthenticatorCategories : []) {
    const name = isRecord(link) ? names.get(link.CategoryId) : undefined;
    if (isRecord(link) && name && !groups.has(text(link.AuthenticatorSecret))) {
      groups.set(text(link.AuthenticatorSecret), name);
    }
  }
  return groups;
}

function readBackup(json: { Authenticators: unknown[] } & Record<string, unknown>, format: string): ImportResult {
  const groups = groupsBySecret(json);
  const { accounts, problems } = convertEach(
    json.Authenticators,
    (a, i) => (isRecord(a) ? entryLabel(a.Issuer, a.Username, `entry ${i + 1}`) : `entry ${i + 1}`),
    (a) => {
      if (!isRecord(a)) throw new LatchkeyError('missing-secret', 'It has no secret key.');
      const algorithm = typeof a.Algorithm === 'number' ? ALGORITHMS[a.Algorithm] : a.Algorithm;
      return toDraft({
        type: typeof a.Type === 'number' ? (TYPES[a.Type] ?? `type ${a.Type}`) : a.Type,
        secret: a.Secret,
        issuer: a.Issuer,
        name: a.Username,
        algorithm: algorithm ?? `number ${text(a.Algorithm)}`,
        digits: a.Digits,
        period: a.Period,
        counter: a.Counter,
        group: groups.get(text(a.Secret)),
      });
    },
  );
  return { format, accounts, problems };
}

export const stratumImporter: Importer = {
  id: 'stratum',
  label: APP,
  detect: (input) => isPlain(input.json) || encryption(input) !== null || BROKEN.detect(input),
  isEncrypted: (input) => encryption(input) !== null,
  async parse(input, password) {
    BROKEN.refuse(input, APP);
    if (isPlain(input.json)) return readBackup(input.json, APP);
    const kind = encryption(input);
    if (!password) throw passwordRequired(APP);
    const plain =
      kind === 'strong' ? await decryptStrong(input.bytes, password) : await decryptLegacy(input.bytes, password);
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
    } catch {
      // GCM already proved the key; after CBC, garbage means the padding check passed by chance.
      throw kind === 'strong' ? damagedFile('The decrypted Stratum backup is not readable.') : wrongPassword();
    }
    if (!isPlain(json)) throw damagedFile('The decrypted Stratum backup has no accounts.');
    return readBackup(json, `${APP} (encrypted)`);
  },
};
