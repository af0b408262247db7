import { base64ToBytes, bytesToBase64 } from '../core/encoding';
import { LatchkeyError } from '../core/errors';
import { folderPermission, readNewest, writeRotated } from '../platform/backup-folder';
import { Observable } from '../lib/observable';
import type { Session } from './session/session';

export type AutoBackupState = 'off' | 'saved' | 'needs-permission' | 'failed';

export interface AutoBackupStatus {
  state: AutoBackupState;
  folder: string | null;
  at: number | null;
  message: string | null;
}

/** Short: a burst of edits makes one backup, and a closing app rarely outruns it. */
const DEBOUNCE_MS = 500;

/**
 * Rewrites the backup file in the chosen folder after each change (keeping the previous five versions), with a
 * key derived once from the backup password. Runs only while unlocked: the key lives in the sealed vault state.
 */
export class AutoBackup {
  readonly status = new Observable<AutoBackupStatus>({ state: 'off', folder: null, at: null, message: null });
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly session: Session) {}

  /** Starts listening to changes; returns the stop function. */
  start(): () => void {
    this.refresh().catch(() =>
      this.status.update({ state: 'failed', message: 'Latchkey could not find the backup folder. Choose it again.' }),
    );
    const off = this.session.changes.onSaved(() => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.write();
      }, DEBOUNCE_MS);
    });
    // Leaving the app (switching away, closing it) writes a pending backup at once rather than after the pause.
    const flush = () => {
      if (document.visibilityState === 'hidden' && this.timer !== undefined) {
        clearTimeout(this.timer);
        this.timer = undefined;
        void this.write();
      }
    };
    document.addEventListener('visibilitychange', flush);
    return () => {
      off();
      clearTimeout(this.timer);
      document.removeEventListener('visibilitychange', flush);
    };
  }

  async enable(folder: FileSystemDirectoryHandle, password: string): Promise<void> {
    const { deriveBackupKey } = await import('../formats/backup/backup');
    const { key, salt, params } = await deriveBackupKey(password);
    await this.session.setBackupFolder(folder);
    await this.session.changes.setAutoBackupKey({ key: bytesToBase64(key), salt: bytesToBase64(salt), ...params });
    await this.write();
    if (this.status.value.state !== 'saved') throw new LatchkeyError('damaged-file', this.status.value.message ?? '');
  }

  async disable(): Promise<void> {
    await this.session.changes.setAutoBackupKey(null);
    await this.session.setBackupFolder(null);
    this.status.set({ state: 'off', folder: null, at: null, message: null });
  }

  /** After a reload the browser may ask again before we can write: this runs during the user's click. */
  async allow(): Promise<void> {
    const folder = await this.session.backupFolder();
    if (folder && (await folderPermission(folder, true))) await this.write();
  }

  private async refresh(): Promise<void> {
    const folder = await this.session.backupFolder();
    const on = Boolean(this.session.vaultData.autoBackup && folder);
    if (!on) return this.status.set({ state: 'off', folder: null, at: null, message: null });
    const allowed = await folderPermission(folder!);
    this.status.update({ state: allowed ? 'saved' : 'needs-permission', folder: folder!.name, message: null });
  }

  private async write(): Promise<void> {
    const config = this.session.vaultData.autoBackup;
    const folder = await this.session.backupFolder();
    if (!config || !folder || !this.session.unlocked) return;
    if (!(await folderPermission(folder))) {
      this.status.update({ state: 'needs-permission', folder: folder.name });
      return;
    }
    try {
      const { exportBackupWithKey, readBackupWithKey } = await import('../formats/backup/backup');
      const backupKey = {
        key: base64ToBytes(config.key) ?? new Uint8Array(0),
        salt: base64ToBytes(config.salt) ?? new Uint8Array(0),
        params: { memoryKiB: config.memoryKiB, iterations: config.iterations, parallelism: config.parallelism },
      };
      const accounts = this.session.state.value.accounts;
      const bytes = await exportBackupWithKey(accounts, { groups: this.session.vaultData.groups }, backupKey);
      await writeRotated(folder, bytes);
      // Same promise as a manual export: only a file that reads back from disk and decrypts counts as saved.
      await readBackupWithKey((await readNewest(folder)) ?? new Uint8Array(), backupKey, accounts.length);
      this.status.set({ state: 'saved', folder: folder.name, at: Date.now(), message: null });
    } catch (error) {
      const message =
        error instanceof LatchkeyError
          ? error.message
          : 'Latchkey could not write the backup file. Check the folder still exists, then choose it again.';
      this.status.set({ state: 'failed', folder: folder.name, at: this.status.value.at, message });
    }
  }
}
