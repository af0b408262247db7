import type { AccountDraft } from '../core/account';
import { LatchkeyError } from '../core/errors';
import { parseOtpauth } from '../core/uri';
import { isMigrationLink } from './google-migration/payload';
import { readMigrationLines } from './google-migration/import';
import type { ImportInput, ImportResult, Importer } from './types';
import { convertEach, meaningfulLines, text } from './shared/drafts';
import { isRecord } from './shared/bytes';

/**
 * A text file of account links, one per line: what Aegis, andOTP, Ente Auth ("plain text" export), KeePassXC and
 * many scripts write. Blank lines and comments ("#", "//") are skipped; a line that is not a usable link becomes a
 * problem "line N" and never stops the others. Google Authenticator migration links in the same file are read too.
 */

const LINK = /^(?:web\+)?otpauth:\/\//i;
const OTHER_ACCOUNT_LINK = /^(?:steam|motp):\/\//i;

/** Ente Auth's `codeDisplay` parameter: URL-encoded JSON {pinned, trashed, tags, note}; unknown shapes give {}. */
function codeDisplay(line: string): Record<string, unknown> | null {
  const match = /[?&]codeDisplay=([^&#]*)/.exec(line);
  if (!match) return null;
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(match[1]!.replace(/\+/g, '%20')));
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function lineToDraft(line: string): AccountDraft {
  if (!LINK.test(line) && !OTHER_ACCOUNT_LINK.test(line)) {
    throw new LatchkeyError('not-otpauth', 'It is not an account link (otpauth://), so it was skipped.');
  }
  const draft = parseOtpauth(line);
  const display = codeDisplay(line);
  if (display) {
    if (display.trashed === true) {
      throw new LatchkeyError('entry-skipped', 'It is in the trash in Ente Auth, so it was left out.');
    }
    const note = text(display.note);
    const tag = Array.isArray(display.tags) ? text(display.tags[0]) : '';
    if (note) draft.note = note;
    if (tag) draft.group = tag;
    if (display.pinned === true) draft.favorite = true;
  }
  return draft;
}

/** Reads every line of a link list; exported for callers that receive pasted text rather than a file. */
export function readLinkList(content: string): { accounts: AccountDraft[]; problems: ImportResult['problems'] } {
  const lines = meaningfulLines(content);
  const links = convertEach(
    lines.filter(({ line }) => !isMigrationLink(line)),
    ({ number }) => `line ${number}`,
    ({ line }) => lineToDraft(line),
  );
  const migration = readMigrationLines(lines.filter(({ line }) => isMigrationLink(line)));
  return {
    accounts: [...links.accounts, ...migration.accounts],
    problems: [...links.problems, ...migration.problems],
  };
}

export const uriListImporter: Importer = {
  id: 'otpauth-list',
  label: 'otpauth links',
  detect: (input: ImportInput) =>
    input.text !== null && input.json === null && meaningfulLines(input.text).some(({ line }) => LINK.test(line)),
  isEncrypted: () => false,
  async parse(input: ImportInput): Promise<ImportResult> {
    const content = input.text ?? '';
    const { accounts, problems } = readLinkList(content);
    const format = /[?&]codeDisplay=/.test(content) ? 'Ente Auth' : 'otpauth links';
    return { format, accounts, problems };
  },
};
