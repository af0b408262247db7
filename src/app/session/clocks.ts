/**
 * Stamps each change with a hybrid logical clock for sync (docs/sync.md): every account put gets the change's
 * stamp, every account removed a tombstone, and each is listed as not yet in the synced copy, with the stamp of
 * the version it was made from. Versions taken from the synced copy keep its stamps and count as agreed. Part
 * of the lazy engine chunk (engine.ts), with commitChange.
 */
import type { Account, AccountId } from '../../core/account';
import { hlcTime, maxHlc, newNode, tickHlc, ZERO_HLC, type Hlc } from '../../sync/hlc';
import type { VaultState } from './vault-state';

/** A deletion is kept this long, so that a device that syncs less often still learns of it. */
export const TOMBSTONE_MS = 90 * 24 * 60 * 60 * 1000;

/** How sync marks the changes it makes (engine.ts); a change made here carries none of it. */
export interface SyncedChange {
  /** Accounts put as the synced copy has them: their stamps there, and agreed. */
  clocks?: Readonly<Record<AccountId, Hlc>>;
  /** Accounts removed as the synced copy deleted them: the deletion's stamp there, and agreed. */
  deletions?: Readonly<Record<AccountId, Hlc>>;
  /**
   * Accounts put as a change made here that merges the synced copy's version: the stamp of that version, which
   * becomes what the change is built on.
   */
  bases?: Readonly<Record<AccountId, Hlc>>;
  /** Changes now in the synced copy: agreed, if the account is still at that stamp here. */
  agreed?: Readonly<Record<AccountId, Hlc>>;
  /** Deletions the synced copy no longer lists: forgotten here too. */
  forget?: readonly AccountId[];
}

export type ClockFields = Pick<VaultState, 'clocks' | 'tombstones' | 'unsynced' | 'clock' | 'node'>;

interface Stamping {
  state: VaultState;
  put: readonly Account[];
  remove: readonly AccountId[];
  synced: SyncedChange | undefined;
  /** Copying a code: the accounts keep their stamps (not a change to sync). */
  unstamped: boolean;
  now: number;
}

export function stampChange({ state, put, remove, synced = {}, unstamped, now }: Stamping): ClockFields {
  const clocks = { ...state.clocks };
  const tombstones = { ...state.tombstones };
  const unsynced = { ...state.unsynced };
  const node = state.node || newNode();
  const incoming = [
    ...Object.values(synced.clocks ?? {}),
    ...Object.values(synced.deletions ?? {}),
    ...Object.values(synced.bases ?? {}),
  ];
  let clock = maxHlc(state.clock, ...incoming);
  let stamp: Hlc | null = null;
  const next = () => (stamp ??= clock = tickHlc(clock, now, node));
  const current = (id: AccountId) => clocks[id] ?? tombstones[id] ?? ZERO_HLC;

  for (const id of remove) {
    const theirs = synced.deletions?.[id];
    if (theirs) delete unsynced[id];
    else unsynced[id] ??= current(id);
    tombstones[id] = theirs ?? next();
    delete clocks[id];
  }
  for (const { id } of put) {
    if (unstamped && clocks[id] !== undefined) continue;
    const theirs = synced.clocks?.[id];
    if (theirs) delete unsynced[id];
    else unsynced[id] = synced.bases?.[id] ?? unsynced[id] ?? current(id);
    clocks[id] = theirs ?? next();
    delete tombstones[id];
  }
  for (const [id, at] of Object.entries(synced.agreed ?? {}) as [AccountId, Hlc][]) {
    if (current(id) === at) delete unsynced[id];
  }
  for (const id of synced.forget ?? []) {
    if (!unsynced[id]) delete tombstones[id];
  }
  // Deletions in the synced copy are forgotten after 90 days; one not yet uploaded waits until it is.
  for (const [id, at] of Object.entries(tombstones) as [AccountId, Hlc][]) {
    if (!unsynced[id] && hlcTime(at) < now - TOMBSTONE_MS) delete tombstones[id];
  }
  return { clocks, tombstones, unsynced, clock, node };
}
