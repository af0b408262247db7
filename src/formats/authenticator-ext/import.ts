/**
 * JSON backups of the "Authenticator" browser extension (authenticator.cc). The file is an object keyed by entry
 * hash; each value is an entry `{type, secret, issuer, account, algorithm?, digits?, period?, counter?, index,
 * encrypted, groupId?}` (v8 adds `dataType: "OTPStorage"`), a v8 encrypted entry, a key record, or a group.
 * Types: totp, hotp, steam, battle (Battle.net, 8 digits), hex / hhex (TOTP / HOTP with a hexadecimal secret).
 * Newer versions append "::domain" to the issuer for site matching; it is dropped. Encryption: see
 * authenticator-ext-crypto.ts. The plain-text export (one otpauth link per line) is read by the otpauth list
 * importer.
 */
import type { AccountDraft } from '../../core/account';
import { encodeBase32 } from '../../core/base32';
import { LatchkeyError } from '../../core/errors';
import { EXT_APP, decryptText, looksLikeSecret, unlockKeyRecord, unlockWrappedKey } from './crypto';
import { brokenJson } from '../shared/loose';
import type { Importer } from '../types';
import { convertEach, entryLabel, text, toDraft } from '../shared/drafts';
import { isRecord, readHexField } from '../shared/bytes';
import { damagedFile, passwordRequired, wrongPassword } from '../shared/errors';

type Json = Record<string, unknown>;
const ROOT_KEYS = new Set(['key', 'enc', 'hash']);
const ENTRY_TYPES = new Set(['OTPStorage', 'EncOTPStorage']);
const BROKEN = brokenJson(['encrypted', 'secret', 'index'], ['EncOTPStorage', 'keyId']);

function records(json: Json): [string, Json][] {
  return Object.entries(json).filter((e): e is [string, Json] => !ROOT_KEYS.has(e[0]) && isRecord(e[1]));
}

function isBackup(json: unknown): json is Json {
  if (!isRecord(json)) return false;
  const values = Object.entries(json)
    .filter(([k]) => !ROOT_KEYS.has(k))
    .map(([, v]) => v);
  return (
    values.length > 0 &&
    values.every(isRecord) &&
    values.some(
      (v) => ENTRY_TYPES.has(text(v.dataType)) || (typeof v.secret === 'string' && typeof v.encrypted === 'boolean'),
    )
  );
}

function isEncryptedBackup(json: unknown): boolean {
  return isBackup(json) && records(json).some(([, v]) => v.dataType === 'EncOTPStorage' || v.encrypted === true);
}

function wrappedKey(json: Json): { enc: string; hash: unknown } | null {
  if (isRecord(json.key) && typeof json.key.enc === 'string') return { enc: json.key.enc, hash: json.key.hash };
  if (typeof json.enc === 'string') return { enc: json.enc, hash: json.hash };
  return null;
}

/** Hex secrets as upstream's KeyUtilities reads them: an odd length loses a trailing 0 or gains one. */
function hexSecret(secret: string): string {
  let hex = secret;
  if (hex.length % 2 === 1) hex = hex.endsWith('0') ? hex.slice(0, -1) : `${hex}0`;
  return encodeBase32(readHexField(hex, 'Its hexadecimal secret'));
}

function toAccount(entry: Json, groups: Map<unknown, string>): AccountDraft {
  let secret = text(entry.secret).replace(/ /g, '');
  let type = text(entry.type).toLowerCase() || 'totp';
  const prefix = /^(stm|blz|bliz)-/i.exec(secret);
  if (prefix) {
    type = prefix[1]?.toLowerCase() === 'stm' ? 'steam' : 'battle';
    secret = secret.slice(prefix[0].length);
  }
  if (type === 'hex' || type === 'hhex') {
    secret = hexSecret(secret);
    type = type === 'hex' ? 'totp' : 'hotp';
  }
  const battle = type === 'battle';
  return toDraft({
    type: battle ? 'totp' : type,
    secret,
    issuer: text(entry.issuer).split('::')[0],
    name: entry.account,
    algorithm: entry.algorithm,
    digits: battle ? (entry.digits ?? 8) : entry.digits,
    period: entry.period,
    counter: entry.counter,
    group: groups.get(entry.groupId),
  });
}

/** One prepared entry: the readable record, or why it could not be read. */
type Prepared = { hash: string; entry: Json | null; reason?: LatchkeyError };

async function decryptV8(json: Json, password: string): Promise<Prepared[]> {
  const passphrases = new Map<string, string | null>();
  const out: Prepared[] = [];
  for (const [hash, value] of records(json)) {
    if (value.dataType !== 'EncOTPStorage') {
      out.push({ hash, entry: value });
      continue;
    }
    const keyId = text(value.keyId);
    if (!passphrases.has(keyId)) passphrases.set(keyId, await unlockKeyRecord(json[keyId], keyId, password));
    const passphrase = passphrases.get(keyId);
    const plain = passphrase ? await decryptText(value.data, passphrase) : null;
    const inner = plain === null ? null : safeJson(plain);
    if (!passphrase) out.push({ hash, entry: null, reason: lockedEntry(json[keyId]) });
    else if (!isRecord(inner))
      out.push({ hash, entry: null, reason: damagedFile('This entry could not be decrypted.') });
    else out.push({ hash, entry: { ...value, ...inner, encrypted: false } });
  }
  if (![...passphrases.values()].some(Boolean)) throw wrongPassword();
  return out;
}

function lockedEntry(key: unknown): LatchkeyError {
  return isRecord(key)
    ? new LatchkeyError('wrong-password', 'It was encrypted with a different password than the rest.')
    : damagedFile('The key it was encrypted with is missing from the file.');
}

function indexOf(value: unknown): number {
  return isRecord(value) && typeof value.index === 'number' ? value.index : 0;
}

function safeJson(textValue: string): unknown {
  try {
    return JSON.parse(textValue);
  } catch {
    return null;
  }
}

async function decryptLegacy(json: Json, password: string): Promise<Prepared[]> {
  const wrapped = wrappedKey(json);
  const passphrase = wrapped ? await unlockWrappedKey(wrapped, password) : password;
  if (passphrase === null) throw wrongPassword();
  const out: Prepared[] = [];
  for (const [hash, value] of records(json)) {
    if (value.encrypted !== true) {
      out.push({ hash, entry: value });
      continue;
    }
    const secret = await decryptText(value.secret, passphrase);
    if (secret === null || !looksLikeSecret(secret)) {
      out.push({ hash, entry: null, reason: damagedFile('Its secret could not be decrypted.') });
    } else out.push({ hash, entry: { ...value, secret, encrypted: false } });
  }
  const tried = out.filter((p) => isRecord(json[p.hash]) && (json[p.hash] as Json).encrypted === true);
  // Without a password check (v1, or a v7 key whose hash is not Argon2), "nothing decrypts" is how a wrong one shows.
  if (tried.length > 0 && tried.every((p) => p.entry === null)) throw wrongPassword();
  return out;
}

export const authenticatorExtImporter: Importer = {
  id: 'authenticator-ext',
  label: EXT_APP,
  detect: (input) => isBackup(input.json) || BROKEN.detect(input),
  isEncrypted: (input) => isEncryptedBackup(input.json),
  async parse(input, password) {
    BROKEN.refuse(input, EXT_APP);
    const json = input.json;
    if (!isBackup(json)) throw damagedFile('The Authenticator extension backup has no entries.');
    let prepared: Prepared[] = records(json).map(([hash, entry]) => ({ hash, entry }));
    if (isEncryptedBackup(json)) {
      if (!password) throw passwordRequired(EXT_APP);
      const v8 = records(json).some(([, v]) => v.dataType === 'EncOTPStorage');
      prepared = v8 ? await decryptV8(json, password) : await decryptLegacy(json, password);
    }
    const groups = new Map<unknown, string>();
    for (const { entry } of prepared) if (entry?.dataType === 'Group') groups.set(entry.id, text(entry.name));
    const entries = prepared
      .filter((p) => !['Key', 'Group', 'EncGroup'].includes(text(p.entry?.dataType)))
      .sort((a, b) => indexOf(json[a.hash]) - indexOf(json[b.hash]));
    const { accounts, problems } = convertEach(
      entries,
      (p, i) => entryLabel(text(p.entry?.issuer).split('::')[0], p.entry?.account, `entry ${i + 1}`),
      (p) => {
        if (!p.entry) throw p.reason ?? damagedFile('This entry could not be read.');
        return toAccount(p.entry, groups);
      },
    );
    return { format: isEncryptedBackup(json) ? `${EXT_APP} (encrypted)` : EXT_APP, accounts, problems };
  },
};
