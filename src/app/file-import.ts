/**
 * Importing a file, from the page's side: the file is decoded, recognised and read in the import worker (rule 8
 * keeps its key derivation off the page too), and the person can cancel at any time: the worker is terminated.
 */
import { LatchkeyError } from '../core/errors';
import type { FileInfo, ImportReply, ImportRequest } from '../formats/import-job';
import type { ImportResult } from '../formats/types';
import type { IconPack } from '../formats/aegis/icon-pack';

export type { FileInfo } from '../formats/import-job';

export class Cancelled extends Error {
  override readonly name = 'Cancelled';
}

function toError(reply: Extract<ImportReply, { type: 'error' }>): Error {
  return reply.code ? new LatchkeyError(reply.code, reply.message) : new Error('The file could not be read.');
}

export class FileImport {
  private worker: Worker | null = null;
  private inline: Promise<import('../formats/import-job').ImportJob> | null = null;
  private waiting: { resolve(reply: ImportReply): void; reject(error: unknown): void } | null = null;

  /** Recognises the file; resolves with its app and whether it needs a password. */
  async open(bytes: Uint8Array): Promise<FileInfo> {
    const reply = await this.ask({ type: 'open', bytes });
    if (reply.type !== 'opened') throw reply.type === 'error' ? toError(reply) : new Error('unexpected reply');
    return reply.info;
  }

  async read(password?: string): Promise<ImportResult> {
    const reply = await this.ask({ type: 'read', password });
    if (reply.type !== 'read') throw reply.type === 'error' ? toError(reply) : new Error('unexpected reply');
    return reply.result;
  }

  /** Reads an Aegis icon pack (formats/aegis/icon-pack.ts) in the worker. */
  async iconPack(bytes: Uint8Array): Promise<{ pack: IconPack; skipped: number }> {
    const reply = await this.ask({ type: 'icon-pack', bytes });
    if (reply.type !== 'icon-pack') throw reply.type === 'error' ? toError(reply) : new Error('unexpected reply');
    return { pack: reply.pack, skipped: reply.skipped };
  }

  /** Stops whatever the import is doing (a long key derivation too); a pending call rejects with Cancelled. */
  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.waiting?.reject(new Cancelled());
    this.waiting = null;
  }

  private ask(request: ImportRequest): Promise<ImportReply> {
    if (typeof Worker === 'undefined') return this.askInline(request);
    if (!this.worker) {
      // Written in exactly this form so that Vite bundles the worker and the formats it loads.
      this.worker = new Worker(new URL('../formats/import-worker.ts', import.meta.url), { type: 'module' });
      this.worker.addEventListener('message', (event: MessageEvent<ImportReply>) => {
        this.waiting?.resolve(event.data);
        this.waiting = null;
      });
      this.worker.addEventListener('error', (event) => {
        event.preventDefault();
        this.waiting?.reject(
          new LatchkeyError(
            'reload-needed',
            'Part of Latchkey could not be loaded. Check your connection once, then reload; after that it works offline.',
          ),
        );
        this.waiting = null;
      });
    }
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker!.postMessage(request);
    });
  }

  private async askInline(request: ImportRequest): Promise<ImportReply> {
    const { ImportJob, answer } = await import('../formats/import-job');
    const job = await (this.inline ??= Promise.resolve(new ImportJob()));
    return answer(job, request);
  }
}
