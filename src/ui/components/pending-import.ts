import type { ImportResult } from '../../formats/types';
import { Observable } from '../../lib/observable';

/**
 * Accounts read from a file on the first run ("Restore from a backup"), waiting for the new vault to open: the
 * unlocked app then shows them in the import review, where nothing is saved until the person confirms.
 */
export const pendingImport = new Observable<ImportResult | null>(null);
