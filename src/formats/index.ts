import { LatchkeyError } from '../core/errors';
import type { ImportInput, ImportResult, Importer } from './types';
import { migrationImporter } from './migration-import';

/**
 * Every importer Latchkey knows, most specific first: detection looks at content, never at the file name.
 * Importers of other apps are loaded lazily by the UI through `loadFormats()`, so this list may grow without
 * touching the eager bundle.
 */
export const importers: Importer[] = [
  // Each format module adds one line here.
  migrationImporter, // text of otpauth-migration:// links only (no otpauth:// line)
];

export function toImportInput(bytes: Uint8Array): ImportInput {
  let text: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    text = null;
  }
  let json: unknown = null;
  if (text !== null && /^\s*[[{]/.test(text)) {
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
