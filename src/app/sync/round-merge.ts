/**
 * A round's merge (docs/sync.md, "A round"): this device's copy against the synced index, account by account
 * (the decisions: sync/merge.ts), as the change to store here and the accounts to upload after. Run under the
 * cross-tab lock, so it never waits for the network: objects it lacks are named in `need` (round.ts fetches them
 * and merges again).
 */
import type { Account, AccountId } from '../../core/account';
import { SyncError } from '../../sync/errors';
import { emptyIndex, openAccount, openIndex, type RemoteIndex } from '../../sync/format';
import { ZERO_HLC, type Hlc } from '../../sync/hlc';
import { decide, type Decision as MergeDecision, type LocalEntry, type Version } from '../../sync/merge';
import type { MasterKey } from '../../vault/vault';
import type { SyncedChange } from '../session/clocks';
import type { ChangeSpec, VaultCopy } from '../session/vault-copy';

export interface Fetched {
  /** The index's bytes and tag (null: there is no index yet). */
  index: { bytes: Uint8Array; etag: string | null } | null;
  objects: Map<string, Uint8Array>;
}

/** This device's version of an account, and the stamp it was made from if not yet in the synced copy. */
function localEntry(copy: VaultCopy, id: AccountId): LocalEntry | undefined {
  const { clocks, tombstones, unsynced } = copy.state;
  const account = copy.accounts.get(id);
  let version: Version;
  if (account) version = { kind: 'live', clock: clocks[id] ?? ZERO_HLC, counter: hotpCounter(account) };
  else if (tombstones[id]) version = { kind: 'gone', at: tombstones[id] };
  else return undefined;
  return { version, base: unsynced[id] };
}

export const hotpCounter = (account: Account): number | null => (account.type === 'hotp' ? account.counter : null);

function remoteVersion(index: RemoteIndex, id: AccountId): Version | undefined {
  const entry = index.accounts.get(id);
  if (entry) return { kind: 'live', clock: entry.clock, counter: entry.counter };
  const at = index.deleted.get(id);
  return at ? { kind: 'gone', at } : undefined;
}

export interface Merged {
  /** What to store here (null: nothing, or objects are missing: fetch `need` and merge again). */
  change: ChangeSpec | null;
  key: MasterKey;
  need: string[];
  index: RemoteIndex;
  /** Accounts whose version here goes up after the change. */
  upload: Set<AccountId>;
  pulled: number;
}

function tamperedAccount(copy: VaultCopy, id: AccountId): SyncError {
  const title = copy.state.titles[id];
  const what = title ? `The synced copy of “${title}”` : 'An account in the synced folder';
  return new SyncError(
    'tampered',
    `${what} was changed outside Latchkey, so it was refused. Nothing on this device was changed; ` +
      'restore the folder from a backup of the server, or turn sync off and on to write it again.',
  );
}

/** The merge, under the lock: what to change here, and what to upload after. Pure but for opening objects. */
export async function merge(copy: VaultCopy, key: MasterKey, fetched: Fetched): Promise<Merged> {
  const index = fetched.index ? await openIndex(key, fetched.index.bytes) : emptyIndex();
  const ids = new Set<AccountId>([
    ...copy.accounts.keys(),
    ...(Object.keys(copy.state.tombstones) as AccountId[]),
    ...index.accounts.keys(),
    ...index.deleted.keys(),
  ]);
  const decisions = new Map<AccountId, MergeDecision>();
  const need: string[] = [];
  for (const id of ids) {
    // Held back as damaged here (integrity.ts): left alone until the person decides.
    if (copy.held.has(id)) continue;
    const decision = decide(localEntry(copy, id), remoteVersion(index, id));
    decisions.set(id, decision);
    const entry = index.accounts.get(id);
    if ((decision.do === 'pull' || decision.do === 'pull-raise') && entry && !fetched.objects.has(entry.object)) {
      need.push(entry.object);
    }
  }
  const upload = new Set<AccountId>(Object.keys(copy.state.unsynced) as AccountId[]);
  if (need.length) return { change: null, key, need, index, upload, pulled: 0 };

  const put: Account[] = [];
  const remove: AccountId[] = [];
  const synced = {
    clocks: {} as Record<AccountId, Hlc>,
    deletions: {} as Record<AccountId, Hlc>,
    bases: {} as Record<AccountId, Hlc>,
    agreed: {} as Record<AccountId, Hlc>,
    forget: [] as AccountId[],
  } satisfies SyncedChange;
  let pulled = 0;
  for (const [id, decision] of decisions) {
    const entry = index.accounts.get(id);
    const mine = copy.accounts.get(id);
    const remoteAccount = async () => {
      const opened = await openAccount(key, entry!.object, fetched.objects.get(entry!.object)!, {
        id,
        clock: entry!.clock,
      });
      if (!opened) throw tamperedAccount(copy, id);
      return opened;
    };
    switch (decision.do) {
      case 'pull':
        pulled++;
        if (entry) {
          put.push(await remoteAccount());
          synced.clocks[id] = entry.clock;
        } else {
          // Deleted there (here too, maybe, at another moment: the synced copy's stamp is taken).
          remove.push(id);
          synced.deletions[id] = index.deleted.get(id)!;
        }
        break;
      case 'pull-raise':
        pulled++;
        put.push({ ...(await remoteAccount()), counter: decision.counter });
        synced.bases[id] = entry!.clock;
        upload.add(id);
        break;
      case 'raise': {
        const theirs = entry?.clock ?? index.deleted.get(id)!;
        put.push(decision.counter === null ? mine! : { ...mine!, counter: decision.counter });
        synced.bases[id] = theirs;
        upload.add(id);
        break;
      }
      case 'settle':
        synced.agreed[id] = (copy.state.clocks[id] ?? copy.state.tombstones[id])!;
        break;
      case 'forget':
        synced.forget.push(id);
        break;
      case 'push':
        upload.add(id);
        break;
      case 'none':
        break;
    }
  }
  const changed =
    put.length || remove.length || synced.forget.length || Object.keys(synced.agreed).length
      ? { put, remove, synced, counts: put.length + remove.length > 0 }
      : null;
  return { change: changed, key, need: [], index, upload, pulled };
}
