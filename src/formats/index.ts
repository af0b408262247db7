import { LatchkeyError } from '../core/errors';
import { checkImportSize, nestsDeeperThan, tooDeep } from './shared/limits';
import type { ImportInput, ImportResult, Importer } from './types';
import { authenticatorExtImporter } from './authenticator-ext/import';
import { bitwardenImporter } from './bitwarden/import';
import { duoImporter } from './duo';
import { enteImporter } from './ente';
import { freeOtpPlusImporter } from './freeotp-plus';
import { lastPassImporter } from './lastpass';
import { protonImporter } from './proton/authenticator';
import { protonPassImporter } from './proton/pass';
import { steamImporter } from './steam-mafile';
import { stratumImporter } from './stratum';
import { migrationImporter } from './google-migration/import';
import { aegisImporter } from './aegis/import';
import { uriListImporter } from './uri-list';
import { twofasImporter } from './twofas';
import { andotpImporter } from './andotp/import';
import { backupImporter } from './backup/backup';

/**
 * Every importer Latchkey knows, most specific first: detection looks at content, never at the file name. This
 * module is itself a lazy chunk (app/transfer.ts imports it with import(), rule 7), so the list may grow freely.
 */
export const importers: Importer[] = [
  // Each format module adds one line here.
  backupImporter, // Latchkey's own backup: {format: 'latchkey-backup'}
  migrationImporter, // text of otpauth-migration:// links only (no otpauth:// line)
  aegisImporter, // {header: {slots}, db}, also when cut short
  twofasImporter, // {services, schemaVersion}, also when cut short
  stratumImporter, // binary "AUTHENTICATORPRO" header or {Authenticators}
  protonPassImporter, // zip holding "Proton Pass/data.json"
  enteImporter, // before any otpauth-list reader: Ente's plain export is a link list with codeDisplay
  protonImporter,
  bitwardenImporter,
  freeOtpPlusImporter,
  lastPassImporter,
  steamImporter,
  duoImporter,
  authenticatorExtImporter, // loose shape (an object of entries): after every specific JSON format
  uriListImporter, // any text with an otpauth:// line: after Ente, which claims codeDisplay lists
  andotpImporter, // LAST: its encrypted backups are magic-less binary, recognised by elimination
];

/**
 * Decodes a file once: its text when it is UTF-8, its JSON when the text is JSON. Refuses a file too large or
 * nested too deep to read safely (shared/limits.ts).
 */
export function toImportInput(bytes: Uint8Array): ImportInput {
  checkImportSize(bytes);
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    text = null;
  }
  let json: unknown = null;
  if (text !== null && /^\s*[[{]/.test(text)) {
    if (nestsDeeperThan(text)) throw tooDeep();
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  return { bytes, text, json };
}

export function detectFormat(input: ImportInput): Importer {
  const found = importers.find((importer) => importer.detect(input));
  if (!found) {
    throw new LatchkeyError(
      'unsupported-format',
      'This file is not a format Latchkey can read. Export from your other app as Aegis, 2FAS, andOTP, ' +
        'Bitwarden, Ente, FreeOTP+, Proton, Stratum, LastPass, Google Authenticator links or an otpauth list.',
    );
  }
  return found;
}

export async function importFile(bytes: Uint8Array, password?: string): Promise<ImportResult> {
  const input = toImportInput(bytes);
  return detectFormat(input).parse(input, password);
}
