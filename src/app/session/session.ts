import type { Account } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import type { KdfParams, MasterKey, VaultHeader } from '../../vault/vault';
import { openVaultStore, type VaultStore } from '../../storage/store';
import type { CodeView } from '../codes';
import { Observable } from '../../lib/observable';
import { afterNextPaint } from '../../lib/after-paint';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../settings';
import { FIRST_SCREEN, VaultChanges, loadProblem } from './changes';
import type { DamagedRecord, Snapshot } from './snapshot';
import { sanitizeVaultState, type VaultState } from './vault-state';
import { loadVault, readFirstScreen, readRecords, type LoadedVault } from './reads';
import { SessionCodes } from './session-codes';

const PERSISTENCE = { persisted: 'granted', 'best-effort': 'denied', unsupported: 'unsupported' } as const;

const INITIAL: Snapshot = {
  phase: 'loading',
  accounts: [],
  damaged: [],
  settings: DEFAULT_SETTINGS,
  persistence: 'unknown',
  verifiedAt: null,
  notice: null,
  changesSinceBackup: 0,
  lastBackupAt: null,
};

export interface SessionOptions {
  /** Opens the storage (tests wrap it to fail or delay writes). */
  openStore?: () => Promise<VaultStore>;
  /** Argon2id costs for new password slots; the vault's defaults unless given (tests pass the cheapest allowed). */
  kdf?: Partial<KdfParams>;
}

/**
 * The one facade the UI calls, for the vault's lifecycle: create, unlock, lock, change or verify the password,
 * codes, settings, backup. The account changes are `changes` (changes.ts). It holds the only plaintext (accounts,
 * the master key, HMAC keys) while unlocked and drops it on lock (what changes queued before the Lock build on,
 * once they are stored).
 */
export class Session {
  readonly state = new Observable<Snapshot>(INITIAL);
  /** The account changes (add, edit, use, remove, reorder, bookkeeping), one at a time. */
  readonly changes: VaultChanges;
  private store: VaultStore | null = null;
  private masterKey: MasterKey | null = null;
  private vaultState: VaultState = sanitizeVaultState(null);
  /**
   * The accounts changes build on: the list shown while unlocked. After Lock it is kept (hidden) only until the
   * changes queued before the Lock are stored, then dropped with the vault state.
   */
  private accounts: Account[] = [];
  /** Only the first screen of a long list is loaded (the rest is read after it is drawn, or failed to be). */
  private partial = false;
  private readonly codes = new SessionCodes();
  /** Settles once every record is loaded. Changes wait for it: they must never be based on the first screen alone. */
  private loaded: Promise<void> = Promise.resolve();
  private readonly openStore: () => Promise<VaultStore>;
  private readonly kdf: Partial<KdfParams>;

  constructor(options: SessionOptions = {}) {
    this.openStore = options.openStore ?? (() => openVaultStore());
    this.kdf = options.kdf ?? {};
    // Each reads the session at the moment a change asks, never a copy taken here.
    this.changes = new VaultChanges({
      requireKey: () => this.requireKey(),
      requireStore: () => this.requireStore(),
      loaded: () => this.loaded,
      partial: () => this.partial,
      accounts: () => this.accounts,
      vaultState: () => this.vaultState,
      stored: (key, accounts, state) => {
        // What later changes build on, even when Lock came meanwhile (forgetIfLocked drops it once they are done).
        this.accounts = accounts;
        this.vaultState = state;
        return this.publishUnlocked(key, state, accounts, this.state.value.damaged);
      },
    });
  }

  async start(): Promise<void> {
    try {
      this.store = await this.openStore();
    } catch (error) {
      this.state.update({ phase: 'unavailable', notice: messageOf(error) });
      return;
    }
    this.store.onBlocked(() =>
      this.state.update({
        phase: 'blocked',
        notice: 'Latchkey was updated in another tab. Reload this page to keep using it; nothing was lost.',
      }),
    );
    this.store.onChange((what) => void this.onOtherTabChange(what));
    const [header, settings, persistence] = await Promise.all([
      this.store.getHeader(),
      this.store.getSettings(),
      this.store.persistenceState(),
    ]);
    this.state.update({
      phase: header ? 'locked' : 'setup',
      settings: sanitizeSettings(settings),
      persistence: PERSISTENCE[persistence],
    });
  }

  async create(password: string): Promise<void> {
    const store = this.requireStore();
    if (await store.getHeader()) throw new LatchkeyError('bad-header', 'A vault already exists here. Unlock it.');
    const { header, masterKey } = await (await loadVault()).createVault(password, { kdf: this.kdf });
    // expectHeader: null makes the write fail if another tab created a vault meanwhile.
    await store.write({ header, expectHeader: null });
    this.masterKey = masterKey;
    this.publishUnlocked(masterKey, sanitizeVaultState(null), [], []);
    // Asked right after the vault exists: the browser is most likely to grant it to a page in active use.
    this.state.update({ persistence: await store.requestPersistence() });
  }

  async unlock(password: string): Promise<void> {
    const store = this.requireStore();
    const header = await store.getHeader();
    if (!header) throw new LatchkeyError('bad-header', 'There is no vault here yet. Create one first.');
    // Read while the KDF runs (the main thread is idle then): the first screen needs no storage round trip after.
    // A change still being stored when the vault was locked is waited for, so it is in what is read.
    const prefetched = this.changes
      .settled()
      .then(() => store.getAllRecords())
      .catch(() => null);
    const key = await (await loadVault()).unlockVault(header, password);
    this.masterKey = key;
    const first = await readFirstScreen(key, await prefetched, this.state.value.settings.sort);
    const loaded = first ?? (await this.readAll(key));
    // The list is drawn with its first codes already there, rather than drawn, then filled in a frame later.
    const { sort, clockOffsetMs, showNextCode } = this.state.value.settings;
    await this.codes.prime(loaded.accounts, sort, Date.now() + clockOffsetMs, showNextCode, FIRST_SCREEN);
    if (!this.publishUnlocked(key, loaded.state, loaded.accounts, loaded.damaged)) return; // locked meanwhile
    this.partial = first !== null;
    // The rest of a long list once its first screen is drawn: reading it all is one long IndexedDB task.
    if (first) this.loaded = afterNextPaint().then(() => this.reloadInBackground(key));
  }

  /** The codes primed at unlock, for the list to show in its first frame; handed over once. */
  takePrimedCodes(): ReadonlyMap<string, CodeView> | null {
    return this.codes.takePrimed();
  }

  /**
   * Hides everything at once and refuses new changes. The changes the user made before locking are still stored
   * (a pin, then Lock at once): the accounts they build on are dropped once they are.
   */
  lock(): void {
    this.masterKey = null;
    this.loaded = Promise.resolve();
    this.codes.clear();
    if (this.state.value.phase === 'unlocked') {
      this.state.update({ phase: 'locked', accounts: [], damaged: [], verifiedAt: null });
    }
    if (this.changes.idle) this.forgetIfLocked();
    else void this.changes.settled().then(() => this.forgetIfLocked());
  }

  get unlocked(): boolean {
    return this.masterKey !== null;
  }

  async verifyPassword(password: string): Promise<boolean> {
    const header = await this.requireStore().getHeader();
    const ok = header ? await (await loadVault()).verifyPassword(header, password) : false;
    if (ok) this.state.update({ verifiedAt: Date.now() });
    return ok;
  }

  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    const store = this.requireStore();
    const header = (await store.getHeader()) as VaultHeader;
    const next = await (await loadVault()).changePassword(header, oldPassword, newPassword, { kdf: this.kdf });
    await store.write({ header: next, expectHeader: header });
  }

  /** Starts loading the vault's crypto and the OTP engine while the user types, so Unlock waits for neither. */
  preloadEngine(): void {
    void loadVault().catch(() => undefined); // Unlock loads it again and says so if it still fails
    this.codes.preload();
  }

  computeCodes(accounts: readonly Account[], now: number): Promise<Map<string, CodeView>> {
    return this.codes.compute(accounts, now, this.state.value.settings.showNextCode);
  }

  async updateSettings(patch: Partial<Settings>): Promise<void> {
    const settings = { ...this.state.value.settings, ...patch };
    await this.requireStore().putSettings({ ...settings });
    this.state.update({ settings });
  }

  backupFolder(): Promise<FileSystemDirectoryHandle | undefined> {
    return this.requireStore().getBackupFolder();
  }

  setBackupFolder(handle: FileSystemDirectoryHandle | null): Promise<void> {
    return this.requireStore().putBackupFolder(handle);
  }

  /** An encrypted backup of everything, already read back and decrypted once to prove it restores. */
  async exportBackup(password: string): Promise<Uint8Array> {
    this.requireKey();
    await this.loaded;
    const { exportBackup, verifyBackup } = await import('../../formats/backup/backup');
    const accounts = this.state.value.accounts;
    const bytes = await exportBackup(accounts, { groups: this.vaultState.groups }, password);
    await verifyBackup(bytes, password, accounts.length);
    return bytes;
  }

  get vaultData(): VaultState {
    return this.vaultState;
  }

  // --- internals ---

  /** After Lock, once the changes queued before it are stored: drop what they built on. */
  private forgetIfLocked(): void {
    if (this.masterKey) return; // unlocked again meanwhile
    this.accounts = [];
    this.partial = false;
    this.vaultState = sanitizeVaultState(null);
  }

  /** The whole list after the first screen; a failure is shown on the list rather than lost in the background. */
  private async reloadInBackground(key: MasterKey): Promise<void> {
    if (this.masterKey !== key) return;
    try {
      await this.reload();
    } catch (error) {
      if (this.masterKey !== key) return;
      this.state.update({
        damaged: [{ id: 'load', message: `Not every account could be read. ${loadProblem(error)}` }],
      });
    }
  }

  /** Decrypts every record and shows them; a damaged one is reported by name and never stops the others. */
  private async reload(): Promise<void> {
    const key = this.requireKey();
    const { accounts, damaged, state } = await this.readAll(key);
    if (this.publishUnlocked(key, state, accounts, damaged)) this.partial = false;
  }

  private async readAll(key: MasterKey): Promise<LoadedVault> {
    return readRecords(key, await this.requireStore().getAllRecords());
  }

  /**
   * Shows what was read or stored under `key`, unless the vault was locked (or locked and unlocked again)
   * meanwhile: a save or read that finishes after Lock must not bring the list back. Returns whether it was shown.
   */
  private publishUnlocked(
    key: MasterKey,
    vaultState: VaultState,
    accounts: Account[],
    damaged: readonly DamagedRecord[],
  ): boolean {
    if (this.masterKey !== key) return false;
    this.vaultState = vaultState;
    this.accounts = accounts;
    accounts.sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
    this.state.update({
      phase: 'unlocked',
      accounts,
      damaged,
      verifiedAt: this.state.value.verifiedAt ?? Date.now(),
      changesSinceBackup: this.vaultState.changesSinceBackup,
      lastBackupAt: this.vaultState.lastBackupAt,
    });
    return true;
  }

  private async onOtherTabChange(what: string): Promise<void> {
    const store = this.requireStore();
    if (what === 'settings-changed') this.state.update({ settings: sanitizeSettings(await store.getSettings()) });
    // Queued like a change of this tab's own: a reload published mid-save would be undone by that save.
    else if (what === 'records-changed' && this.masterKey)
      await this.changes.run(async () => {
        if (this.masterKey) await this.reload(); // locked while waiting its turn
      });
    else if (what === 'header-changed' && this.state.value.phase === 'setup') this.state.update({ phase: 'locked' });
  }

  private requireStore(): VaultStore {
    if (!this.store) throw new LatchkeyError('storage-unavailable', 'Storage is not ready yet. Reload the page.');
    return this.store;
  }

  private requireKey(): MasterKey {
    if (!this.masterKey) throw new LatchkeyError('locked', 'The vault is locked. Unlock it and try again.');
    return this.masterKey;
  }
}

function messageOf(error: unknown): string {
  return error instanceof LatchkeyError
    ? error.message
    : 'This browser does not let Latchkey store data here (private browsing may block it). Open Latchkey in a normal window.';
}
