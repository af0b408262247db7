/**
 * The account changes of an unlocked vault: add, edit, use, remove, restore, next HOTP code, reorder, and the
 * vault state's bookkeeping. Changes run one at a time, in a queue; each is sealed first, then stored in one
 * transaction under the cross-tab lock (docs/architecture.md, rule 3), then published.
 */
import type { Account, AccountDraft } from '../../core/account';
import { accountTitle, newAccountId, type AccountId } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import type { VaultStore } from '../../storage/store';
import { loadVault } from './reads';
import { STATE_ID, type AutoBackupKey, type VaultState } from './vault-state';
import type { MasterKey } from '../../vault/vault';

/**
 * A list longer than FIRST_SCREEN_ABOVE is unlocked first screen first: the state record names the first
 * FIRST_SCREEN accounts of each sort order, which are decrypted and shown before the whole list is read.
 */
export const FIRST_SCREEN = 40;
const FIRST_SCREEN_ABOVE = 2 * FIRST_SCREEN;

/** What changes need of the session: its key and store, the accounts and state they build on, and publishing. */
export interface ChangeHost {
  requireKey(): MasterKey;
  requireStore(): VaultStore;
  /** Settles once every record is loaded: a change must never be based on the first screen alone. */
  loaded(): Promise<void>;
  /** Only the first screen of a long list is loaded (the rest failed to be read, or Lock came first). */
  partial(): boolean;
  accounts(): readonly Account[];
  vaultState(): VaultState;
  /**
   * A change was stored under `key`: it becomes what later changes build on, and is shown unless the vault was
   * locked meanwhile. Returns whether it was shown.
   */
  stored(key: MasterKey, accounts: Account[], state: VaultState): boolean;
}

export class VaultChanges {
  /** Changes queued and not yet settled. */
  private pending = 0;
  /** The last change queued; settles, never rejects. */
  private lastChange: Promise<unknown> = Promise.resolve();
  private readonly savedListeners = new Set<() => void>();

  constructor(private readonly host: ChangeHost) {}

  /** True when no change is queued or being stored. */
  get idle(): boolean {
    return this.pending === 0;
  }

  /** Settles once every change queued so far is stored (or failed). */
  settled(): Promise<unknown> {
    return this.lastChange;
  }

  /**
   * Runs a change after the one before it has been stored and published. Each change reads the list, seals, writes,
   * then publishes; two that overlapped would start from the same list, and the later would undo the earlier (a
   * copy's use count lost to the next copy). A failed change does not stop the ones queued after it. A change is
   * accepted only while unlocked, and is stored with the key of that moment even if Lock comes before its turn.
   */
  run<T>(change: (key: MasterKey) => Promise<T>): Promise<T> {
    let key: MasterKey;
    try {
      key = this.host.requireKey();
    } catch (error) {
      return Promise.reject(error);
    }
    this.pending++;
    const next = this.lastChange.then(() => change(key));
    this.lastChange = next.catch(() => undefined).finally(() => this.pending--);
    return next;
  }

  /** Adds every draft in one transaction: all of them are saved, or none. */
  addAccounts(drafts: readonly AccountDraft[]): Promise<Account[]> {
    return this.run(async (key) => {
      await this.host.loaded();
      const now = Date.now();
      let order = Math.max(0, ...this.host.accounts().map((a) => a.order + 1));
      const added = drafts.map((d) => ({
        ...d,
        id: newAccountId(),
        createdAt: now,
        updatedAt: now,
        order: order++,
      }));
      await this.save(key, added, []);
      return added;
    });
  }

  updateAccount(id: AccountId, patch: Partial<AccountDraft>): Promise<void> {
    return this.run((key) => this.save(key, [{ ...this.find(id), ...patch, id, updatedAt: Date.now() }], []));
  }

  /**
   * Counts one use of an account's code, for the most-used and recently-used orders. The count is read here, at
   * its turn in the queue, not from what the list showed: copies in quick succession must each count.
   */
  recordUse(id: AccountId): Promise<void> {
    return this.run((key) => {
      const current = this.find(id);
      // Using a code neither edits the account nor is a change worth a backup reminder.
      return this.save(key, [{ ...current, useCount: (current.useCount ?? 0) + 1, usedAt: Date.now() }], [], false);
    });
  }

  /** Replaces an existing account's secret and settings, keeping its place in the list. */
  replaceAccount(id: AccountId, draft: AccountDraft): Promise<void> {
    return this.run((key) => this.save(key, [{ ...this.find(id), ...draft, id, updatedAt: Date.now() }], []));
  }

  /** Removes an account and returns it, so the UI can offer Undo by calling restoreAccount. */
  removeAccount(id: AccountId): Promise<Account> {
    return this.run(async (key) => {
      const current = this.find(id);
      await this.save(key, [], [id]);
      return current;
    });
  }

  restoreAccount(account: Account): Promise<void> {
    return this.run((key) => this.save(key, [account], []));
  }

  /** Persists the incremented HOTP counter before the new code can be shown. */
  nextHotp(id: AccountId): Promise<void> {
    return this.run((key) => {
      const current = this.find(id);
      return this.save(key, [{ ...current, counter: current.counter + 1, updatedAt: Date.now() }], []);
    });
  }

  /** Saves a new custom order for all accounts in one transaction. */
  reorder(ids: readonly AccountId[]): Promise<void> {
    return this.run(async (key) => {
      await this.host.loaded();
      // Only accounts whose position changed are resealed: one move in a long list rewrites two records, not all.
      const changed = ids
        .map((id, order) => [this.find(id), order] as const)
        .filter(([account, order]) => account.order !== order)
        .map(([account, order]) => ({ ...account, order }));
      if (changed.length) await this.save(key, changed, []);
    });
  }

  markBackedUp(at = Date.now()): Promise<void> {
    return this.run((key) => this.saveState(key, { lastBackupAt: at, changesSinceBackup: 0 }));
  }

  markReminderShown(at = Date.now()): Promise<void> {
    return this.run((key) => this.saveState(key, { backupReminderShownAt: at }));
  }

  setAutoBackupKey(autoBackup: AutoBackupKey | null): Promise<void> {
    return this.run((key) => this.saveState(key, { autoBackup }));
  }

  /** Called after every change worth backing up (automatic backups listen). */
  onSaved(listener: () => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  private find(id: AccountId): Account {
    const found = this.host.accounts().find((a) => a.id === id);
    if (!found)
      throw new LatchkeyError(
        'damaged-record',
        'That account no longer exists. It may have been removed in another tab.',
      );
    return found;
  }

  /** The whole state must be loaded before part of it is changed: `save` waits for it. */
  private saveState(key: MasterKey, patch: Partial<VaultState>): Promise<void> {
    return this.save(key, [], [], false, patch);
  }

  /** Stores and publishes a change, in memory only once it is stored; only ever called inside `run`. */
  private async save(
    key: MasterKey,
    put: Account[],
    remove: AccountId[],
    countsAsChange = true,
    statePatch: Partial<VaultState> = {},
  ): Promise<void> {
    await this.host.loaded();
    // Locked before the rest of a long list was read: a change built on part of it would store a wrong state.
    if (this.host.partial()) throw new LatchkeyError('locked', loadProblem(null));
    const byId = new Map(this.host.accounts().map((a) => [a.id, a] as const));
    for (const id of remove) byId.delete(id);
    for (const a of put) byId.set(a.id, a);
    const accounts = [...byId.values()];
    const current = this.host.vaultState();
    const titles = { ...current.titles };
    for (const id of remove) delete titles[id];
    for (const a of put) titles[a.id] = accountTitle(a);
    const changes = countsAsChange ? put.length + remove.length : 0;
    const nextState: VaultState = {
      ...current,
      ...statePatch,
      titles,
      changesSinceBackup: current.changesSinceBackup + changes,
      firstScreen: accounts.length > FIRST_SCREEN_ABOVE ? await firstScreens(accounts) : {},
    };
    // Seal everything first: nothing but IndexedDB requests may be awaited inside the transaction (rule 3).
    const vault = await loadVault();
    const sealed = await Promise.all([
      ...put.map((a) => vault.sealRecord(key, a.id, a)),
      vault.sealRecord(key, STATE_ID, nextState),
    ]);
    await this.host.requireStore().write({ put: sealed, remove });
    // Locked while it was being stored: the change is kept, but nothing may be shown again until the next unlock.
    if (!this.host.stored(key, accounts, nextState)) return;
    if (changes > 0) for (const listener of this.savedListeners) listener();
  }
}

/** Sorting is loaded with the unlocked app (rule 7): the list sorts too, the lock screen does not. */
async function firstScreens(accounts: readonly Account[]): Promise<VaultState['firstScreen']> {
  const { firstIdsBySort } = await import('../organise');
  return firstIdsBySort(accounts, FIRST_SCREEN);
}

/** What to say when not every record could be read. */
export function loadProblem(error: unknown): string {
  const detail = error instanceof LatchkeyError ? `${error.message} ` : '';
  return `${detail}Lock Latchkey, then unlock it again to retry; nothing was changed.`;
}
