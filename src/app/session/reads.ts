/** How the session reads an unlocked vault: the lazily loaded vault crypto, the first screen, every record. */
import type { MasterKey, SealedRecord } from '../../vault/vault';
import type { SortMode } from '../settings';
import { checkRecords, describeProblems, type OpenedAccount } from './integrity';
import type { DamagedRecord } from './snapshot';
import { isAccountRecord, openAccount, openState, type VaultCopy } from './vault-copy';
import { STATE_ID } from './vault-state';

/** What unlocking reads: the copy changes build on, and every problem found in storage. */
export interface LoadedVault {
  copy: VaultCopy;
  damaged: DamagedRecord[];
}

/**
 * Decrypts the first screen of a long list, as named in the state record for its sort order, from the records
 * read during the KDF (one transaction: a consistent snapshot). Returns null when there is no such list, or any
 * part of it cannot be read or does not match the state: the whole list is then read (and any problem named) by
 * readRecords. The rest of the list is read right after the first screen is drawn.
 */
export async function readFirstScreen(
  key: MasterKey,
  records: readonly SealedRecord[] | null,
  fallbackSort: SortMode,
): Promise<LoadedVault | null> {
  try {
    const byId = new Map(records?.map((r) => [r.id, r] as const));
    const sealedState = byId.get(STATE_ID);
    if (!sealedState) return null;
    const state = await openState(key, sealedState);
    const ids = state.firstScreen[state.settings?.sort ?? fallbackSort];
    const first = ids?.map((id) => byId.get(id));
    if (!state.records || !first?.length || first.some((r) => !r)) return null;
    const opened = await Promise.all(first.map((r) => openAccount(key, r!)));
    if (opened.some(({ account, rev }) => state.records![account.id] !== rev)) return null;
    const copy: VaultCopy = {
      state,
      stateNonce: sealedState.nonce,
      accounts: new Map(opened.map(({ account }) => [account.id, account] as const)),
      revs: new Map(opened.map(({ account, rev }) => [account.id, rev] as const)),
      held: new Map(),
    };
    return { copy, damaged: [] };
  } catch {
    return null;
  }
}

/** Decrypts every record and checks them against the state; a damaged one is named and never stops the others. */
export async function readRecords(key: MasterKey, records: readonly SealedRecord[]): Promise<LoadedVault> {
  const sealedState = records.find((r) => r.id === STATE_ID);
  const unreadable: string[] = [];
  let state;
  try {
    state = await openState(key, sealedState);
  } catch {
    unreadable.push(STATE_ID);
    state = await openState(key, undefined);
  }
  const opened: OpenedAccount[] = [];
  await Promise.all(
    records.filter(isAccountRecord).map(async (record) => {
      try {
        opened.push(await openAccount(key, record));
      } catch {
        unreadable.push(record.id);
      }
    }),
  );
  // An unreadable record is not "missing": it is reported as damaged, by the title the state keeps.
  const readable = state.records ? { ...state, records: withoutKeys(state.records, unreadable) } : state;
  const checked = checkRecords(readable, opened);
  const copy: VaultCopy = {
    state,
    stateNonce: sealedState?.nonce ?? null,
    accounts: checked.accounts,
    revs: checked.revs,
    held: checked.held,
  };
  const damaged: DamagedRecord[] = unreadable.map((id) => ({
    id,
    kind: 'unreadable',
    message:
      id === STATE_ID
        ? 'Latchkey’s list of groups and backup dates is damaged; your accounts are fine. Export a backup soon.'
        : `The account ${state.titles[id] ? `“${state.titles[id]}”` : 'whose name is unreadable'} could not be ` +
          'decrypted because its stored data is damaged. Every other account is fine; restore this one from a ' +
          'backup, or delete it.',
  }));
  return { copy, damaged: [...damaged, ...describeProblems(state, checked)] };
}

function withoutKeys<T>(map: Record<string, T>, keys: readonly string[]): Record<string, T> {
  if (keys.length === 0) return map;
  const copy = { ...map };
  for (const key of keys) delete copy[key];
  return copy;
}
