/**
 * Proton Authenticator export (proton-authenticator/src/entry in protonpass/proton-pass-common).
 * Plain: `{version: 1, entries: [{id, content: {uri, entry_type, name}, note}]}`; `uri` is an otpauth link or
 * `steam://SECRET`. Encrypted: `{version: 1, salt: b64(16 B), content: b64(nonce 12 B || AES-256-GCM ct||tag)}`
 * with AAD "proton.authenticator.export.v1" and key = Argon2id(password, salt, 19,456 KiB, 2 passes, 1 lane, 32 B).
 * The cost is fixed by the format, not read from the file.
 */
import { LatchkeyError } from '../../core/errors';
import { brokenJson, draftFromTotpField } from '../shared/loose';
import type { ImportResult, Importer } from '../types';
import { convertEach, entryLabel, text } from '../shared/drafts';
import { fileArgon2idKey } from '../shared/file-kdf';
import { isRecord, parseJsonBytes, readBase64Field } from '../shared/bytes';
import { utf8Bytes } from '../../core/encoding';
import { aesGcmOpen } from '../../crypto/aes-gcm';
import { damagedFile, passwordRequired, wrongPassword } from '../shared/errors';

const BROKEN = brokenJson(['version', 'entries', 'content'], ['version', 'salt', 'content']);
const APP = 'Proton Authenticator';
const AAD = 'proton.authenticator.export.v1';
const ARGON2 = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 } as const;

function isPlain(json: unknown): json is { entries: unknown[] } & Record<string, unknown> {
  return (
    isRecord(json) &&
    Array.isArray(json.entries) &&
    json.entries.some((e) => isRecord(e) && isRecord(e.content) && typeof e.content.uri === 'string')
  );
}

function isEncrypted(json: unknown): json is Record<string, unknown> {
  return (
    isRecord(json) &&
    typeof json.salt === 'string' &&
    typeof json.content === 'string' &&
    json.entries === undefined &&
    typeof json.version === 'number'
  );
}

function checkVersion(json: Record<string, unknown>): void {
  if (json.version !== 1) {
    throw new LatchkeyError(
      'unsupported-format',
      `This Proton Authenticator export has version ${text(json.version) || 'unknown'}, which Latchkey does not know yet.`,
    );
  }
}

function readEntries(json: Record<string, unknown>, format: string): ImportResult {
  checkVersion(json);
  const entries = Array.isArray(json.entries) ? json.entries : [];
  const { accounts, problems } = convertEach(
    entries,
    (entry, i) =>
      isRecord(entry) && isRecord(entry.content)
        ? entryLabel('', entry.content.name, `entry ${i + 1}`)
        : `entry ${i + 1}`,
    (entry) => {
      if (!isRecord(entry) || !isRecord(entry.content)) throw damagedFile('An entry has no content.');
      const draft = draftFromTotpField(entry.content.uri, { name: text(entry.content.name) });
      if (!draft) throw new LatchkeyError('missing-secret', 'It has no two-factor link.');
      const note = text(entry.note);
      if (note) draft.note = note;
      return draft;
    },
  );
  return { format, accounts, problems };
}

async function decrypt(json: Record<string, unknown>, password: string): Promise<Record<string, unknown>> {
  checkVersion(json);
  const salt = readBase64Field(text(json.salt), 'The Proton salt');
  const content = readBase64Field(text(json.content), 'The Proton content');
  if (salt.length !== 16 || content.length < 12 + 16) throw damagedFile('The Proton Authenticator file is incomplete.');
  const key = await fileArgon2idKey(password, salt, ARGON2, APP);
  const plain = await aesGcmOpen(key, content.subarray(0, 12), content.subarray(12), utf8Bytes(AAD));
  if (!plain) throw wrongPassword();
  const inner = parseJsonBytes(plain, 'The decrypted Proton Authenticator data');
  if (!isRecord(inner)) throw damagedFile('The decrypted Proton Authenticator data is not a list of entries.');
  return inner;
}

export const protonImporter: Importer = {
  id: 'proton-authenticator',
  label: APP,
  detect: (input) => isPlain(input.json) || isEncrypted(input.json) || BROKEN.detect(input),
  isEncrypted: (input) => isEncrypted(input.json),
  async parse(input, password) {
    BROKEN.refuse(input, APP);
    const json = input.json;
    if (isEncrypted(json)) {
      if (!password) throw passwordRequired(APP);
      return readEntries(await decrypt(json, password), `${APP} (encrypted)`);
    }
    if (!isPlain(json)) throw damagedFile('The Proton Authenticator file has no entries.');
    return readEntries(json, APP);
  },
};
