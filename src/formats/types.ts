import type { AccountDraft } from '../core/account';

/** One entry of a file that could not be read, shown in the import preview with its reason. */
export interface ImportProblem {
  /** What identifies the entry to a person: its name, issuer, or "line 4". */
  entry: string;
  reason: string;
}

/** Importers never throw for one bad entry: they return what they could read and why the rest failed. */
export interface ImportResult {
  /** The app/format name shown in the preview, e.g. "Aegis (encrypted)". */
  format: string;
  accounts: AccountDraft[];
  problems: ImportProblem[];
}

/** The raw file: text when it decodes as UTF-8, bytes always. */
export interface ImportInput {
  bytes: Uint8Array;
  text: string | null;
  /** Parsed JSON when the text is JSON, else null. */
  json: unknown;
}

export interface Importer {
  id: string;
  /** Human name of the app, e.g. "2FAS". */
  label: string;
  /** Recognise the content (never the file name). Cheap and synchronous. */
  detect(input: ImportInput): boolean;
  /** True when this particular file is encrypted and needs `Backup password`. */
  isEncrypted(input: ImportInput): boolean;
  /**
   * Read the accounts. Encrypted files get the password; a wrong one throws
   * LatchkeyError('wrong-password'); a damaged or truncated file throws LatchkeyError('damaged-file').
   * Heavy crypto (hash-wasm, @noble/ciphers) is imported lazily inside this function.
   */
  parse(input: ImportInput, password?: string): Promise<ImportResult>;
}
