/**
 * Ente Auth exports (docs/auth/migration/export.md in ente-io/ente).
 * Plain: one otpauth link per line, each with a `codeDisplay` parameter (URL-encoded JSON: pinned, trashed, tags,
 * note). Encrypted: `{version: 1, kdfParams: {memLimit (bytes), opsLimit, salt}, encryptedData, encryptionNonce}`;
 * key = Argon2id v1.3 (memLimit/1024 KiB, opsLimit passes, 1 lane, 32 bytes); `encryptionNonce` is the 24-byte
 * header of a libsodium secretstream and `encryptedData` its one message (tag MESSAGE or FINAL: either is accepted).
 */
import { bytesToUtf8 } from '../core/encoding';
import type { AccountDraft } from '../core/account';
import { LatchkeyError } from '../core/errors';
import { brokenJson, enteCodeDisplay } from './shared/loose';
import { brandIcon } from './shared/icon';
import { parseOtpauth } from '../core/uri';
import { SECRETSTREAM_ABYTES, SECRETSTREAM_HEADER_BYTES, secretstreamPullFirst } from '../crypto/secretstream';
import type { ImportInput, ImportResult, Importer } from './types';
import { convertEach, meaningfulLines, text } from './shared/drafts';
import { checkFileArgon2, describeArgon2, fileArgon2idKey, refuseCostsAbove } from './shared/file-kdf';
import { isRecord, readBase64Field } from './shared/bytes';
import { damagedFile, passwordRequired, wrongPassword } from './shared/errors';

const BROKEN = brokenJson(['kdfParams', 'encryptedData']);
/** libsodium's crypto_pwhash_MEMLIMIT_SENSITIVE, in KiB. */
const ENTE_MOST_KIB = 1024 * 1024;
const APP = 'Ente Auth';

function isEncryptedExport(json: unknown): json is Record<string, unknown> {
  return (
    isRecord(json) &&
    isRecord(json.kdfParams) &&
    typeof json.encryptedData === 'string' &&
    typeof json.encryptionNonce === 'string'
  );
}

/** Plain exports: every meaningful line is a link, and at least one carries Ente's codeDisplay. */
function isPlainExport(input: ImportInput): boolean {
  if (input.text === null || input.json !== null) return false;
  const lines = meaningfulLines(input.text);
  return (
    lines.length > 0 &&
    lines.every(({ line }) => /^otpauth:\/\//i.test(line)) &&
    lines.some(({ line }) => /[?&]codeDisplay=/.test(line))
  );
}

function enteDraft(uri: string): AccountDraft | null {
  const draft = parseOtpauth(uri);
  const display = enteCodeDisplay(uri);
  if (display.trashed === true) {
    throw new LatchkeyError('entry-skipped', 'It is in the trash in Ente Auth, so it was left out.');
  }
  const note = text(display.note);
  const firstTag = Array.isArray(display.tags) ? text(display.tags[0]) : '';
  if (note) draft.note = note;
  if (firstTag && !draft.group) draft.group = firstTag;
  if (display.pinned === true) draft.favorite = true;
  // An icon the person chose in Ente names a brand of simple-icons (or one of Ente's own): Latchkey draws it
  // when its set has it, and falls back to matching the names otherwise (app/icons).
  const icon = text(display.iconID) && /simple|custom/i.test(text(display.iconSrc)) ? brandIcon(display.iconID) : null;
  if (icon) draft.icon = icon;
  return draft;
}

function readLinks(content: string, format: string): ImportResult {
  const lines = meaningfulLines(content);
  const { accounts, problems } = convertEach(
    lines,
    ({ number }) => `line ${number}`,
    ({ line }) => enteDraft(line),
  );
  return { format, accounts, problems };
}

async function decryptExport(json: Record<string, unknown>, password: string): Promise<string> {
  if (json.version !== 1) {
    throw new LatchkeyError(
      'unsupported-format',
      `This Ente Auth export has version ${text(json.version) || 'unknown'}, which Latchkey does not know yet.`,
    );
  }
  const kdf = json.kdfParams as Record<string, unknown>;
  const memLimit = kdf.memLimit;
  const opsLimit = kdf.opsLimit;
  if (typeof memLimit !== 'number' || typeof opsLimit !== 'number' || typeof kdf.salt !== 'string') {
    throw damagedFile('The Ente Auth file has no usable key-derivation settings.');
  }
  // libsodium's crypto_pwhash counts memory in bytes and rounds down to whole KiB.
  const params = { memoryKiB: Math.floor(memLimit / 1024), iterations: opsLimit, parallelism: 1 };
  // Ente derives with libsodium's "sensitive" preset (1 GiB, 4 passes) and, on a device without the memory,
  // halves the memory and doubles the passes: memory × passes never exceeds 1 GiB × 4.
  if (params.memoryKiB > ENTE_MOST_KIB || params.memoryKiB * params.iterations > ENTE_MOST_KIB * 4) {
    throw refuseCostsAbove(
      APP,
      `Argon2 costs of ${describeArgon2(params)}`,
      '1 GiB with 4 passes, or less memory with more passes',
    );
  }
  checkFileArgon2(params, APP);
  const salt = readBase64Field(kdf.salt, 'The Ente Auth salt');
  const header = readBase64Field(text(json.encryptionNonce), 'The Ente Auth nonce');
  const sealed = readBase64Field(text(json.encryptedData), 'The Ente Auth data');
  if (salt.length !== 16 || header.length !== SECRETSTREAM_HEADER_BYTES || sealed.length < SECRETSTREAM_ABYTES) {
    throw damagedFile('The Ente Auth file is incomplete.');
  }
  const key = await fileArgon2idKey(password, salt, params, APP);
  const pulled = await secretstreamPullFirst(key, header, sealed);
  if (!pulled) throw wrongPassword();
  const decrypted = bytesToUtf8(pulled.message);
  if (decrypted === null) throw damagedFile('The decrypted Ente Auth data is not text.');
  return decrypted;
}

export const enteImporter: Importer = {
  id: 'ente',
  label: APP,
  detect: (input) => isEncryptedExport(input.json) || isPlainExport(input) || BROKEN.detect(input),
  isEncrypted: (input) => isEncryptedExport(input.json),
  async parse(input, password) {
    BROKEN.refuse(input, APP);
    if (isEncryptedExport(input.json)) {
      if (!password) throw passwordRequired(APP);
      return readLinks(await decryptExport(input.json, password), `${APP} (encrypted)`);
    }
    return readLinks(input.text ?? '', APP);
  },
};
