import { LatchkeyError } from '../../core/errors';
import type { ImportInput, ImportResult, Importer } from '../types';
import { convertEach, entryLabel, looksLikeBrokenJson, text, toDraft } from '../shared/drafts';
import { isRecord, parseJsonBytes, readBase64Field, readHexField } from '../shared/bytes';
import { concatBytes } from '../../core/bytes';
import { aesGcmOpen } from '../../crypto/aes-gcm';
import { damagedFile, passwordRequired, wrongPassword } from '../shared/errors';
import { refuseCostsAbove, scryptKey } from '../shared/file-kdf';

/**
 * Aegis vaults and backups (docs/vault.md in beemdevelopment/Aegis): `{version: 1, header: {slots, params}, db}`.
 * Plain files have `db` as an object; encrypted ones Base64 of AES-256-GCM ciphertext without its tag, under a
 * random master key that each password slot wraps with scrypt(password, salt, N, r, p) → AES-GCM. db versions:
 * 1 (no groups), 2 (a `group` name per entry), 3 (`groups` of uuids, names in db.groups).
 */

const APP = 'Aegis';
const BROKEN_KEYS = ['header', 'slots', 'db'];

function isAegis(json: unknown): json is { header: Record<string, unknown>; db: unknown } {
  return isRecord(json) && isRecord(json.header) && 'slots' in json.header && 'db' in json;
}

function hexField(record: Record<string, unknown>, key: string, length: number, what: string): Uint8Array {
  const bytes = readHexField(text(record[key]), what);
  if (bytes.length !== length) throw damagedFile(`${what} has the wrong length.`);
  return bytes;
}

/** Aegis writes every password slot with scrypt N=2^15, r=8, p=1 (docs/vault.md upstream). */
const AEGIS_SCRYPT = { n: 2 ** 15, r: 8, p: 1 };

/**
 * Opens the password slot (Aegis keeps one; only the first is tried, so a file cannot make one password cost
 * many derivations); the master key, or a wrong-password error.
 */
async function unlockMasterKey(header: Record<string, unknown>, password: string): Promise<Uint8Array> {
  const slots = Array.isArray(header.slots) ? header.slots.filter(isRecord) : [];
  const passwordSlots = slots.filter((slot) => slot.type === 1);
  if (passwordSlots.length === 0) {
    throw new LatchkeyError(
      'unsupported-format',
      'This Aegis vault has no password slot (only biometrics), so it cannot be opened here. ' +
        'In Aegis, export it with a password.',
    );
  }
  for (const slot of passwordSlots.slice(0, 1)) {
    const params = { n: Number(slot.n), r: Number(slot.r), p: Number(slot.p) };
    if (params.n > AEGIS_SCRYPT.n || params.r > AEGIS_SCRYPT.r || params.p > AEGIS_SCRYPT.p) {
      const asked = `scrypt N=${params.n}, r=${params.r}, p=${params.p}`;
      throw refuseCostsAbove('Aegis', asked, 'scrypt N=32768, r=8, p=1');
    }
    const salt = hexField(slot, 'salt', 32, 'The Aegis slot salt');
    const wrapped = hexField(slot, 'key', 32, 'The Aegis wrapped key');
    if (!isRecord(slot.key_params)) throw damagedFile('The Aegis slot has no key parameters.');
    const nonce = hexField(slot.key_params, 'nonce', 12, 'The Aegis slot nonce');
    const tag = hexField(slot.key_params, 'tag', 16, 'The Aegis slot tag');
    const kek = await scryptKey(password, salt, params);
    const masterKey = await aesGcmOpen(kek, nonce, concatBytes(wrapped, tag));
    if (masterKey) return masterKey;
  }
  throw wrongPassword();
}

async function decryptDb(header: Record<string, unknown>, db: string, password: string): Promise<unknown> {
  if (!isRecord(header.params)) throw damagedFile('The Aegis file has no encryption parameters.');
  const nonce = hexField(header.params, 'nonce', 12, 'The Aegis nonce');
  const tag = hexField(header.params, 'tag', 16, 'The Aegis tag');
  const sealed = concatBytes(readBase64Field(db, 'The Aegis vault'), tag);
  const masterKey = await unlockMasterKey(header, password);
  const plain = await aesGcmOpen(masterKey, nonce, sealed);
  if (!plain) throw damagedFile('The password is right, but the Aegis vault data does not decrypt.');
  return parseJsonBytes(plain, 'The decrypted Aegis vault');
}

/** Reads a decrypted or plain db object (versions 1 to 3). */
export function readAegisDb(db: unknown): Pick<ImportResult, 'accounts' | 'problems'> {
  if (!isRecord(db) || !Array.isArray(db.entries)) throw damagedFile('The Aegis vault has no list of entries.');
  const groupNames = new Map<string, string>();
  if (Array.isArray(db.groups)) {
    for (const group of db.groups.filter(isRecord)) groupNames.set(text(group.uuid), text(group.name));
  }
  return convertEach(
    db.entries,
    (entry, i) => (isRecord(entry) ? entryLabel(entry.issuer, entry.name, `entry ${i + 1}`) : `entry ${i + 1}`),
    (entry) => {
      if (!isRecord(entry) || !isRecord(entry.info)) throw damagedFile('This entry has no OTP details.');
      const info = entry.info;
      // v3: a list of group uuids (Latchkey keeps one group per account: the first); v2: the group's name.
      const firstGroup = Array.isArray(entry.groups) ? groupNames.get(text(entry.groups[0])) : entry.group;
      return toDraft({
        type: entry.type,
        secret: info.secret,
        issuer: entry.issuer,
        name: entry.name,
        algorithm: info.algo,
        digits: info.digits,
        period: info.period,
        counter: info.counter,
        note: entry.note,
        group: firstGroup,
        favorite: entry.favorite,
        // Aegis keeps the picture in the entry: Base64 and its type (SVG, PNG, or JPEG when none is given, as
        // Aegis reads it). Checked, and an SVG rebuilt, by toDraft.
        icon: entry.icon ? { kind: 'image', mime: entry.icon_mime ?? 'image/jpeg', dataBase64: entry.icon } : undefined,
      });
    },
  );
}

export const aegisImporter: Importer = {
  id: 'aegis',
  label: APP,
  detect: (input: ImportInput) => isAegis(input.json) || looksLikeBrokenJson(input, BROKEN_KEYS),
  isEncrypted: (input: ImportInput) => isAegis(input.json) && typeof input.json.db === 'string',
  async parse(input: ImportInput, password?: string): Promise<ImportResult> {
    if (!isAegis(input.json)) throw damagedFile('This Aegis file is not complete JSON.');
    const { header, db } = input.json;
    if (typeof db !== 'string') return { format: APP, ...readAegisDb(db) };
    if (!password) throw passwordRequired(APP);
    return { format: `${APP} (encrypted)`, ...readAegisDb(await decryptDb(header, db, password)) };
  },
};
