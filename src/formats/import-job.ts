/**
 * One file being imported: decoded and recognised once, then read (with its password, when it has one). Runs in
 * the import worker (import-worker.ts) so that no file, however large or hostile, holds up the page; inline where
 * no worker can start.
 */
import { LatchkeyError } from '../core/errors';
import { detectFormat, toImportInput } from './index';
import { checkAccountCount } from './shared/limits';
import type { ImportInput, ImportResult, Importer } from './types';
import type { IconPack } from './aegis/icon-pack';

export interface FileInfo {
  /** The app the file came from, e.g. "Aegis". */
  label: string;
  encrypted: boolean;
}

export class ImportJob {
  private input: ImportInput | null = null;
  private importer: Importer | null = null;

  /** Decodes and recognises the file; throws LatchkeyError('unsupported-format') or ('too-large'). */
  open(bytes: Uint8Array): FileInfo {
    this.input = toImportInput(bytes);
    this.importer = detectFormat(this.input);
    return { label: this.importer.label, encrypted: this.importer.isEncrypted(this.input) };
  }

  async read(password?: string): Promise<ImportResult> {
    if (!this.input || !this.importer) throw new LatchkeyError('unsupported-format', 'Choose a file to import first.');
    const result = await this.importer.parse(this.input, password);
    checkAccountCount(result.accounts.length + result.problems.length);
    return result;
  }
}

/** What the worker and the page say to each other. Errors cross as their code and sentence. */
export type ImportRequest =
  | { type: 'open'; bytes: Uint8Array }
  | { type: 'read'; password?: string }
  // An Aegis icon pack (aegis/icon-pack.ts): hundreds of SVGs to rebuild, off the page's thread too.
  | { type: 'icon-pack'; bytes: Uint8Array };
export type ImportReply =
  | { type: 'opened'; info: FileInfo }
  | { type: 'read'; result: ImportResult }
  | { type: 'icon-pack'; pack: IconPack; skipped: number }
  | { type: 'error'; code: LatchkeyError['code'] | null; message: string };

export async function answer(job: ImportJob, request: ImportRequest): Promise<ImportReply> {
  try {
    if (request.type === 'open') return { type: 'opened', info: job.open(request.bytes) };
    if (request.type === 'icon-pack') {
      const { readIconPack } = await import('./aegis/icon-pack');
      return { type: 'icon-pack', ...(await readIconPack(request.bytes)) };
    }
    return { type: 'read', result: await job.read(request.password) };
  } catch (error) {
    return error instanceof LatchkeyError
      ? { type: 'error', code: error.code, message: error.message }
      : { type: 'error', code: null, message: '' };
  }
}
