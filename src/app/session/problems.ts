/**
 * Problems found in storage, as the list shows them: which are still open, and the one said when the rest of a
 * long list could not be read. Apart from integrity.ts, which finds them and loads with the unlocked vault.
 */
import type { AccountId } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import type { DamagedRecord } from './snapshot';
import { STATE_ID, type VaultState } from './vault-state';

/** A problem the person (or another tab) has resolved is no longer listed. */
export function problemStillOpen(
  { id, kind }: DamagedRecord,
  { held, state }: { held: ReadonlyMap<AccountId, unknown>; state: VaultState },
): boolean {
  if (kind === 'older-copy' || kind === 'returned') return held.has(id as AccountId);
  if (kind === 'missing' || (kind === 'unreadable' && id !== STATE_ID)) {
    return !state.records || Object.hasOwn(state.records, id);
  }
  return true;
}

/** The rest of a long list could not be read after its first screen: said on the list, with what to do. */
export function loadProblem(error: unknown): DamagedRecord {
  const detail = error instanceof LatchkeyError ? `${error.message} ` : '';
  return {
    id: 'load',
    kind: 'load',
    message: `Not every account could be read. ${detail}Lock Latchkey, then unlock it again to retry; nothing was changed.`,
  };
}
