/**
 * Helpers for the part-B importers that util.ts does not cover: a "TOTP field" as password managers store it
 * (an otpauth link, a steam:// link or a bare secret), Ente's codeDisplay extras, and a small RFC 4180 CSV reader.
 */
import type { AccountDraft } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import { parseOtpauth } from '../../core/uri';
import type { ImportInput } from '../types';
import { looksLikeBrokenJson, text, toDraft } from './drafts';
import { isRecord } from './bytes';
import { damagedFile } from './errors';

/** Names to fall back on when a link carries none (a password manager knows the item's name and login). */
export interface NameHints {
  issuer?: string;
  name?: string;
}

function withHints(draft: AccountDraft, hints: NameHints): AccountDraft {
  return { ...draft, issuer: draft.issuer || text(hints.issuer), name: draft.name || text(hints.name) };
}

/**
 * Reads the TOTP field of a password manager: `otpauth://…`, `steam://SECRET` (Bitwarden, Proton) or a bare Base32
 * secret (TOTP, SHA1, 6 digits, 30 s). Returns null for an empty field.
 * @throws LatchkeyError with the reason to show when the field is not usable.
 */
export function draftFromTotpField(value: unknown, hints: NameHints = {}): AccountDraft | null {
  const field = text(value);
  if (field === '') return null;
  if (/^otpauth:\/\//i.test(field)) return withHints(parseOtpauth(field), hints);
  if (/^steam:\/\//i.test(field)) {
    // parseOtpauth names every steam:// account "Steam"; the password manager's item name is more telling.
    const draft = parseOtpauth(field);
    return withHints({ ...draft, issuer: text(hints.issuer) || draft.issuer }, hints);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(field)) {
    throw new LatchkeyError('not-otpauth', 'Its two-factor field is a link Latchkey does not know.');
  }
  return toDraft({ secret: field, issuer: hints.issuer, name: hints.name });
}

/** The raw (still percent-encoded) value of one query parameter, or null. */
export function rawQueryParam(uri: string, key: string): string | null {
  const query = uri.split('#')[0]?.split('?')[1] ?? '';
  for (const pair of query.split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && pair.slice(0, eq).toLowerCase() === key.toLowerCase()) return pair.slice(eq + 1);
  }
  return null;
}

/** Ente's `codeDisplay` parameter: URL-encoded JSON with pinned, trashed, tags and note. Unknown shapes give {}. */
export function enteCodeDisplay(uri: string): Record<string, unknown> {
  const raw = rawQueryParam(uri, 'codeDisplay');
  if (raw === null) return {};
  try {
    const parsed: unknown = JSON.parse(decodeURIComponent(raw.replace(/\+/g, '%20')));
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

/**
 * RFC 4180 CSV: commas, double-quoted fields with "" for a quote, line breaks inside quotes, CRLF or LF. Blank
 * lines are dropped. A quote left open at the end of the text means the file was cut short.
 */
export function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quoted) {
      if (ch === '"' && content[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && content[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (quoted) {
    throw new LatchkeyError(
      'damaged-file',
      'The CSV file ends inside a quoted field, so it was cut short. Export it again.',
    );
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** The first line of a text, for cheap header checks in `detect`. */
export function firstLine(content: string): string {
  const end = content.search(/\r|\n/);
  return (end < 0 ? content : content.slice(0, end)).replace(/^\uFEFF/, '');
}

/** True when the bytes start with the ASCII string. */
export function startsWithAscii(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/**
 * A file of this format that was cut short or damaged so that it no longer parses as JSON, recognised by its keys
 * (util.looksLikeBrokenJson): the importer claims it and says "damaged" instead of leaving "unknown format".
 */
export function brokenJson(...keySets: (readonly string[])[]) {
  const matches = (input: ImportInput) => keySets.some((keys) => looksLikeBrokenJson(input, keys));
  return {
    detect: matches,
    refuse(input: ImportInput, app: string): void {
      if (matches(input)) throw damagedFile(`This ${app} file is not complete.`);
    },
  };
}
