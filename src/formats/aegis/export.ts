import type { AccountDraft } from '../../core/account';
import { type RandomSource, secureRandom } from '../../core/bytes';
import { bytesToBase64, bytesToHex, utf8Bytes } from '../../core/encoding';
import { aesGcmSeal } from '../../crypto/aes-gcm';
import { type ScryptParams, scryptKey } from '../shared/file-kdf';

/**
 * Writes an Aegis vault file (db version 3) that Aegis and Latchkey's own importer read back. Encrypted exports do
 * exactly what Aegis does: a random 32-byte master key encrypts the db with AES-256-GCM; one password slot wraps
 * that key with scrypt(password, 32-byte salt, N=2^15, r=8, p=1) → AES-256-GCM. Tags travel separately as hex.
 */

export const AEGIS_SCRYPT: ScryptParams = { n: 32768, r: 8, p: 1 };

export interface AegisExportOptions {
  /** Encrypts the vault when given. */
  password?: string;
  random?: RandomSource;
  /** Only for tests; Aegis itself always writes N=2^15, r=8, p=1. */
  scrypt?: ScryptParams;
}

/** A random (version 4) UUID built from the random source, so exports are deterministic under test. */
function uuid(random: RandomSource): string {
  const b = random(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = bytesToHex(b);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function entryInfo(account: AccountDraft): Record<string, unknown> {
  const info: Record<string, unknown> = {
    secret: account.secret,
    algo: account.algorithm,
    digits: account.digits,
  };
  if (account.type === 'hotp') info.counter = account.counter;
  else info.period = account.period;
  return info;
}

/** The picture types Aegis reads (its IconType): a WebP picture would make Aegis refuse the whole entry. */
const AEGIS_MIMES: ReadonlySet<string> = new Set(['image/svg+xml', 'image/png', 'image/jpeg']);

/** The account's own picture, as Aegis keeps it (`icon_hash` is optional: Aegis computes it when absent). */
function entryIcon(account: AccountDraft): { icon: string | null; icon_mime?: string } {
  const icon = account.icon;
  if (icon?.kind !== 'image' || !AEGIS_MIMES.has(icon.mime)) return { icon: null };
  return { icon: icon.dataBase64, icon_mime: icon.mime };
}

/** The plaintext db object, version 3, with one Aegis group per distinct Latchkey group. */
export function aegisDb(accounts: readonly AccountDraft[], random: RandomSource = secureRandom): object {
  const groupIds = new Map<string, string>();
  for (const account of accounts) {
    if (account.group && !groupIds.has(account.group)) groupIds.set(account.group, uuid(random));
  }
  return {
    version: 3,
    entries: accounts.map((account) => ({
      type: account.type,
      uuid: uuid(random),
      name: account.name,
      issuer: account.issuer,
      note: account.note ?? '',
      favorite: account.favorite === true,
      ...entryIcon(account),
      info: entryInfo(account),
      groups: account.group ? [groupIds.get(account.group)] : [],
    })),
    groups: [...groupIds].map(([name, id]) => ({ uuid: id, name })),
    icons_optimized: true,
  };
}

const TAG = 16;

/** Returns the file's text (JSON, indented as Aegis writes it). */
export async function exportAegis(
  accounts: readonly AccountDraft[],
  options: AegisExportOptions = {},
): Promise<string> {
  const random = options.random ?? secureRandom;
  const db = aegisDb(accounts, random);
  if (options.password === undefined) {
    return JSON.stringify({ version: 1, header: { slots: null, params: null }, db }, null, 4);
  }
  const scrypt = options.scrypt ?? AEGIS_SCRYPT;
  const masterKey = random(32);
  const salt = random(32);
  const slotNonce = random(12);
  const dbNonce = random(12);
  const kek = await scryptKey(options.password, salt, scrypt);
  const wrapped = await aesGcmSeal(kek, slotNonce, masterKey);
  const sealed = await aesGcmSeal(masterKey, dbNonce, utf8Bytes(JSON.stringify(db)));
  const slot = {
    type: 1,
    uuid: uuid(random),
    key: bytesToHex(wrapped.subarray(0, -TAG)),
    key_params: { nonce: bytesToHex(slotNonce), tag: bytesToHex(wrapped.subarray(-TAG)) },
    ...scrypt,
    salt: bytesToHex(salt),
    repaired: true,
    is_backup: false,
  };
  const header = { slots: [slot], params: { nonce: bytesToHex(dbNonce), tag: bytesToHex(sealed.subarray(-TAG)) } };
  return JSON.stringify({ version: 1, header, db: bytesToBase64(sealed.subarray(0, -TAG)) }, null, 4);
}
