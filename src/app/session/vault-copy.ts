/**
 * The decrypted vault a tab holds, and how it is kept equal to what is stored. Every change is a read-modify-write
 * under the cross-tab lock (docs/architecture.md, rule 3): `refreshCopy` brings the copy up to date with what
 * other tabs stored (decrypting only the records that changed), the change is computed from it, and
 * `commitChange` seals and stores the result in one transaction. A change is a function of what is stored, never
 * of what this tab happened to see. Part of the lazy engine chunk (engine.ts), so it imports the vault directly.
 */
import type { Account, AccountId } from '../../core/account';
import { ACCOUNT_PREFIX, accountTitle } from '../../core/account';
import { sameBytes } from '../../core/bytes';
import { SORT_MODES } from '../settings';
import { LatchkeyError } from '../../core/errors';
import type { LockedVault } from '../../storage/store';
import { openRecord, sealRecord, type MasterKey, type SealedRecord } from '../../vault/vault';
import { checkRecords, type HeldAccount, type OpenedAccount } from './integrity';
import { FIRST_SCREEN, FIRST_SCREEN_ABOVE, STATE_ID, type VaultState } from './vault-state';
import { sanitizeVaultState } from './state-sanitize';
import { stampChange, type SyncedChange } from './clocks';
import { nextTask } from '../../lib/next-task';

export interface VaultCopy {
  state: VaultState;
  /** The sealed state's nonce: while it is unchanged in storage, no tab has written since. */
  stateNonce: Uint8Array | null;
  accounts: Map<AccountId, Account>;
  revs: Map<AccountId, number>;
  /** Accounts held back until the person decides (integrity.ts); a change leaves them as they are. */
  held: Map<AccountId, HeldAccount>;
}

/** What a change does, decided from the latest stored copy. */
export interface ChangeSpec {
  put?: readonly Account[];
  remove?: readonly AccountId[];
  state?: Partial<VaultState>;
  /** Worth a backup reminder and an automatic backup (copying a code is not). */
  counts?: boolean;
  /** A change sync makes: versions from the synced copy keep their stamps (clocks.ts). */
  synced?: SyncedChange;
  /** The accounts put keep their clock stamps: not a change for sync (copying a code). */
  unstamped?: boolean;
}

/** A stored account record holds the account and the revision it was written at. */
export async function openAccount(key: MasterKey, record: SealedRecord): Promise<OpenedAccount> {
  const { rev, ...account } = (await openRecord(key, record)) as Account & { rev?: unknown };
  return { account: account as Account, rev: typeof rev === 'number' && Number.isSafeInteger(rev) ? rev : 0 };
}

export async function openState(key: MasterKey, record: SealedRecord | undefined): Promise<VaultState> {
  return sanitizeVaultState(record ? await openRecord(key, record) : null);
}

function changedUnderfoot(): LatchkeyError {
  return new LatchkeyError(
    'damaged-record',
    "Latchkey's stored data changed in a way it did not expect, so nothing was saved. Lock Latchkey and unlock it " +
      'again to check it.',
  );
}

/**
 * Brings the copy up to date with storage. Only call it holding the lock: the state and the records it names are
 * read in separate steps. Records whose revision the state changed are decrypted again; a record that does not
 * match the state now is refused (an unlock would name it).
 */
export async function refreshCopy(key: MasterKey, copy: VaultCopy, vault: LockedVault): Promise<VaultCopy> {
  const sealedState = await vault.getRecord(STATE_ID);
  if (sealedState && copy.stateNonce && sameBytes(sealedState.nonce, copy.stateNonce)) return copy;
  const state = await openState(key, sealedState);
  if (state.records === null) {
    // Written by a version that did not list its records: read them all.
    const opened = await Promise.all(
      (await vault.getAllRecords()).filter(isAccountRecord).map((r) => openAccount(key, r)),
    );
    const checked = checkRecords(state, opened);
    return {
      state,
      stateNonce: sealedState?.nonce ?? null,
      accounts: checked.accounts,
      revs: checked.revs,
      held: copy.held,
    };
  }
  const listed = Object.entries(state.records) as [AccountId, number][];
  const held = new Map([...copy.held].filter(([id]) => Object.hasOwn(state.records!, id)));
  const stale = new Set(listed.filter(([id, rev]) => copy.revs.get(id) !== rev && !held.has(id)).map(([id]) => id));
  const sealed = stale.size > 100 ? await vault.getAllRecords() : await vault.getRecords([...stale]);
  const fresh = new Map(sealed.filter((r): r is SealedRecord => !!r).map((r) => [r.id as AccountId, r] as const));
  const accounts = new Map<AccountId, Account>();
  const revs = new Map<AccountId, number>();
  for (const [id, rev] of listed) {
    if (held.has(id)) continue;
    if (!stale.has(id)) {
      accounts.set(id, copy.accounts.get(id)!);
      revs.set(id, rev);
      continue;
    }
    const record = fresh.get(id);
    if (!record) throw changedUnderfoot();
    const opened = await openAccount(key, record);
    if (opened.rev !== rev) throw changedUnderfoot();
    accounts.set(id, opened.account);
    revs.set(id, rev);
  }
  return { state, stateNonce: sealedState?.nonce ?? null, accounts, revs, held };
}

/**
 * Account records are `acct:<uuid>` (core/account.ts); the records store also holds the state and, since icon
 * packs, `iconpack:<id>` records (app/icons/packs.ts), which are neither accounts nor listed in the table of
 * contents. Anything else there is not an account either: it is never opened as one, nor reported.
 */
export function isAccountRecord(record: SealedRecord): boolean {
  return record.id.startsWith(ACCOUNT_PREFIX);
}

/**
 * Applies a change to the (just refreshed) copy, seals every record it touches and the state, and stores them in
 * one transaction. Returns the copy as stored.
 */
export async function commitChange(
  key: MasterKey,
  copy: VaultCopy,
  change: ChangeSpec,
  vault: LockedVault,
  now = Date.now(),
): Promise<VaultCopy> {
  const { put = [], remove = [], counts = true } = change;
  // Above every revision stored, even one a state put back from an older copy did not know of.
  let revision = copy.state.revision;
  for (const rev of copy.revs.values()) revision = Math.max(revision, rev);
  revision += 1;
  const accounts = new Map(copy.accounts);
  const revs = new Map(copy.revs);
  const held = new Map(copy.held);
  // A vault that did not list its records lists them from this write on; `records: null` in a change asks for
  // the list to be made afresh from what was read (after a state older than its accounts).
  const rebuild = change.state !== undefined && Object.hasOwn(change.state, 'records') && !change.state.records;
  const records: Record<AccountId, number> = { ...((!rebuild && copy.state.records) || Object.fromEntries(revs)) };
  for (const [id, { rev }] of held) records[id] ??= rev;
  const counters = { ...copy.state.counters };
  const titles = { ...copy.state.titles };
  for (const id of remove) {
    accounts.delete(id);
    revs.delete(id);
    held.delete(id);
    delete records[id];
    delete counters[id];
    delete titles[id];
  }
  for (const account of put) {
    // An HOTP counter never goes back, whatever the change was built from.
    const counter = account.type === 'hotp' ? Math.max(account.counter, counters[account.id] ?? 0) : account.counter;
    const stored = { ...account, counter };
    accounts.set(account.id, stored);
    revs.set(account.id, revision);
    held.delete(account.id);
    records[account.id] = revision;
    if (account.type === 'hotp') counters[account.id] = counter;
    else delete counters[account.id];
    titles[account.id] = accountTitle(account);
  }
  const list = [...accounts.values()];
  const stamped = stampChange({
    state: copy.state,
    put,
    remove,
    synced: change.synced,
    unstamped: change.unstamped ?? false,
    now,
  });
  const state: VaultState = {
    ...copy.state,
    ...change.state,
    ...stamped,
    revision,
    records,
    counters,
    titles,
    changesSinceBackup:
      (change.state?.changesSinceBackup ?? copy.state.changesSinceBackup) + (counts ? put.length + remove.length : 0),
    firstScreen: list.length > FIRST_SCREEN_ABOVE ? await firstScreens(list) : {},
  };
  // Seal everything first: nothing but IndexedDB requests may be awaited inside the transaction (rule 3). A
  // large import is sealed a slice per task (lib/next-task.ts), so the page stays responsive.
  const sealedState = await sealRecord(key, STATE_ID, state, { between: nextTask });
  const sealedAccounts = [];
  for (let i = 0; i < put.length; i += SEAL_SLICE) {
    if (i > 0) await nextTask();
    const slice = put.slice(i, i + SEAL_SLICE);
    sealedAccounts.push(
      ...(await Promise.all(slice.map((a) => sealRecord(key, a.id, { ...accounts.get(a.id)!, rev: revision })))),
    );
  }
  await vault.write({ put: [...sealedAccounts, sealedState], remove });
  return { state, stateNonce: sealedState.nonce, accounts, revs, held };
}

/** Records sealed per task: a few milliseconds of work each, so a large import never holds up the page. */
const SEAL_SLICE = 250;

/**
 * The first screen of each sort order. Sorting loads with the unlocked app (rule 7); each order is sorted in a
 * task of its own, since sorting 10,000 accounts five times in one would hold up the page.
 */
async function firstScreens(accounts: readonly Account[]): Promise<VaultState['firstScreen']> {
  const { firstIds } = await import('../organise');
  const screens: VaultState['firstScreen'] = {};
  for (const mode of SORT_MODES) {
    if (accounts.length > 2_000) await nextTask();
    screens[mode] = firstIds(accounts, mode, FIRST_SCREEN);
  }
  return screens;
}

/**
 * Every record opened with `from` and sealed again with `to`, for re-encrypting the vault under a new master key.
 * A record `from` cannot open stays as it is (it was damaged before and stays reported as such).
 */
export async function resealAll(
  from: MasterKey,
  to: MasterKey,
  records: readonly SealedRecord[],
): Promise<{ put: SealedRecord[]; stateNonce: Uint8Array | null }> {
  const put: SealedRecord[] = [];
  let stateNonce: Uint8Array | null = null;
  for (let i = 0; i < records.length; i += SEAL_SLICE) {
    if (i > 0) await nextTask();
    const slice = records.slice(i, i + SEAL_SLICE);
    const resealed = await Promise.all(
      slice.map(async (record) => {
        let value: unknown;
        try {
          value = await openRecord(from, record);
        } catch {
          return null;
        }
        // The state is the one large record (2.8 MB for 10,000 accounts): its steps in tasks of their own.
        return sealRecord(to, record.id, value, record.id === STATE_ID ? { between: nextTask } : {});
      }),
    );
    for (const sealed of resealed) {
      if (!sealed) continue;
      put.push(sealed);
      if (sealed.id === STATE_ID) stateNonce = sealed.nonce;
    }
  }
  return { put, stateNonce };
}
