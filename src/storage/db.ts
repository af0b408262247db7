/**
 * Opens the `latchkey` database. Upgrades are a list of migrations, one per version, run inside IndexedDB's
 * versionchange transaction: if one throws, the whole upgrade rolls back and the data stays at the old version.
 */
import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { LatchkeyError } from '../core/errors';
import { storageUnavailable, toStorageError } from './errors';
import { DB_NAME, type LatchkeySchema } from './schema';

export type LatchkeyDb = IDBPDatabase<LatchkeySchema>;
type UpgradeTransaction = IDBPTransaction<LatchkeySchema, StoreNames<LatchkeySchema>[], 'versionchange'>;

/**
 * Only IndexedDB calls here, never awaits of anything else: the versionchange transaction must stay active. A
 * migration that throws rolls the whole upgrade back; mark request promises it does not await as handled.
 */
export type Migration = (db: LatchkeyDb, tx: UpgradeTransaction) => void;

export const MIGRATIONS: readonly Migration[] = [
  // Version 1: the vault header and settings, and the sealed records keyed by their id.
  (db) => {
    db.createObjectStore('meta');
    db.createObjectStore('records', { keyPath: 'id' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /**
   * Another tab wants a newer database version. The connection is already closed when this runs; the UI should
   * ask the user to reload. Writes made after this fail with 'reload-needed'.
   */
  onBlocking?: () => void;
  /** The browser closed the connection abnormally (storage cleared, disk error). */
  onTerminated?: () => void;
  /** For tests: the migrations to run (a prefix of MIGRATIONS, or a failing one). */
  migrations?: readonly Migration[];
}

/**
 * @throws LatchkeyError 'storage-unavailable' when the browser offers no IndexedDB (some private modes),
 *   'reload-needed' when a newer Latchkey already upgraded the database, 'quota-exceeded' when the disk is full.
 */
export async function openLatchkeyDb(options: OpenOptions = {}): Promise<LatchkeyDb> {
  const migrations = options.migrations ?? MIGRATIONS;
  if (typeof indexedDB === 'undefined' || indexedDB === null) throw storageUnavailable();
  try {
    const db = await openDB<LatchkeySchema>(DB_NAME, migrations.length, {
      upgrade(database, oldVersion, newVersion, tx) {
        // A failed migration aborts this transaction; the open itself reports it, so its own promise is handled.
        tx.done.catch(() => undefined);
        for (let version = oldVersion; version < (newVersion ?? migrations.length); version++) {
          migrations[version]?.(database, tx);
        }
      },
      blocking() {
        db.close();
        options.onBlocking?.();
      },
      terminated() {
        options.onTerminated?.();
      },
    });
    return db;
  } catch (error) {
    throw openError(error);
  }
}

function openError(error: unknown): unknown {
  const name = (error as { name?: unknown } | null)?.name;
  if (error instanceof TypeError) return error;
  if (name === 'VersionError' || name === 'QuotaExceededError') return toStorageError(error);
  if (name === 'AbortError') {
    // A migration failed: IndexedDB rolled the whole upgrade back, so the stored data is as it was.
    return new LatchkeyError(
      'storage-unavailable',
      'Latchkey could not update its stored data for this version and left it unchanged. Reload the page to try ' +
        'again; if this keeps happening, keep this browser data as it is and ask for help.',
    );
  }
  // Firefox and Safari private modes fail the open itself, with InvalidStateError, UnknownError or SecurityError.
  return storageUnavailable();
}
