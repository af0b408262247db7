/**
 * Bitwarden exports. JSON: `{encrypted: false, items: [{name, login: {username, totp}, notes, favorite}]}`;
 * CSV: a header row with `name`, `login_username` and `login_totp` columns (quoted fields, embedded newlines).
 * The TOTP field holds an otpauth link, `steam://SECRET`, a bare Base32 secret, or nothing. Items without it are
 * ordinary passwords and are skipped silently. Password-protected JSON exports are read by bitwarden-encrypted.ts;
 * "account restricted" ones can only be opened by Bitwarden itself and are refused with advice.
 */
import { LatchkeyError } from '../../core/errors';
import { isPasswordProtected, readPasswordProtected } from './encrypted';
import { readBitwardenItems } from './items';
import { brokenJson, draftFromTotpField, firstLine, parseCsv } from '../shared/loose';
import type { ImportInput, ImportResult, Importer } from '../types';
import { convertEach, entryLabel, text } from '../shared/drafts';
import { isRecord } from '../shared/bytes';
import { damagedFile, passwordRequired } from '../shared/errors';

const BROKEN = brokenJson(['encrypted', 'items'], ['passwordProtected', 'data']);
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
  detect: (input) => isJsonExport(input.json) || isCsvExport(input) || BROKEN.detect(input),
  isEncrypted: (input) => isPasswordProtected(input.json),
  async parse(input, password) {
    BROKEN.refuse(input, APP);
    if (isJsonExport(input.json)) {
      if (isPasswordProtected(input.json)) {
        if (!password) throw passwordRequired(APP);
        return readPasswordProtected(input.json, password);
      }
      if (input.json.encrypted) {
        throw new LatchkeyError(
          'unsupported-format',
          'This Bitwarden export is "account restricted": only Bitwarden itself can open it. In Bitwarden, export ' +
            'again as ".json" or as a password-protected ".json (Encrypted)" file.',
        );
      }
      if (!Array.isArray(input.json.items)) throw damagedFile('The Bitwarden file has no items.');
      return readBitwardenItems(input.json.items, APP);
    }
    if (input.text === null) throw new LatchkeyError('unsupported-format', 'This is not a Bitwarden export.');
    return readCsv(input.text);
  },
};
