/**
 * The storage facade for the session: the repository's reads, and writes that take the cross-tab lock, commit
 * one transaction, then tell the other tabs. A read-modify-write runs inside `withVault`, which holds the lock
 * from the read to the write (docs/architecture.md, rule 3); callers never take the lock themselves.
 */
import type { SealedRecord } from '../vault/vault';
import { openLatchkeyDb, type OpenOptions } from './db';
import { persistenceState, requestPersistence, type PersistenceResult, type PersistenceState } from './persistence';
import { createRepository, type VaultRepository, type WriteBatch } from './records';
import { announce, onTabMessage, withVaultLock, type TabMessageType } from './tabs';

/** The vault while this tab holds the cross-tab lock: no other tab writes between these reads and the write. */
export interface LockedVault {
  getRecord(id: string): Promise<SealedRecord | undefined>;
  getRecords(ids: readonly string[]): Promise<(SealedRecord | undefined)[]>;
  getAllRecords(): Promise<SealedRecord[]>;
  /** One transaction: everything in the batch is stored, or nothing. */
  write(batch: WriteBatch): Promise<void>;
}

export interface VaultStore extends Omit<VaultRepository, 'writeRecords' | 'putHeader'> {
  /** Stores a batch (records, header, or both) atomically under the lock and announces what changed. */
  write(batch: WriteBatch): Promise<void>;
  /** Runs `work` holding the cross-tab lock; what it wrote is announced once the lock is released. */
  withVault<T>(work: (vault: LockedVault) => Promise<T>): Promise<T>;
  /** Another tab's commit changed something: re-read it. */
  onChange(listener: (type: TabMessageType) => void): () => void;
  /** Another tab opened a newer database version (this connection is closed), or the browser closed it. */
  onBlocked(listener: () => void): () => void;
  /** The folder chosen for automatic backups, if any. */
  getBackupFolder(): Promise<FileSystemDirectoryHandle | undefined>;
  putBackupFolder(handle: FileSystemDirectoryHandle | null): Promise<void>;
  requestPersistence(): Promise<PersistenceResult>;
  persistenceState(): Promise<PersistenceState>;
  close(): void;
}

function announceBatch(batch: WriteBatch): void {
  if (batch.header) announce({ type: 'header-changed' });
  if (batch.put?.length || batch.remove?.length) announce({ type: 'records-changed' });
}

export async function openVaultStore(options: Pick<OpenOptions, 'migrations'> = {}): Promise<VaultStore> {
  const blockedListeners = new Set<() => void>();
  let blocked = false;
  const block = () => {
    blocked = true;
    for (const listener of blockedListeners) listener();
  };
  const db = await openLatchkeyDb({ ...options, onBlocking: block, onTerminated: block });
  const repo = createRepository(db);

  return {
    getHeader: () => repo.getHeader(),
    getSettings: () => repo.getSettings(),
    getAllRecords: () => repo.getAllRecords(),
    getRecord: (id) => repo.getRecord(id),
    getRecords: (ids) => repo.getRecords(ids),
    async write(batch) {
      await withVaultLock(() => repo.writeRecords(batch));
      announceBatch(batch);
    },
    async withVault(work) {
      const written: WriteBatch[] = [];
      const result = await withVaultLock(() =>
        work({
          getRecord: (id) => repo.getRecord(id),
          getRecords: (ids) => repo.getRecords(ids),
          getAllRecords: () => repo.getAllRecords(),
          async write(batch) {
            await repo.writeRecords(batch);
            written.push(batch);
          },
        }),
      );
      for (const batch of written) announceBatch(batch);
      return result;
    },
    async putSettings(settings) {
      await withVaultLock(() => repo.putSettings(settings));
      announce({ type: 'settings-changed' });
    },
    async deleteVault() {
      await withVaultLock(() => repo.deleteVault());
      announce({ type: 'header-changed' });
      announce({ type: 'records-changed' });
    },
    onChange: (listener) => onTabMessage((message) => listener(message.type)),
    onBlocked(listener) {
      blockedListeners.add(listener);
      // A listener added after the fact still hears about it.
      if (blocked) listener();
      return () => blockedListeners.delete(listener);
    },
    getBackupFolder: async () => (await db.get('meta', 'backup-folder')) as FileSystemDirectoryHandle | undefined,
    async putBackupFolder(handle) {
      if (handle) await db.put('meta', handle, 'backup-folder');
      else await db.delete('meta', 'backup-folder');
    },
    requestPersistence: () => requestPersistence(),
    persistenceState: () => persistenceState(),
    close: () => db.close(),
  };
}
