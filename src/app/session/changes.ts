/**
 * The changes of an unlocked vault: add, edit, use, remove, restore, next HOTP code, reorder, settings and the
 * state's bookkeeping. Each is a function of what is stored: it runs in this tab's queue, then under the
 * cross-tab lock reads the latest stored copy, decides from it, seals and stores (vault-copy.ts, rule 3).
 */
import type { Account, AccountDraft, AccountId } from '../../core/account';
import { newAccountId } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import type { LockedVault, VaultStore } from '../../storage/store';
import type { MasterKey } from '../../vault/vault';
import type { SecureSettings } from '../settings';
import { commitChange, refreshCopy, type ChangeSpec, type VaultCopy } from './vault-copy';
import type { AutoBackupKey, VaultState } from './vault-state';

/** What changes need of the session: its key and store, the copy they start from, and publishing. */
export interface ChangeHost {
  requireKey(): MasterKey;
  requireStore(): VaultStore;
  /** The copy the next change starts from (it is refreshed from storage under the lock first). */
  copy(): VaultCopy;
  /**
   * `copy` is what is stored now (read or written under `key`): later changes build on it, and it is shown unless
   * the vault was locked meanwhile. Returns whether it was shown.
   */
  stored(key: MasterKey, copy: VaultCopy): boolean;
}

/** Where a change came from: this device, or the synced copy. */
export type ChangeOrigin = 'local' | 'sync';

/** What a change decided: what to store (nothing, for a change that finds nothing to do), and what to return. */
export interface Decision<T> {
  change: ChangeSpec | null;
  result: T;
}

function gone(): LatchkeyError {
  return new LatchkeyError('damaged-record', 'That account no longer exists. It may have been removed in another tab.');
}

function find(copy: VaultCopy, id: AccountId): Account {
  const found = copy.accounts.get(id);
  if (!found) throw gone();
  return found;
}

export class VaultChanges {
  /** Changes queued and not yet settled. */
  private pending = 0;
  /** The last change queued; settles, never rejects. */
  private lastChange: Promise<unknown> = Promise.resolve();
  private readonly savedListeners = new Set<(origin: ChangeOrigin) => void>();

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
   * Runs `work` after the changes queued before it, holding the cross-tab lock, with the key of the moment it
   * was asked for: a change made just before Lock is still stored. A failed change does not stop the next.
   */
  exclusive<T>(work: (key: MasterKey, vault: LockedVault) => Promise<T>): Promise<T> {
    let key: MasterKey;
    try {
      key = this.host.requireKey();
    } catch (error) {
      return Promise.reject(error);
    }
    this.pending++;
    const next = this.lastChange.then(() => this.host.requireStore().withVault((vault) => work(key, vault)));
    this.lastChange = next.catch(() => undefined).finally(() => this.pending--);
    return next;
  }

  /** A read-modify-write: `decide` sees the latest stored copy and says what to store. */
  run<T>(decide: (copy: VaultCopy) => Decision<T> | Promise<Decision<T>>): Promise<T> {
    return this.commit('local', decide).then(({ result }) => result);
  }

  /**
   * A read-modify-write of sync's (app/sync): like `run`, and `decide` gets the key too (to open what came from
   * the synced copy). Returns the copy as stored, which sync uploads from; its saves tell listeners 'sync'.
   */
  fromSync<T>(
    decide: (copy: VaultCopy, key: MasterKey) => Decision<T> | Promise<Decision<T>>,
  ): Promise<{ result: T; copy: VaultCopy }> {
    return this.commit('sync', decide);
  }

  private commit<T>(
    origin: ChangeOrigin,
    decide: (copy: VaultCopy, key: MasterKey) => Decision<T> | Promise<Decision<T>>,
  ): Promise<{ result: T; copy: VaultCopy }> {
    return this.exclusive(async (key, vault) => {
      const latest = await refreshCopy(key, this.host.copy(), vault);
      const { change, result } = await decide(latest, key);
      if (!change) {
        this.host.stored(key, latest);
        return { result, copy: latest };
      }
      const next = await commitChange(key, latest, change, vault);
      // Locked while it was being stored: the change is kept, but nothing may be shown until the next unlock.
      const shown = this.host.stored(key, next);
      if (shown && change.counts !== false) for (const listener of this.savedListeners) listener(origin);
      return { result, copy: next };
    });
  }

  private put(accounts: Account[], counts = true): ChangeSpec {
    return { put: accounts, counts };
  }

  /** Adds every draft in one transaction: all of them are saved, or none. */
  addAccounts(drafts: readonly AccountDraft[]): Promise<Account[]> {
    return this.run((copy) => {
      const now = Date.now();
      let order = Math.max(0, ...[...copy.accounts.values()].map((a) => a.order + 1));
      const added = drafts.map((d) => ({ ...d, id: newAccountId(), createdAt: now, updatedAt: now, order: order++ }));
      return { change: this.put(added), result: added };
    });
  }

  /** Changes some fields of an account as stored now (another tab's changes to the other fields are kept). */
  updateAccount(id: AccountId, patch: Partial<AccountDraft>): Promise<void> {
    return this.run((copy) => ({
      change: this.put([{ ...find(copy, id), ...patch, id, updatedAt: Date.now() }]),
      result: undefined,
    }));
  }

  /** Counts one use of an account's code, for the most-used and recently-used orders. */
  recordUse(id: AccountId): Promise<void> {
    return this.run((copy) => {
      const current = find(copy, id);
      // Using a code neither edits the account nor is a change worth a backup reminder.
      const used = { ...current, useCount: (current.useCount ?? 0) + 1, usedAt: Date.now() };
      // Not a change to sync either: the account keeps its clock stamp (clocks.ts).
      return { change: { ...this.put([used], false), unstamped: true }, result: undefined };
    });
  }

  /** Replaces an existing account's secret and settings, keeping its place in the list. */
  replaceAccount(id: AccountId, draft: AccountDraft): Promise<void> {
    return this.run((copy) => ({
      change: this.put([{ ...find(copy, id), ...draft, id, updatedAt: Date.now() }]),
      result: undefined,
    }));
  }

  /** Removes an account and returns it as it was stored, so the UI can offer Undo (restoreAccount). */
  removeAccount(id: AccountId): Promise<Account> {
    return this.run((copy) => ({ change: { remove: [id] }, result: find(copy, id) }));
  }

  restoreAccount(account: Account): Promise<void> {
    return this.run(() => ({ change: this.put([account]), result: undefined }));
  }

  /** Stores the incremented HOTP counter before the new code can be shown. */
  nextHotp(id: AccountId): Promise<void> {
    return this.run((copy) => {
      const current = find(copy, id);
      return {
        change: this.put([{ ...current, counter: current.counter + 1, updatedAt: Date.now() }]),
        result: undefined,
      };
    });
  }

  /**
   * Saves a new custom order. Accounts another tab added meanwhile (not in `ids`) keep their place after these;
   * only accounts whose position changed are resealed: one move in a long list rewrites two records, not all.
   */
  reorder(ids: readonly AccountId[]): Promise<void> {
    return this.run((copy) => {
      const listed = ids.filter((id) => copy.accounts.has(id));
      const rest = [...copy.accounts.values()]
        .filter((a) => !listed.includes(a.id))
        .sort((a, b) => a.order - b.order)
        .map((a) => a.id);
      const changed = [...listed, ...rest]
        .map((id, order) => [find(copy, id), order] as const)
        .filter(([account, order]) => account.order !== order)
        .map(([account, order]) => ({ ...account, order }));
      return { change: changed.length ? this.put(changed) : null, result: undefined };
    });
  }

  /** Stores settings that matter for security inside the sealed state (app/settings.ts). */
  setSecureSettings(patch: Partial<SecureSettings>, current: SecureSettings): Promise<void> {
    return this.saveState((state) => ({ settings: { ...(state.settings ?? current), ...patch } }));
  }

  markBackedUp(at = Date.now()): Promise<void> {
    return this.saveState(() => ({ lastBackupAt: at, changesSinceBackup: 0 }));
  }

  markReminderShown(at = Date.now()): Promise<void> {
    return this.saveState(() => ({ backupReminderShownAt: at }));
  }

  setAutoBackupKey(autoBackup: AutoBackupKey | null): Promise<void> {
    return this.saveState(() => ({ autoBackup }));
  }

  /**
   * The person's answer to a problem found in storage (integrity.ts): keep an account held back (an older copy,
   * a deleted one come back; an HOTP counter keeps its highest value), or delete it, or drop a missing or
   * unreadable one from the list.
   */
  resolve(id: AccountId, answer: 'keep' | 'delete'): Promise<void> {
    return this.run((copy) => {
      const held = copy.held.get(id);
      if (answer === 'keep' && held) return { change: this.put([held.account]), result: undefined };
      return { change: { remove: [id] }, result: undefined };
    });
  }

  /**
   * After a state put back from an older copy (integrity.ts): its automatic-backup key may be one the person has
   * replaced since, so automatic backups go off, and the table of contents is made afresh from what was read.
   */
  repairOlderState(): Promise<void> {
    return this.saveState(() => ({ autoBackup: null, records: null }));
  }

  /** Re-reads what other tabs stored. */
  refresh(): Promise<void> {
    return this.run(() => ({ change: null, result: undefined }));
  }

  /**
   * Called after every change worth backing up (automatic backups listen), with where it came from: made here, or
   * taken from the synced copy (sync listens to its own kind only).
   */
  onSaved(listener: (origin: ChangeOrigin) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  private saveState(patch: (state: VaultState) => Partial<VaultState>): Promise<void> {
    return this.run((copy) => ({ change: { state: patch(copy.state), counts: false }, result: undefined }));
  }
}
