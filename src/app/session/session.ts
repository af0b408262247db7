import type { Account, AccountDraft } from '../../core/account';
import { accountTitle } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import type { KeyCache } from '../../core/otp';
import type { VaultHeader } from '../../vault/vault';
import { openVaultStore, type VaultStore } from '../../storage/store';
import type { CodeView } from '../codes';
import { Observable } from '../../lib/observable';
import { afterNextPaint } from '../../lib/after-paint';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../settings';
import type { DamagedRecord, Snapshot } from './snapshot';
import { ACCOUNT_PREFIX, STATE_ID, sanitizeVaultState, type AutoBackupKey, type VaultState } from './vault-state';
import { loadVault, readFirstScreen, readRecords, type LoadedVault } from './reads';

/**
 * A list longer than FIRST_SCREEN_ABOVE is unlocked first screen first: the state record names the first
 * FIRST_SCREEN accounts of each sort order, which are decrypted and shown before the whole list is read.
 */
const FIRST_SCREEN = 40;
const FIRST_SCREEN_ABOVE = 2 * FIRST_SCREEN;

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

/**
 * The one facade the UI calls. It holds the only plaintext (accounts, the master key, HMAC keys) while unlocked
 * and drops it on lock (what changes queued before the Lock build on, once they are stored). Changes run one at a
 * time; each is sealed first, then stored in one transaction under a cross-tab lock.
 */
export class Session {
  readonly state = new Observable<Snapshot>(INITIAL);
  private store: VaultStore | null = null;
  private masterKey: CryptoKey | null = null;
  private vaultState: VaultState = sanitizeVaultState(null);
  /**
   * The accounts changes build on: the list shown while unlocked. After Lock it is kept (hidden) only until the
   * changes queued before the Lock are stored, then dropped with the vault state.
   */
  private accounts: Account[] = [];
  /** Only the first screen of a long list is loaded (the rest is read after it is drawn, or failed to be). */
  private partial = false;
  /** Changes queued and not yet settled. */
  private pending = 0;
  private readonly savedListeners = new Set<() => void>();
  /** HMAC keys imported once per account while unlocked; dropped on lock. Created with the (lazy) OTP engine. */
  private keys: KeyCache | null = null;
  /** The OTP engine is not needed to show the lock screen, so it loads after the first paint. */
  private codes: Promise<typeof import('../codes')> | null = null;
  /** The first screen's codes, computed while unlocking (see takePrimedCodes). */
  private primed: ReadonlyMap<string, CodeView> | null = null;
  /** Settles once every record is loaded. Changes wait for it: they must never be based on the first screen alone. */
  private loaded: Promise<void> = Promise.resolve();
  /** The last change queued (see `change`); settles, never rejects. */
  private lastChange: Promise<unknown> = Promise.resolve();

  constructor(private readonly open: () => Promise<VaultStore> = () => openVaultStore()) {}

  async start(): Promise<void> {
    try {
      this.store = await this.open();
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
    const { header, masterKey } = await (await loadVault()).createVault(password);
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
    const prefetched = this.lastChange.then(() => store.getAllRecords()).catch(() => null);
    const key = await (await loadVault()).unlockVault(header, password);
    this.masterKey = key;
    const first = await readFirstScreen(key, await prefetched, this.state.value.settings.sort);
    const loaded = first ?? (await this.readAll(key));
    // The list is drawn with its first codes already there, rather than drawn, then filled in a frame later.
    await this.primeCodes(loaded.accounts);
    if (!this.publishUnlocked(key, loaded.state, loaded.accounts, loaded.damaged)) return; // locked meanwhile
    this.partial = first !== null;
    // The rest of a long list once its first screen is drawn: reading it all is one long IndexedDB task.
    if (first) this.loaded = afterNextPaint().then(() => this.reloadInBackground(key));
  }

  /** The codes primed at unlock, for the list to show in its first frame; handed over once. */
  takePrimedCodes(): ReadonlyMap<string, CodeView> | null {
    const primed = this.primed;
    this.primed = null;
    return primed;
  }

  /**
   * Hides everything at once and refuses new changes. The changes the user made before locking are still stored
   * (a pin, then Lock at once): the accounts they build on are dropped once they are.
   */
  lock(): void {
    this.masterKey = null;
    this.primed = null;
    this.loaded = Promise.resolve();
    this.keys?.clear();
    this.keys = null;
    if (this.state.value.phase === 'unlocked') {
      this.state.update({ phase: 'locked', accounts: [], damaged: [], verifiedAt: null });
    }
    if (this.pending === 0) this.forgetIfLocked();
    else void this.lastChange.then(() => this.forgetIfLocked());
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
    const next = await (await loadVault()).changePassword(header, oldPassword, newPassword);
    await store.write({ header: next, expectHeader: header });
  }

  /** Starts loading the vault's crypto and the OTP engine while the user types, so Unlock waits for neither. */
  preloadEngine(): void {
    void loadVault().catch(() => undefined); // Unlock loads it again and says so if it still fails
    this.codes ??= import('../codes');
  }

  async computeCodes(accounts: readonly Account[], now: number): Promise<Map<string, CodeView>> {
    const codes = await (this.codes ??= import('../codes'));
    this.keys ??= codes.createKeyCache();
    return codes.computeCodes(accounts, now, this.keys, this.state.value.settings.showNextCode);
  }

  /** Adds every draft in one transaction: all of them are saved, or none. */
  addAccounts(drafts: readonly AccountDraft[]): Promise<Account[]> {
    return this.change((key) => this.addNow(key, drafts));
  }

  private async addNow(key: CryptoKey, drafts: readonly AccountDraft[]): Promise<Account[]> {
    await this.loaded;
    const now = Date.now();
    let order = Math.max(0, ...this.accounts.map((a) => a.order + 1));
    const added = drafts.map((d) => ({
      ...d,
      id: ACCOUNT_PREFIX + crypto.randomUUID(),
      createdAt: now,
      updatedAt: now,
      order: order++,
    }));
    await this.save(key, added, []);
    return added;
  }

  updateAccount(id: string, patch: Partial<AccountDraft>): Promise<void> {
    return this.change((key) => this.save(key, [{ ...this.find(id), ...patch, id, updatedAt: Date.now() }], []));
  }

  /**
   * Counts one use of an account's code, for the most-used and recently-used orders. The count is read here, at
   * its turn in the queue, not from what the list showed: copies in quick succession must each count.
   */
  recordUse(id: string): Promise<void> {
    return this.change((key) => {
      const current = this.find(id);
      // Using a code neither edits the account nor is a change worth a backup reminder.
      return this.save(key, [{ ...current, useCount: (current.useCount ?? 0) + 1, usedAt: Date.now() }], [], false);
    });
  }

  /** Replaces an existing account's secret and settings, keeping its place in the list. */
  replaceAccount(id: string, draft: AccountDraft): Promise<void> {
    return this.change((key) => this.save(key, [{ ...this.find(id), ...draft, id, updatedAt: Date.now() }], []));
  }

  /** Removes an account and returns it, so the UI can offer Undo by calling restoreAccount. */
  removeAccount(id: string): Promise<Account> {
    return this.change(async (key) => {
      const current = this.find(id);
      await this.save(key, [], [id]);
      return current;
    });
  }

  restoreAccount(account: Account): Promise<void> {
    return this.change((key) => this.save(key, [account], []));
  }

  /** Persists the incremented HOTP counter before the new code can be shown. */
  nextHotp(id: string): Promise<void> {
    return this.change((key) => {
      const current = this.find(id);
      return this.save(key, [{ ...current, counter: current.counter + 1, updatedAt: Date.now() }], []);
    });
  }

  /** Saves a new custom order for all accounts in one transaction. */
  reorder(ids: readonly string[]): Promise<void> {
    return this.change(async (key) => {
      await this.loaded;
      // Only accounts whose position changed are resealed: one move in a long list rewrites two records, not all.
      const changed = ids
        .map((id, order) => [this.find(id), order] as const)
        .filter(([account, order]) => account.order !== order)
        .map(([account, order]) => ({ ...account, order }));
      if (changed.length) await this.save(key, changed, []);
    });
  }

  async updateSettings(patch: Partial<Settings>): Promise<void> {
    const settings = { ...this.state.value.settings, ...patch };
    await this.requireStore().putSettings({ ...settings });
    this.state.update({ settings });
  }

  markBackedUp(at = Date.now()): Promise<void> {
    return this.change((key) => this.saveState(key, { lastBackupAt: at, changesSinceBackup: 0 }));
  }

  markReminderShown(at = Date.now()): Promise<void> {
    return this.change((key) => this.saveState(key, { backupReminderShownAt: at }));
  }

  /** Called after every change worth backing up (automatic backups listen). */
  onSaved(listener: () => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  setAutoBackupKey(autoBackup: AutoBackupKey | null): Promise<void> {
    return this.change((key) => this.saveState(key, { autoBackup }));
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

  private find(id: string): Account {
    const found = this.accounts.find((a) => a.id === id);
    if (!found)
      throw new LatchkeyError(
        'damaged-record',
        'That account no longer exists. It may have been removed in another tab.',
      );
    return found;
  }

  /**
   * Runs a change after the one before it has been stored and published. Each change reads the list, seals, writes,
   * then publishes; two that overlapped would start from the same list, and the later would undo the earlier (a
   * copy's use count lost to the next copy). A failed change does not stop the ones queued after it. A change is
   * accepted only while unlocked, and is stored with the key of that moment even if Lock comes before its turn.
   */
  private change<T>(run: (key: CryptoKey) => Promise<T>): Promise<T> {
    let key: CryptoKey;
    try {
      key = this.requireKey();
    } catch (error) {
      return Promise.reject(error);
    }
    this.pending++;
    const next = this.lastChange.then(() => run(key));
    this.lastChange = next.catch(() => undefined).finally(() => this.pending--);
    return next;
  }

  /** After Lock, once the changes queued before it are stored: drop what they built on. */
  private forgetIfLocked(): void {
    if (this.masterKey) return; // unlocked again meanwhile
    this.accounts = [];
    this.partial = false;
    this.vaultState = sanitizeVaultState(null);
  }

  /** The whole state must be loaded before part of it is changed: `save` waits for it. */
  private saveState(key: CryptoKey, patch: Partial<VaultState>): Promise<void> {
    return this.save(key, [], [], false, patch);
  }

  /** Stores and publishes a change, in memory only once it is stored; only ever called inside `change`. */
  private async save(
    key: CryptoKey,
    put: Account[],
    remove: string[],
    countsAsChange = true,
    statePatch: Partial<VaultState> = {},
  ): Promise<void> {
    await this.loaded;
    // Locked before the rest of a long list was read: a change built on part of it would store a wrong state.
    if (this.partial) throw new LatchkeyError('locked', loadProblem(null));
    const byId = new Map(this.accounts.map((a) => [a.id, a] as const));
    for (const id of remove) byId.delete(id);
    for (const a of put) byId.set(a.id, a);
    const accounts = [...byId.values()];
    const titles = { ...this.vaultState.titles };
    for (const id of remove) delete titles[id];
    for (const a of put) titles[a.id] = accountTitle(a);
    const changes = countsAsChange ? put.length + remove.length : 0;
    const nextState: VaultState = {
      ...this.vaultState,
      ...statePatch,
      titles,
      changesSinceBackup: this.vaultState.changesSinceBackup + changes,
      firstScreen: accounts.length > FIRST_SCREEN_ABOVE ? await firstScreens(accounts) : {},
    };
    // Seal everything first: nothing but IndexedDB requests may be awaited inside the transaction.
    const vault = await loadVault();
    const sealed = await Promise.all([
      ...put.map((a) => vault.sealRecord(key, a.id, a)),
      vault.sealRecord(key, STATE_ID, nextState),
    ]);
    await this.requireStore().write({ put: sealed, remove });
    this.accounts = accounts;
    this.vaultState = nextState;
    // Locked while it was being stored: the change is kept, but nothing may be shown again until the next unlock.
    if (!this.publishUnlocked(key, nextState, accounts, this.state.value.damaged)) return;
    if (changes > 0) for (const listener of this.savedListeners) listener();
  }

  private async primeCodes(accounts: readonly Account[]): Promise<void> {
    const { sort, clockOffsetMs } = this.state.value.settings;
    try {
      const { sortAccounts } = await import('../organise');
      const first = sortAccounts(accounts, sort).slice(0, FIRST_SCREEN);
      this.primed = await this.computeCodes(first, Date.now() + clockOffsetMs);
    } catch {
      this.primed = null; // the list computes them itself a moment later
    }
  }

  /** The whole list after the first screen; a failure is shown on the list rather than lost in the background. */
  private async reloadInBackground(key: CryptoKey): Promise<void> {
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

  private async readAll(key: CryptoKey): Promise<LoadedVault> {
    return readRecords(key, await this.requireStore().getAllRecords());
  }

  /**
   * Shows what was read or stored under `key`, unless the vault was locked (or locked and unlocked again) meanwhile:
   * a save or read that finishes after Lock must not bring the list back. Returns whether it was shown.
   */
  private publishUnlocked(
    key: CryptoKey,
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
      await this.change(async () => {
        if (this.masterKey) await this.reload(); // locked while waiting its turn
      });
    else if (what === 'header-changed' && this.state.value.phase === 'setup') this.state.update({ phase: 'locked' });
  }

  private requireStore(): VaultStore {
    if (!this.store) throw new LatchkeyError('storage-unavailable', 'Storage is not ready yet. Reload the page.');
    return this.store;
  }

  private requireKey(): CryptoKey {
    if (!this.masterKey) throw new LatchkeyError('locked', 'The vault is locked. Unlock it and try again.');
    return this.masterKey;
  }
}

/** Sorting is loaded with the unlocked app (the list sorts too), not before the lock screen. */
async function firstScreens(accounts: readonly Account[]): Promise<VaultState['firstScreen']> {
  const { firstIdsBySort } = await import('../organise');
  return firstIdsBySort(accounts, FIRST_SCREEN);
}

function loadProblem(error: unknown): string {
  const detail = error instanceof LatchkeyError ? `${error.message} ` : '';
  return `${detail}Lock Latchkey, then unlock it again to retry; nothing was changed.`;
}

function messageOf(error: unknown): string {
  return error instanceof LatchkeyError
    ? error.message
    : 'This browser does not let Latchkey store data here (private browsing may block it). Open Latchkey in a normal window.';
}
