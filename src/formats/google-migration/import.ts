import type { AccountDraft } from '../../core/account';
import { decodeMigrationLink, isMigrationLink, type MigrationBatch } from './payload';
import type { ImportInput, ImportProblem, ImportResult, Importer } from '../types';
import { meaningfulLines, problemReason } from '../shared/drafts';

/**
 * A text file of Google Authenticator export links, one per line, comments ("#") allowed: what people get from
 * scanning the export QR codes with another tool. A bad line is a problem, never the end of the import.
 */

function isOtpauthLine(line: string): boolean {
  return /^otpauth:\/\//i.test(line);
}

/** Files of otpauth:// links (maybe mixed with migration links) belong to the otpauth list importer. */
function detect(input: ImportInput): boolean {
  if (input.text === null || input.json !== null) return false;
  const lines = meaningfulLines(input.text);
  return lines.some(({ line }) => isMigrationLink(line)) && !lines.some(({ line }) => isOtpauthLine(line));
}

/** One problem per export whose QR codes are not all in the file. */
export function missingBatchParts(batches: readonly MigrationBatch[]): ImportProblem[] {
  const seen = new Map<number, { size: number; indexes: Set<number> }>();
  for (const batch of batches) {
    const entry = seen.get(batch.id) ?? { size: batch.size, indexes: new Set<number>() };
    entry.indexes.add(batch.index);
    seen.set(batch.id, entry);
  }
  return [...seen.values()]
    .filter(({ size, indexes }) => size > 1 && indexes.size < size)
    .map(({ size, indexes }) => ({
      entry: 'Google Authenticator export',
      reason: `Only ${indexes.size} of its ${size} QR codes are here; add the missing ones to import every account.`,
    }));
}

/** Reads every migration link of a text; also used by the otpauth list for mixed files. */
export function readMigrationLines(lines: readonly { line: string; number: number }[]): {
  accounts: AccountDraft[];
  problems: ImportProblem[];
} {
  const accounts: AccountDraft[] = [];
  const problems: ImportProblem[] = [];
  const batches: MigrationBatch[] = [];
  for (const { line, number } of lines) {
    try {
      const result = decodeMigrationLink(line);
      accounts.push(...result.accounts);
      problems.push(...result.problems);
      batches.push(result.batch);
    } catch (error) {
      problems.push({ entry: `line ${number}`, reason: problemReason(error) });
    }
  }
  problems.push(...missingBatchParts(batches));
  return { accounts, problems };
}

export const migrationImporter: Importer = {
  id: 'google-authenticator',
  label: 'Google Authenticator',
  detect,
  isEncrypted: () => false,
  async parse(input: ImportInput): Promise<ImportResult> {
    const lines = meaningfulLines(input.text ?? '');
    const migration = lines.filter(({ line }) => isMigrationLink(line));
    const result = readMigrationLines(migration);
    const others = lines
      .filter(({ line }) => !isMigrationLink(line))
      .map(({ number }) => ({
        entry: `line ${number}`,
        reason: 'It is not a Google Authenticator export link, so it was skipped.',
      }));
    return {
      format: 'Google Authenticator export',
      accounts: result.accounts,
      problems: [...result.problems, ...others],
    };
  },
};
