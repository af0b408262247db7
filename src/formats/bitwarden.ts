/**
 * Bitwarden exports. JSON: `{encrypted: false, items: [{name, login: {username, totp}, notes, favorite}]}`;
 * CSV: a header row with `name`, `login_username` and `login_totp` columns (quoted fields, embedded newlines).
 * The TOTP field holds an otpauth link, `steam://SECRET`, a bare Base32 secret, or nothing. Items without it are
 * ordinary passwords and are skipped silently. Encrypted JSON exports are recognised and refused with advice:
 * account-restricted ones can only be opened by Bitwarden itself.
 */
import { LatchkeyError } from '../core/errors';
import { draftFromTotpField, firstLine, parseCsv } from './loose';
import type { ImportInput, ImportResult, Importer } from './types';
import { convertEach, entryLabel, text } from './util';
import { isRecord } from './util-bytes';
import { damagedFile } from './util-crypto';

const APP = 'Bitwarden';

function isJsonExport(json: unknown): json is Record<string, unknown> {
  return isRecord(json) && typeof json.encrypted === 'boolean' && (Array.isArray(json.items) || 'data' in json);
}

function isCsvExport(input: ImportInput): boolean {
  if (input.text === null || input.json !== null) return false;
  const header = firstLine(input.text)
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  return header.includes('login_totp') && header.includes('name');
}

export function readBitwardenItems(items: unknown[], format: string): ImportResult {
  const { accounts, problems } = convertEach(
    items,
    (item, i) =>
      isRecord(item)
        ? entryLabel(item.name, isRecord(item.login) ? item.login.username : '', `item ${i + 1}`)
        : `item ${i + 1}`,
    (item) => {
      if (!isRecord(item) || !isRecord(item.login)) return null; // cards, notes, identities: nothing to import
      const draft = draftFromTotpField(item.login.totp, { issuer: text(item.name), name: text(item.login.username) });
      if (!draft) return null;
      const note = text(item.notes);
      if (note) draft.note = note;
      if (item.favorite === true) draft.favorite = true;
      return draft;
    },
  );
  return { format, accounts, problems };
}

function readCsv(content: string): ImportResult {
  const [header = [], ...rows] = parseCsv(content);
  const column = (name: string) => header.findIndex((c) => c.trim() === name);
  const totp = column('login_totp');
  const name = column('name');
  const username = column('login_username');
  const notes = column('notes');
  const favorite = column('favorite');
  const { accounts, problems } = convertEach(
    rows,
    (row, i) => entryLabel(row[name], row[username], `row ${i + 2}`),
    (row) => {
      const draft = draftFromTotpField(row[totp], { issuer: row[name], name: row[username] });
      if (!draft) return null;
      const note = text(row[notes]);
      if (note) draft.note = note;
      if (text(row[favorite]) === '1') draft.favorite = true;
      return draft;
    },
  );
  return { format: `${APP} (CSV)`, accounts, problems };
}

export const bitwardenImporter: Importer = {
  id: 'bitwarden',
  label: APP,
  detect: (input) => isJsonExport(input.json) || isCsvExport(input),
  isEncrypted: () => false,
  async parse(input) {
    if (isJsonExport(input.json)) {
      if (input.json.encrypted) {
        throw new LatchkeyError(
          'unsupported-format',
          'This Bitwarden export is encrypted, which Latchkey cannot open. In Bitwarden, export again choosing ' +
            'the ".json" format (not ".json (Encrypted)"), import it here, then delete the file.',
        );
      }
      if (!Array.isArray(input.json.items)) throw damagedFile('The Bitwarden file has no items.');
      return readBitwardenItems(input.json.items, APP);
    }
    if (input.text === null) throw new LatchkeyError('unsupported-format', 'This is not a Bitwarden export.');
    return readCsv(input.text);
  },
};
