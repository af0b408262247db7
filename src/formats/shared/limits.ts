/**
 * How much a file may ask of the page: its size, how deep its data nests, how many accounts it holds. A hostile or
 * broken file past any of these is refused with a sentence saying which, before it can take the memory or the
 * minutes it would otherwise take (20,000 accounts in 1 MB once froze the page for 32 s; 50 MB of nested arrays
 * took 3.5 GB).
 */
import { LatchkeyError } from '../../core/errors';

/** The largest export of any app, icons included, is a few MB. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Every format nests a few levels; 64 is far past the deepest. */
export const MAX_JSON_DEPTH = 64;
/** Far more than anyone's authenticator holds, and what Latchkey stores and lists smoothly. */
export const MAX_IMPORT_ACCOUNTS = 10_000;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

export function checkImportSize(bytes: { length: number }): void {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new LatchkeyError(
      'too-large',
      `This file is ${mib(bytes.length)}; Latchkey reads files of up to ${mib(MAX_IMPORT_BYTES)}. ` +
        'Choose the export file of your authenticator app.',
    );
  }
}

/** True when JSON text nests deeper than `limit` (counted on the text, before it is parsed). */
export function nestsDeeperThan(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function tooDeep(): LatchkeyError {
  return new LatchkeyError(
    'too-large',
    `This file nests its data more than ${MAX_JSON_DEPTH} levels deep, which no authenticator app writes, so ` +
      'Latchkey will not read it.',
  );
}

export function checkAccountCount(count: number): void {
  if (count > MAX_IMPORT_ACCOUNTS) {
    throw new LatchkeyError(
      'too-large',
      `This file holds ${count.toLocaleString('en')} entries; Latchkey imports up to ` +
        `${MAX_IMPORT_ACCOUNTS.toLocaleString('en')} at a time. Split it into smaller files and import each.`,
    );
  }
}
