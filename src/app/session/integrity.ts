/**
 * Checks the records read from storage against the sealed state's table of contents (which records exist, at
 * which revision). Storage can be written by anyone with access to the browser profile; they cannot forge a
 * record, but they can delete one or put back an older copy. Whatever does not match is named and held back
 * until the person decides: never silently shown (docs/vault-format.md, "Integrity").
 */
import type { Account, AccountId } from '../../core/account';
import type { DamagedRecord } from './snapshot';
import type { VaultState } from './vault-state';

/** An account record that decrypted, with the revision it was written at (0 before records were listed). */
export interface OpenedAccount {
  account: Account;
  rev: number;
}

/** An account kept out of the list until the person decides, with why. */
export interface HeldAccount extends OpenedAccount {
  kind: 'older-copy' | 'returned';
}

export interface CheckedRecords {
  accounts: Map<AccountId, Account>;
  revs: Map<AccountId, number>;
  held: Map<AccountId, HeldAccount>;
  /** Listed in the state, with no record in storage. */
  missing: AccountId[];
  /** The state is older than some account record: the state itself was replaced by an older copy. */
  stateOlder: boolean;
}

export function checkRecords(state: VaultState, opened: readonly OpenedAccount[]): CheckedRecords {
  const accounts = new Map<AccountId, Account>();
  const revs = new Map<AccountId, number>();
  const held = new Map<AccountId, HeldAccount>();
  let stateOlder = false;
  for (const { account, rev } of opened) {
    const expected = state.records?.[account.id];
    const keep = () => {
      accounts.set(account.id, account);
      revs.set(account.id, rev);
    };
    // A vault written before records were listed: nothing to check against.
    if (state.records === null) keep();
    else if (expected === undefined && rev <= state.revision) held.set(account.id, { account, rev, kind: 'returned' });
    else if (expected !== undefined && rev < expected) held.set(account.id, { account, rev, kind: 'older-copy' });
    else {
      // Written after the state that is stored: the state is the older copy, and the account is the truth.
      if (expected === undefined || rev > expected) stateOlder = true;
      keep();
    }
  }
  const present = new Set([...accounts.keys(), ...held.keys()]);
  const missing = Object.keys(state.records ?? {}).filter((id) => !present.has(id as AccountId)) as AccountId[];
  return { accounts, revs, held, missing, stateOlder };
}

/** What the list says of each problem: which account, what happened, what the buttons do. */
export function describeProblems(state: VaultState, checked: CheckedRecords): DamagedRecord[] {
  const named = (id: string, fallback: string) => {
    const title = state.titles[id] ?? fallback;
    return title ? `“${title}”` : 'An account';
  };
  const out: DamagedRecord[] = [];
  for (const [id, { account, kind }] of checked.held) {
    const title = named(id, account.issuer || account.name);
    out.push({
      id,
      kind,
      message:
        kind === 'older-copy'
          ? `${title} was replaced by an older copy of itself outside Latchkey, so it is not shown. Keep the older ` +
            'copy (an HOTP counter keeps its highest value) or delete it.'
          : `${title}, which you deleted, is back in storage: an older copy of Latchkey's data was put back. Keep it ` +
            'or delete it again.',
    });
  }
  for (const id of checked.missing) {
    out.push({
      id,
      kind: 'missing',
      message:
        `${named(id, '')} is missing from this browser's storage: it was deleted outside Latchkey. Restore it ` +
        'from a backup, or remove it from the list.',
    });
  }
  if (checked.stateOlder) {
    out.push({
      id: 'state',
      kind: 'state-older',
      message:
        "Latchkey's own records (groups, settings, backup dates) were replaced by an older copy outside Latchkey. " +
        'Your accounts are shown as stored. Automatic backups were turned off: set them up again in Settings.',
    });
  }
  return out;
}
