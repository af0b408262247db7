/**
 * Proton Pass export: a zip holding "Proton Pass/data.json" =
 * `{vaults: {id: {name, items: [{state, data: {type, metadata: {name, note}, content: {totpUri, itemUsername,
 * itemEmail}, extraFields: [{fieldName, type: "totp", data: {totpUri}}]}}]}}}`.
 * Login items give an account for `content.totpUri` and one for each "totp" extra field; the vault name becomes
 * the group. Item state 2 means "in the trash". A PGP-encrypted export ("data.pgp") is refused with advice.
 * fflate loads only when such a zip is opened (rule 7).
 */
import type { AccountDraft } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import { draftFromTotpField, startsWithAscii } from '../shared/loose';
import type { ImportInput, Importer } from '../types';
import { convertEach, text } from '../shared/drafts';
import { isRecord, parseJsonBytes } from '../shared/bytes';
import { damagedFile } from '../shared/errors';

const APP = 'Proton Pass';
const DATA_JSON = 'Proton Pass/data.json';
const DATA_PGP = 'Proton Pass/data.pgp';
/** data.json of a real vault is a few MB at most; refuse to inflate anything absurd (zip bombs). */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
const TRASHED = 2;

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const first = needle.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i <= bytes.length - needle.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

function isProtonZip(input: ImportInput): boolean {
  return (
    startsWithAscii(input.bytes, 'PK\x03\x04') &&
    (containsAscii(input.bytes, DATA_JSON) || containsAscii(input.bytes, DATA_PGP))
  );
}

async function readDataJson(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const { unzipSync } = await import('fflate');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => (file.name === DATA_JSON || file.name === DATA_PGP) && file.originalSize <= MAX_JSON_BYTES,
    });
  } catch {
    throw damagedFile('The Proton Pass zip could not be opened.');
  }
  const data = files[DATA_JSON];
  if (!data) {
    if (files[DATA_PGP]) {
      throw new LatchkeyError(
        'unsupported-format',
        'This Proton Pass export is PGP-encrypted, which Latchkey cannot open. Export again from Proton Pass ' +
          'without encryption (a zip with data.json), import it, then delete the file.',
      );
    }
    throw damagedFile('The Proton Pass zip has no readable data.json.');
  }
  const json = parseJsonBytes(data, 'The Proton Pass data');
  if (!isRecord(json) || !isRecord(json.vaults)) throw damagedFile('The Proton Pass data has no vaults.');
  return json;
}

interface TotpSource {
  uri: unknown;
  label: string;
  issuer: string;
  name: string;
  group: string;
  note: string;
  trashed: boolean;
}

/** Every TOTP link of one item: the main field and the "totp" custom fields. */
function sourcesOf(item: unknown, group: string): TotpSource[] {
  if (!isRecord(item) || !isRecord(item.data) || item.data.type !== 'login') return [];
  const { metadata, content, extraFields } = item.data;
  const title = isRecord(metadata) ? text(metadata.name) : '';
  const base = {
    issuer: title,
    name: isRecord(content) ? text(content.itemUsername) || text(content.itemEmail) : '',
    group,
    note: isRecord(metadata) ? text(metadata.note) : '',
    trashed: item.state === TRASHED,
  };
  const out: TotpSource[] = [];
  if (isRecord(content) && text(content.totpUri)) out.push({ ...base, uri: content.totpUri, label: title || 'item' });
  for (const field of Array.isArray(extraFields) ? extraFields : []) {
    if (isRecord(field) && field.type === 'totp' && isRecord(field.data) && text(field.data.totpUri)) {
      const label = `${title || 'item'}, field "${text(field.fieldName)}"`;
      out.push({ ...base, uri: field.data.totpUri, label });
    }
  }
  return out;
}

function toAccount(source: TotpSource): AccountDraft | null {
  if (source.trashed) {
    throw new LatchkeyError('entry-skipped', 'It is in the trash in Proton Pass, so it was left out.');
  }
  const draft = draftFromTotpField(source.uri, { issuer: source.issuer, name: source.name });
  if (!draft) return null;
  if (source.group) draft.group = source.group;
  if (source.note) draft.note = source.note;
  return draft;
}

export const protonPassImporter: Importer = {
  id: 'proton-pass',
  label: APP,
  detect: isProtonZip,
  isEncrypted: () => false,
  async parse(input) {
    const json = await readDataJson(input.bytes);
    const sources: TotpSource[] = [];
    for (const vault of Object.values(json.vaults as Record<string, unknown>)) {
      if (!isRecord(vault) || !Array.isArray(vault.items)) continue;
      for (const item of vault.items) sources.push(...sourcesOf(item, text(vault.name)));
    }
    return { format: APP, ...convertEach(sources, (s) => s.label, toAccount) };
  },
};
