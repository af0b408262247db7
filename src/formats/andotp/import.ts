import type { ImportInput, ImportResult, Importer } from '../types';
import { GCM_TAG, NEW_HEADER, OLD_HEADER, isNewFormat, isOldFormat, iterationsOf } from './detect';
import { convertEach, entryLabel, looksLikeBrokenJson, splitIssuerPrefix, text, toDraft } from '../shared/drafts';
import { isRecord, parseJsonBytes } from '../shared/bytes';
import { utf8Bytes } from '../../core/encoding';
import { aesGcmOpen } from '../../crypto/aes-gcm';
import { damagedFile, passwordRequired, wrongPassword } from '../shared/errors';
import { pbkdf2 } from '../shared/file-kdf';
import { sha256Bytes } from '../../crypto/digest';

/**
 * andOTP backups. Plain: a JSON array of {secret, issuer, label, digits, type, algorithm, period | counter, tags}.
 * Encrypted (`.json.aes`): see andotp-detect.ts for the two binary layouts. New: key = PBKDF2-HMAC-SHA1(password,
 * salt, iterations, 256 bits); old: key = SHA-256(password); both AES-256-GCM without AAD.
 */

const APP = 'andOTP';

function isPlainBackup(json: unknown): json is unknown[] {
  return Array.isArray(json) && json.length > 0 && json.every((e) => isRecord(e) && 'secret' in e && 'type' in e);
}

/**
 * Old andOTP versions had no issuer field: the label holds "Issuer:account", and some wrote the label they showed,
 * "Issuer - Issuer:account". Both become issuer "Issuer", name "account".
 */
function andotpNames(label: string, issuer: string): { issuer: string; name: string } {
  if (issuer !== '') return splitIssuerPrefix(label, issuer);
  const names = splitIssuerPrefix(label, '', true);
  const repeated = /^(.+) - \1$/.exec(names.issuer);
  return repeated ? { issuer: repeated[1]!, name: names.name } : names;
}

function readEntries(entries: unknown): Pick<ImportResult, 'accounts' | 'problems'> {
  if (!Array.isArray(entries)) throw damagedFile('The andOTP data is not a list of accounts.');
  return convertEach(
    entries,
    (e, i) => (isRecord(e) ? entryLabel(e.issuer, e.label, `entry ${i + 1}`) : `entry ${i + 1}`),
    (e) => {
      if (!isRecord(e)) throw damagedFile('This entry is not an andOTP account.');
      const names = andotpNames(text(e.label), text(e.issuer));
      const { type, secret, algorithm, digits, period, counter } = e;
      // Latchkey keeps one group per account: andOTP's first tag.
      const group = Array.isArray(e.tags) ? e.tags[0] : undefined;
      return toDraft({ ...names, type, secret, algorithm, digits, period, counter, group });
    },
  );
}

const WRONG_OR_DAMAGED =
  'That backup password is not right, or this andOTP file is damaged. Check the password and try again.';

async function decrypt(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const attempts: (() => Promise<Uint8Array | null>)[] = [];
  if (isNewFormat({ bytes, text: null, json: null })) {
    if (bytes.length < NEW_HEADER + GCM_TAG) throw damagedFile('The andOTP backup is too short.');
    attempts.push(async () => {
      const salt = bytes.subarray(4, 16);
      const key = await pbkdf2(password, salt, iterationsOf(bytes), 'SHA-1');
      return aesGcmOpen(key, bytes.subarray(16, NEW_HEADER), bytes.subarray(NEW_HEADER));
    });
  }
  if (bytes.length >= OLD_HEADER + GCM_TAG) {
    // Also tried after the new layout fails: an old file may start with bytes that look like an iteration count.
    attempts.push(async () =>
      aesGcmOpen(await sha256Bytes(utf8Bytes(password)), bytes.subarray(0, OLD_HEADER), bytes.subarray(OLD_HEADER)),
    );
  }
  if (attempts.length === 0) throw damagedFile('The andOTP backup is too short.');
  for (const attempt of attempts) {
    const plain = await attempt();
    if (plain) return plain;
  }
  throw wrongPassword(WRONG_OR_DAMAGED);
}

export const andotpImporter: Importer = {
  id: 'andotp',
  label: APP,
  detect: (input: ImportInput) =>
    isPlainBackup(input.json) ||
    looksLikeBrokenJson(input, ['secret', 'label', 'type']) ||
    isNewFormat(input) ||
    isOldFormat(input),
  isEncrypted: (input: ImportInput) => input.text === null,
  async parse(input: ImportInput, password?: string): Promise<ImportResult> {
    if (input.text !== null) {
      if (!isPlainBackup(input.json)) throw damagedFile('This andOTP file is not complete JSON.');
      return { format: APP, ...readEntries(input.json) };
    }
    if (!password) throw passwordRequired(APP);
    const entries = parseJsonBytes(await decrypt(input.bytes, password), 'The decrypted andOTP data');
    return { format: `${APP} (encrypted)`, ...readEntries(entries) };
  },
};
