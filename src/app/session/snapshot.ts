import type { Account } from '../../core/account';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

export type Phase =
  /** Opening the database. */
  | 'loading'
  /** No vault yet: first run. */
  | 'setup'
  | 'locked'
  | 'unlocked'
  /** IndexedDB cannot be used in this browser context. */
  | 'unavailable'
  /** Another tab upgraded the database: this one must reload. */
  | 'blocked';

/**
 * A problem with stored data, shown with a message and never silently dropped: a record that could not be
 * decrypted ('unreadable'), an account replaced by an older copy or a deleted one come back (held back until the
 * person keeps or deletes it), one missing from storage, a state older than its accounts, or a list that could
 * not be read in full ('load').
 */
export interface DamagedRecord {
  id: string;
  message: string;
  kind: 'unreadable' | 'older-copy' | 'returned' | 'missing' | 'state-older' | 'load';
}

export type Persistence = 'granted' | 'denied' | 'unsupported' | 'unknown';

/** The Storage Standard's state of the bucket, as the settings screen says it. */
export const PERSISTENCE_SHOWN = { persisted: 'granted', 'best-effort': 'denied', unsupported: 'unsupported' } as const;

/** A passkey that opens the vault, as the lock screen and settings show it (from the header: nothing secret). */
export interface PasskeyInfo {
  id: string;
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}

/** What the UI renders from: replaced as a whole on every change. */
export interface Snapshot {
  phase: Phase;
  accounts: readonly Account[];
  damaged: readonly DamagedRecord[];
  settings: Settings;
  persistence: Persistence;
  /** When the vault was last unlocked or the password re-entered (ms), for re-authentication before showing secrets. */
  verifiedAt: number | null;
  /** A message for the whole app (unavailable storage, blocked upgrade). */
  notice: string | null;
  /** Changes since the last verified backup (for the backup reminder). */
  changesSinceBackup: number;
  lastBackupAt: number | null;
  /** The vault's passkeys, read from the header even while locked (the lock screen offers them). */
  passkeys: readonly PasskeyInfo[];
}

/** Before storage has answered: nothing to show yet. */
export const INITIAL_SNAPSHOT: Snapshot = {
  phase: 'loading',
  accounts: [],
  damaged: [],
  settings: DEFAULT_SETTINGS,
  persistence: 'unknown',
  verifiedAt: null,
  notice: null,
  changesSinceBackup: 0,
  lastBackupAt: null,
  passkeys: [],
};
