import type { AccountDraft } from '../../core/account';
import type { ImportProblem } from '../types';
import type { MigrationBatch, MigrationResult } from './payload';

/**
 * Collects the QR codes of one Google Authenticator export as they are scanned: an export of many accounts spans
 * several codes sharing `batch_id`, each with its `batch_index` out of `batch_size`. Pure state, no camera: the
 * scanner screen feeds decoded links in and asks what is still missing.
 */

export type AddOutcome = 'added' | 'duplicate' | 'other-batch';

export class MigrationBatchCollector {
  private batch: MigrationBatch | null = null;
  private readonly parts = new Map<number, MigrationResult>();

  /** Adds one decoded QR code; a code of another export is refused, a code already scanned is ignored. */
  add(result: MigrationResult): AddOutcome {
    if (this.batch && (result.batch.id !== this.batch.id || result.batch.size !== this.batch.size)) {
      return 'other-batch';
    }
    this.batch ??= result.batch;
    if (this.parts.has(result.batch.index)) return 'duplicate';
    this.parts.set(result.batch.index, result);
    return 'added';
  }

  /** Number of QR codes in the export (1 until the first is scanned). */
  get size(): number {
    return Math.max(1, this.batch?.size ?? 1);
  }

  get scanned(): number {
    return this.parts.size;
  }

  get complete(): boolean {
    return this.batch !== null && this.missing.length === 0;
  }

  /** 0-based indexes still to scan; shown to people as "3 of 4", so add 1. */
  get missing(): number[] {
    return Array.from({ length: this.size }, (_, i) => i).filter((i) => !this.parts.has(i));
  }

  /** Accounts and problems of the codes scanned so far, in the order of the export. */
  result(): { accounts: AccountDraft[]; problems: ImportProblem[] } {
    const ordered = [...this.parts].sort(([a], [b]) => a - b).map(([, part]) => part);
    return {
      accounts: ordered.flatMap((part) => part.accounts),
      problems: ordered.flatMap((part) => part.problems),
    };
  }
}
