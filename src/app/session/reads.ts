/** How the session reads an unlocked vault: the lazily loaded vault crypto, the first screen, every record. */
import { ACCOUNT_PREFIX, type Account } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import type { MasterKey, SealedRecord } from '../../vault/vault';
import type { SortMode } from '../settings';
import type { DamagedRecord } from './snapshot';
import { STATE_ID, sanitizeVaultState, type VaultState } from './vault-state';

/** What unlocking reads: the accounts, those that could not be decrypted, and the state record. */
export interface LoadedVault {
  accounts: Account[];
  damaged: DamagedRecord[];
  state: VaultState;
}

/**
 * The vault's crypto (Argon2id, key slots, sealing) is needed from the first Unlock on, not to draw the lock
 * screen: it loads after the first paint (Session.preloadEngine, rule 7).
 */
let vaultModule: Promise<typeof import('../../vault/vault')> | null = null;
export function loadVault(): Promise<typeof import('../../vault/vault')> {
  vaultModule ??= import('../../vault/vault').catch((error: unknown) => {
    vaultModule = null; // a later try may succeed once the connection is back
    throw new LatchkeyError(
      'reload-needed',
      'Part of Latchkey could not be loaded. Check your connection once, then reload; after that it works offline.',
      { cause: String(error) },
    );
  });
  return vaultModule;
}

/**
 * Decrypts the first screen of a long list, as named in the state record for the current sort order, from the
 * records read during the KDF. Returns null when there is no such list or any part of it cannot be read: the
 * whole list is then loaded (and any damage reported) by readRecords. Records another tab changes meanwhile are
 * caught by the whole list, which is read afresh right after the first screen is drawn.
 */
export async function readFirstScreen(
  key: MasterKey,
  records: readonly SealedRecord[] | null,
  sort: SortMode,
): Promise<LoadedVault | null> {
  try {
    const byId = new Map(records?.map((r) => [r.id, r] as const));
    const sealedState = byId.get(STATE_ID);
    if (!sealedState) return null;
    const vault = await loadVault();
    const state = sanitizeVaultState(await vault.openRecord(key, sealedState));
    const ids = state.firstScreen[sort];
    const first = ids?.map((id) => byId.get(id));
    if (!first?.length || first.some((r) => !r)) return null;
    const accounts = await Promise.all(first.map((r) => vault.openRecord(key, r!) as Promise<Account>));
    return { accounts, damaged: [], state };
  } catch {
    return null;
  }
}

/** Decrypts every record; a damaged one is reported by name and never stops the others. */
export async function readRecords(key: MasterKey, records: readonly SealedRecord[]): Promise<LoadedVault> {
  const vault = await loadVault();
  const accounts: Account[] = [];
  const damaged: DamagedRecord[] = [];
  let state = sanitizeVaultState(null);
  await Promise.all(
    records.map(async (record) => {
      try {
        const value = await vault.openRecord(key, record);
        if (record.id === STATE_ID) state = sanitizeVaultState(value);
        else if (record.id.startsWith(ACCOUNT_PREFIX)) accounts.push(value as Account);
      } catch {
        damaged.push({ id: record.id, message: '' });
      }
    }),
  );
  // Named after the loop: the state record (which holds the titles) may be decrypted after the damaged one.
  for (const d of damaged) {
    const title = state.titles[d.id];
    d.message =
      d.id === STATE_ID
        ? 'Latchkey’s list of groups and backup dates is damaged; your accounts are fine. Export a backup soon.'
        : `The account ${title ? `“${title}”` : 'whose name is unreadable'} could not be decrypted because its ` +
          'stored data is damaged. Every other account is fine; restore this one from a backup, or delete it.';
  }
  return { accounts, damaged, state };
}
