import type { AccountDraft } from '../../core/account';
import { normalizeSecret } from '../../core/base32';
import { LatchkeyError, isLatchkeyError } from '../../core/errors';
import { wellFormed } from '../../core/text';
import { checkType, typeParams } from '../../core/validate';
import type { ImportInput, ImportProblem } from '../types';
import { readIcon } from './icon';
import { checkAccountCount } from './limits';

/**
 * Turning the loosely typed fields of other apps' files into an AccountDraft. Every importer goes through
 * `toDraft`, which applies core/validate's rules, so one rule decides what a valid account is wherever it comes
 * from, and every refusal carries a sentence for the preview.
 */

/** Fields as other apps spell them: strings or numbers, any case, possibly missing. */
export interface LooseAccount {
  type?: unknown;
  secret: unknown;
  issuer?: unknown;
  name?: unknown;
  algorithm?: unknown;
  digits?: unknown;
  period?: unknown;
  counter?: unknown;
  note?: unknown;
  group?: unknown;
  favorite?: unknown;
  /** As Latchkey writes it (core/account.ts's AccountIcon); checked by shared/icon.ts, left out when not right. */
  icon?: unknown;
}

/** A field of another app's file as text: trimmed, well-formed (core/text.ts), '' when it is not text. */
export function text(value: unknown): string {
  if (typeof value === 'string') return wellFormed(value).trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** Other apps write "no value" as a missing field, null or an empty string. */
function absent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** Validates and normalises one account; throws a LatchkeyError whose message is the reason to show. */
export function toDraft(loose: LooseAccount): AccountDraft {
  const type = absent(loose.type) ? 'totp' : checkType(text(loose.type));
  if (typeof loose.secret !== 'string') {
    throw new LatchkeyError('missing-secret', 'It has no secret key.');
  }
  const draft: AccountDraft = {
    type,
    secret: normalizeSecret(loose.secret),
    issuer: text(loose.issuer),
    name: text(loose.name),
    ...typeParams(type, {
      ...loose,
      // A period of 0 is how some apps write "default" for accounts they did not give one.
      period: loose.period === 0 ? undefined : loose.period,
    }),
  };
  const note = text(loose.note);
  const group = text(loose.group);
  if (note) draft.note = note;
  if (group) draft.group = group;
  if (loose.favorite === true) draft.favorite = true;
  const icon = readIcon(loose.icon);
  if (icon) draft.icon = icon;
  return draft;
}

/**
 * Splits "Issuer:account" when the prefix repeats the issuer (or there is no issuer and `whenNoIssuer`), the way
 * otpauth labels do. A colon in a plain name ("encoding: demo") is kept otherwise.
 */
export function splitIssuerPrefix(
  name: string,
  issuer: string,
  whenNoIssuer = false,
): { issuer: string; name: string } {
  const colon = name.indexOf(':');
  if (colon < 0) return { issuer, name };
  const prefix = name.slice(0, colon).trim();
  const rest = name.slice(colon + 1).trim();
  if (issuer !== '' && prefix.toLowerCase() === issuer.toLowerCase()) return { issuer, name: rest };
  if (issuer === '' && whenNoIssuer && prefix !== '') return { issuer: prefix, name: rest };
  return { issuer, name };
}

/** A label for a problem line: "Issuer (name)", or the fallback ("entry 3"). */
export function entryLabel(issuer: unknown, name: unknown, fallback: string): string {
  const i = text(issuer);
  const n = text(name);
  if (i && n) return `${i} (${n})`;
  return i || n || fallback;
}

/** Reason for a failed entry: the LatchkeyError sentence, or a generic one for anything unexpected. */
export function problemReason(error: unknown): string {
  if (isLatchkeyError(error)) return error.message;
  return 'This entry could not be read.';
}

/**
 * Runs `convert` over every entry: good ones become accounts, a failing one becomes a problem and never stops the
 * rest. `convert` may return null to skip an entry silently (e.g. a deleted item).
 */
export function convertEach<T, D extends AccountDraft = AccountDraft>(
  entries: readonly T[],
  describe: (entry: T, index: number) => string,
  convert: (entry: T, index: number) => D | null,
): { accounts: D[]; problems: ImportProblem[] } {
  checkAccountCount(entries.length);
  const accounts: D[] = [];
  const problems: ImportProblem[] = [];
  entries.forEach((entry, index) => {
    try {
      const draft = convert(entry, index);
      if (draft) accounts.push(draft);
    } catch (error) {
      let label = `entry ${index + 1}`;
      try {
        label = describe(entry, index);
      } catch {
        // keep the positional label
      }
      problems.push({ entry: label, reason: problemReason(error) });
    }
  });
  return { accounts, problems };
}

/** Non-blank lines that are not comments ("#" or "//"), with their 1-based line numbers. */
export function meaningfulLines(content: string): { line: string; number: number }[] {
  return content
    .split(/\r\n|\r|\n/)
    .map((line, i) => ({ line: line.trim(), number: i + 1 }))
    .filter(({ line }) => line !== '' && !line.startsWith('#') && !line.startsWith('//'));
}

/**
 * True for text that starts like JSON, does not parse, and names every key: a file of this format that was cut
 * short or damaged. Its importer claims it and says "damaged" rather than leaving the person with "unknown format".
 */
export function looksLikeBrokenJson(input: ImportInput, keys: readonly string[]): boolean {
  return (
    input.json === null &&
    input.text !== null &&
    /^\s*[[{]/.test(input.text) &&
    keys.every((key) => input.text!.includes(`"${key}"`))
  );
}
