import type { Account } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import type { KdfParams, MasterKey, VaultHeader } from '../../vault/vault';
import { storageProblem } from '../../storage/errors';
import { openVaultStore, type VaultStore } from '../../storage/store';
import type { CodeView } from '../codes';
import { Observable } from '../../lib/observable';
import { splitSettings, type Settings } from '../settings';
import type { VaultChanges } from './changes';
import { INITIAL_SNAPSHOT, PERSISTENCE_SHOWN, type DamagedRecord, type Snapshot } from './snapshot';
import { emptyCopy, emptyVaultState, type VaultState } from './vault-state';
import type { OpenHost } from './open-vault';
import { problemStillOpen } from './problems';
import { SessionCodes } from './session-codes';
import { SessionSettings } from './session-settings';
import type { VaultCopy } from './vault-copy';
import { allSettledOrThrow } from '../../lib/all-settled';
import { loadEngine, loadVault, type Engine } from './vault-module';
import { SessionPasskeys } from './session-passkeys';

export interface SessionOptions {
  /** Opens the storage (tests wrap it to fail or delay writes). */
  openStore?: () => Promise<VaultStore>;
  /** Argon2id costs for new password slots; the vault's defaults unless given (tests pass the cheapest allowed). */
  kdf?: Partial<KdfParams>;
}

/**
 * The one facade the UI calls, for the vault's lifecycle: create, unlock, lock, change or verify the password,
 * codes, settings, backup. The account changes are `changes` (changes.ts). It holds the only plaintext (the
 * copy of the vault, the master key, HMAC keys) while unlocked and drops it on lock (what changes queued before
 * the Lock build on, once they are stored).
 */
export class Session {
  readonly state = new Observable<Snapshot>(INITIAL_SNAPSHOT);
  /** The account changes, once the engine chunk has brought them (at the first unlock or create; see `changes`). */
  private loadedChanges: VaultChanges | null = null;
  /** Passkeys: unlock or confirm with one, add, remove (session-passkeys.ts; the WebAuthn code is lazy). */
  readonly passkeys: SessionPasskeys;
  private store: VaultStore | null = null;
  private masterKey: MasterKey | null = null;
  /** The vault as this tab last read or stored it; after Lock kept (hidden) only until queued changes are stored. */
  private copy: VaultCopy = emptyCopy();
  private readonly settings = new SessionSettings();
  private readonly codes = new SessionCodes();
  private readonly openStore: () => Promise<VaultStore>;
  private readonly kdf: Partial<KdfParams>;

  constructor(options: SessionOptions = {}) {
    this.openStore = options.openStore ?? (() => openVaultStore());
    this.kdf = options.kdf ?? {};
    this.passkeys = new SessionPasskeys({
      state: this.state,
      store: () => this.requireStore(),
      open: (unwrap) => this.open(unwrap),
    });
  }

  /**
   * The account changes (add, edit, use, remove, reorder, settings, bookkeeping), one at a time. They are part of
   * the engine chunk, which the lock screen does not need (rule 7): there from the first unlock or create on, and
   * a change asked for before that is refused as on a locked vault.
   */
  get changes(): VaultChanges {
    if (!this.loadedChanges) throw new LatchkeyError('locked', 'The vault is locked. Unlock it and try again.');
    return this.loadedChanges;
  }

  /** Makes the changes' queue from the loaded engine chunk, once for the session's life. */
  private haveChanges(engine: Engine): void {
    this.loadedChanges ??= new engine.VaultChanges({
      requireKey: () => this.requireKey(),
      requireStore: () => this.requireStore(),
      copy: () => this.copy,
      stored: (key, copy) => {
        // What later changes build on, even when Lock came meanwhile (forgetIfLocked drops it once they are done).
        this.copy = copy;
        return this.publishUnlocked(key, this.state.value.damaged);
      },
    });
  }

  async start(): Promise<void> {
    try {
      this.store = await this.openStore();
    } catch (error) {
      this.state.update({ phase: 'unavailable', notice: storageProblem(error) });
      return;
    }
    this.store.onBlocked(() =>
      this.state.update({
        phase: 'blocked',
        notice: 'Latchkey was updated in another tab. Reload this page to keep using it; nothing was lost.',
      }),
    );
    this.store.onChange((what) => void this.onOtherTabChange(what));
    const [header, stored, persistence] = await Promise.all([
      this.store.getHeader(),
      this.store.getSettings(),
      this.store.persistenceState(),
    ]);
    this.readPlainSettings(stored);
    this.passkeys.show(header);
    this.state.update({ phase: header ? 'locked' : 'setup', persistence: PERSISTENCE_SHOWN[persistence] });
  }

  async create(password: string): Promise<void> {
    const store = this.requireStore();
    if (await store.getHeader()) throw new LatchkeyError('bad-header', 'A vault already exists here. Unlock it.');
    // A failure is shown once both the chunks' loads and the KDF have settled (why: vault-module.ts).
    const [{ header, masterKey }, engine] = await allSettledOrThrow([
      loadVault().then((vault) => vault.createVault(password, { kdf: this.kdf })),
      loadEngine(),
    ]);
    this.haveChanges(engine);
    // expectHeader: null makes the write fail if another tab created a vault meanwhile.
    await store.write({ header, expectHeader: null });
    this.masterKey = masterKey;
    this.copy = emptyCopy(emptyVaultState(this.settings.legacy));
    this.publishUnlocked(masterKey, []);
    // Asked right after the vault exists: the browser is most likely to grant it to a page in active use.
    this.state.update({ persistence: await store.requestPersistence() });
  }

  async unlock(password: string): Promise<void> {
    await this.open(async (header) => (await loadVault()).unlockVault(header, password));
  }

  /**
   * Unlocking after the key: `unwrap` turns the stored header into the master key (the password's KDF, or a
   * passkey), and everything after it is the same for both.
   */
  private async open(unwrap: (header: VaultHeader) => Promise<MasterKey>): Promise<void> {
    const store = this.requireStore();
    const header = await store.getHeader();
    if (!header) throw new LatchkeyError('bad-header', 'There is no vault here yet. Create one first.');
    // Read while the KDF (or the passkey) runs: the first screen needs no storage round trip after.
    // A change still being stored when the vault was locked is waited for, so it is in what is read.
    const prefetched = (this.loadedChanges?.settled() ?? Promise.resolve())
      .then(() => store.getAllRecords())
      .catch(() => null);
    // The engine's failure first: a wrong password or a dismissed passkey can be retried, a chunk that did not load
    // cannot (vault-module.ts); either is shown once both have settled (why: vault-module.ts).
    const [engine, key] = await allSettledOrThrow([loadEngine(), unwrap(header)]);
    this.haveChanges(engine);
    this.masterKey = key;
    await engine.showVault(this.openHost(), key, await prefetched);
  }

  /**
   * First run, joining a synced vault (app/sync/connect.ts): stores the synced copy's header, whose password
   * slot opens the same master key, and unlocks with the password already checked against it.
   */
  async join(header: VaultHeader, password: string): Promise<void> {
    const store = this.requireStore();
    if (await store.getHeader()) throw new LatchkeyError('bad-header', 'A vault already exists here. Unlock it.');
    await store.write({ header, expectHeader: null });
    await this.unlock(password);
  }

  /** The vault header as stored (sync writes its password slot to the synced copy). */
  header(): Promise<VaultHeader | null> {
    return this.requireStore()
      .getHeader()
      .then((header) => header ?? null);
  }

  /** The codes primed at unlock, for the list to show in its first frame; handed over once. */
  takePrimedCodes(): ReadonlyMap<string, CodeView> | null {
    return this.codes.takePrimed();
  }

  /**
   * Hides everything at once and refuses new changes. The changes the user made before locking are still stored
   * (a pin, then Lock at once): the copy they build on is dropped once they are.
   */
  lock(): void {
    this.masterKey = null;
    this.codes.clear();
    if (this.state.value.phase === 'unlocked') {
      this.state.update({
        phase: 'locked',
        accounts: [],
        damaged: [],
        verifiedAt: null,
        settings: this.settings.all(null),
      });
    }
    const changes = this.loadedChanges;
    if (!changes || changes.idle) this.forgetIfLocked();
    else void changes.settled().then(() => this.forgetIfLocked());
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

  /**
   * Re-wraps the master key under a new password; with `reencrypt`, makes a new master key and seals everything
   * under it too, so an old header opens nothing stored from now on (password-change.ts).
   */
  async changePassword(oldPassword: string, newPassword: string, { reencrypt = false } = {}): Promise<void> {
    const store = this.requireStore();
    const { reencryptVault, rewrapPassword, refuseRekeyWhileSynced } = await import('./password-change');
    if (!reencrypt) return rewrapPassword(store, oldPassword, newPassword, this.kdf);
    refuseRekeyWhileSynced(this.vaultData.sync !== null);
    const { masterKey, stateNonce } = await reencryptVault(store, this.changes, oldPassword, newPassword, this.kdf);
    this.passkeys.show(await store.getHeader()); // none now: they wrapped the old key
    if (this.masterKey === null) return; // locked meanwhile: the next unlock uses the new password
    this.masterKey = masterKey;
    this.copy = { ...this.copy, stateNonce };
    this.codes.clear();
  }

  /** Starts loading the vault's crypto and the OTP engine while the user types, so Unlock waits for neither. */
  preloadEngine(): void {
    // Unlock loads them again and says so if they still fail.
    void loadVault().catch(() => undefined);
    void loadEngine().catch(() => undefined);
    this.codes.preload();
  }

  computeCodes(accounts: readonly Account[], now: number): Promise<Map<string, CodeView>> {
    return this.codes.compute(accounts, now, this.state.value.settings.showNextCode);
  }

  /**
   * Plain settings are stored as they are; the ones that matter for security, sealed in the vault. Either takes
   * effect at once (an auto-lock chosen just before leaving applies), and is taken back if it cannot be stored.
   */
  async updateSettings(patch: Partial<Settings>): Promise<void> {
    const { plain, secure } = splitSettings(patch);
    if (Object.keys(secure).length) {
      const key = this.requireKey();
      const current = this.settings.secure(this.copy.state);
      await this.settings.whileStoring(
        secure,
        () => this.changes.setSecureSettings(secure, current),
        () => this.publishUnlocked(key, this.state.value.damaged),
      );
    }
    if (Object.keys(plain).length) {
      this.settings.plain = { ...this.settings.plain, ...plain };
      await this.requireStore().putSettings({ ...this.settings.plain });
      this.state.update({ settings: { ...this.state.value.settings, ...plain } });
    }
  }

  backupFolder(): Promise<FileSystemDirectoryHandle | undefined> {
    return this.requireStore().getBackupFolder();
  }

  setBackupFolder(handle: FileSystemDirectoryHandle | null): Promise<void> {
    return this.requireStore().putBackupFolder(handle);
  }

  get vaultData(): VaultState {
    return this.copy.state;
  }

  // --- internals ---

  private readPlainSettings(stored: unknown): void {
    this.settings.readPlain(stored);
    this.state.update({ settings: this.settings.all(this.masterKey ? this.copy.state : null) });
  }

  /** After Lock, once the changes queued before it are stored: drop what they built on. */
  private forgetIfLocked(): void {
    if (this.masterKey) return; // unlocked again meanwhile
    this.copy = emptyCopy();
  }

  /** What showing the vault after the key needs of the session (open-vault.ts). */
  private openHost(): OpenHost {
    return {
      changes: this.changes,
      settings: this.settings,
      codes: this.codes,
      store: this.requireStore(),
      holds: (key) => this.masterKey === key,
      keep: (key, copy) => {
        // Kept only while unlocked: after Lock no plaintext is picked up (forgetIfLocked may already have run).
        if (this.masterKey === key) this.copy = copy;
      },
      publish: (key, damaged) => this.publishUnlocked(key, damaged),
      showProblem: (problem) => this.state.update({ damaged: [problem] }),
    };
  }

  /**
   * Shows the copy, unless the vault was locked (or locked and unlocked again) since `key` read or stored it: a
   * save or read that finishes after Lock must not bring the list back. Returns whether it was shown.
   */
  private publishUnlocked(key: MasterKey, damaged: readonly DamagedRecord[]): boolean {
    if (this.masterKey !== key) return false;
    const { state } = this.copy;
    const accounts = [...this.copy.accounts.values()].sort((a, b) => a.order - b.order || a.createdAt - b.createdAt);
    const open = damaged.filter((d) => problemStillOpen(d, this.copy));
    this.state.update({
      phase: 'unlocked',
      notice: null,
      accounts,
      damaged: open,
      settings: this.settings.all(this.copy.state),
      verifiedAt: this.state.value.verifiedAt ?? Date.now(),
      changesSinceBackup: state.changesSinceBackup,
      lastBackupAt: state.lastBackupAt,
    });
    return true;
  }

  private async onOtherTabChange(what: string): Promise<void> {
    const store = this.requireStore();
    if (what === 'header-changed') this.passkeys.show(await store.getHeader());
    if (what === 'settings-changed') this.readPlainSettings(await store.getSettings());
    // Queued like a change of this tab's own: a refresh published mid-save would be undone by that save.
    else if (what === 'records-changed' && this.masterKey) await this.changes.refresh().catch(() => undefined);
    else if (what === 'header-changed' && this.state.value.phase === 'setup') this.state.update({ phase: 'locked' });
    // Another tab re-encrypted the vault: this tab's key opens nothing any more, so it locks and says why.
    else if (what === 'header-changed' && this.masterKey) {
      await this.changes.refresh().catch(() => {
        this.lock();
        this.state.update({ notice: 'Latchkey was re-encrypted with a new password in another tab. Unlock it again.' });
      });
    }
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
