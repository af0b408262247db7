/**
 * The IndexedDB schema. Everything secret or naming an account lives in `records`, sealed by the vault; `meta`
 * holds only the vault header (itself encrypted key material) and plain settings that name nothing.
 */
import type { DBSchema } from 'idb';
import type { SealedRecord, VaultHeader } from '../vault/vault';

export const DB_NAME = 'latchkey';

/** Non-secret preferences (auto-lock minutes, theme, sort mode): primitives only, never labels or group names. */
export type StoredSettings = Record<string, string | number | boolean | null>;

/** 'backup-folder' holds the folder the user chose for automatic backups (a handle, not a secret). */
export type MetaKey = 'header' | 'settings' | 'backup-folder';

export interface LatchkeySchema extends DBSchema {
  meta: { key: MetaKey; value: VaultHeader | StoredSettings | FileSystemDirectoryHandle };
  /** Keyed by `id` ('acct:<uuid>' for accounts, 'state' for the sealed vault state). */
  records: { key: string; value: SealedRecord };
}
