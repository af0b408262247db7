/**
 * One sync round (docs/sync.md, "A round"): read the synced index, merge it with this device's copy account by
 * account (sync/merge.ts) in a read-modify-write under the cross-tab lock (changes.fromSync, rule 3), upload what
 * this device has newer, write the index conditionally, and mark what went up as agreed. The network is never
 * used while the lock is held: objects the merge needs are fetched first, and the merge runs again if it needs
 * more. A 412 on the index (another device wrote meanwhile) means: read, merge and upload again.
 */
import type { Account, AccountId } from '../../core/account';
import { sameBytes } from '../../core/bytes';
import { isSyncError, SyncError } from '../../sync/errors';
import {
  emptyIndex,
  encodeKeys,
  INDEX_NAME,
  KEYS_NAME,
  newObjectName,
  openAccount,
  openIndex,
  sealAccount,
  sealIndex,
  slotStamp,
  type RemoteIndex,
} from '../../sync/format';
import { hlcTime, ZERO_HLC, type Hlc } from '../../sync/hlc';
import { decide, type Decision as MergeDecision, type LocalEntry, type Version } from '../../sync/merge';
import type { StorageAdapter } from '../../sync/storage';
import type { MasterKey, VaultHeader } from '../../vault/vault';
import type { VaultChanges } from '../session/changes';
import { TOMBSTONE_MS, type SyncedChange } from '../session/clocks';
import type { ChangeSpec, VaultCopy } from '../session/vault-copy';
import type { SyncConfig } from '../session/vault-state';

/** What a round keeps between rounds of one unlocked session (never stored). */
export interface RoundMemory {
  /** The index as last read or written, with its tag, so an unchanged index costs one 304. */
  index: { bytes: Uint8Array; etag: string } | null;
  /** Objects uploaded for a version the index does not list yet (a 412 came): used again if still current. */
  staged: Map<AccountId, { clock: Hlc; object: string }>;
}

export const newRoundMemory = (): RoundMemory => ({ index: null, staged: new Map() });

export interface RoundResult {
  /** Accounts taken from the synced copy (added, changed or deleted here). */
  pulled: number;
  /** Accounts and deletions uploaded. */
  pushed: number;
  /** Requests made, for the bench. */
  requests: number;
}

const MAX_TRIES = 5;
/** Requests in flight at once: what a browser opens to one HTTP/1.1 host, and what small servers cope with. */
const PARALLEL = 6;

/** Runs `work` on every item, at most `PARALLEL` at a time; rejects with the first failure. */
async function eachLimited<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

interface Fetched {
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

const hotpCounter = (account: Account): number | null => (account.type === 'hotp' ? account.counter : null);

function remoteVersion(index: RemoteIndex, id: AccountId): Version | undefined {
  const entry = index.accounts.get(id);
  if (entry) return { kind: 'live', clock: entry.clock, counter: entry.counter };
  const at = index.deleted.get(id);
  return at ? { kind: 'gone', at } : undefined;
}

interface Merged {
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
async function merge(copy: VaultCopy, key: MasterKey, fetched: Fetched): Promise<Merged> {
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

export interface RoundHost {
  changes: VaultChanges;
  /** The vault header as stored (its password slot goes to the keys object). */
  header(): Promise<VaultHeader | null>;
}

/** One round, retried while another device writes the index at the same moment. */
export async function syncRound(
  storage: StorageAdapter,
  host: RoundHost,
  config: SyncConfig,
  memory: RoundMemory,
): Promise<RoundResult> {
  const counted = countRequests(storage);
  let pulled = 0;
  let pushed = 0;
  await updateKeys(counted.storage, host, config);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    try {
      const done = await tryRound(counted.storage, host, config, memory);
      pulled += done.pulled;
      pushed += done.pushed;
      return { pulled, pushed, requests: counted.count() };
    } catch (error) {
      if (!isSyncError(error, 'precondition')) throw error;
      memory.index = null;
    }
  }
  throw new SyncError(
    'busy',
    `Another device kept writing to ${storage.where} at the same moment. Latchkey tries again shortly.`,
  );
}

/** After a password change here, the keys object gets the new password slot. */
async function updateKeys(storage: StorageAdapter, host: RoundHost, config: SyncConfig): Promise<void> {
  const header = await host.header();
  if (!header || slotStamp(header) === config.keys) return;
  await storage.put(KEYS_NAME, encodeKeys(header));
  const keys = slotStamp(header);
  await host.changes.fromSync((copy) => ({
    change: copy.state.sync ? { state: { sync: { ...copy.state.sync, keys } }, counts: false } : null,
    result: undefined,
  }));
  config.keys = keys;
}

async function fetchIndex(storage: StorageAdapter, memory: RoundMemory): Promise<Fetched['index']> {
  const got = await storage.get(INDEX_NAME, memory.index?.etag);
  if (got === 'unchanged') return memory.index;
  return got && { bytes: got.bytes, etag: got.etag };
}

async function tryRound(
  storage: StorageAdapter,
  host: RoundHost,
  config: SyncConfig,
  memory: RoundMemory,
): Promise<{ pulled: number; pushed: number }> {
  const fetched: Fetched = { index: await fetchIndex(storage, memory), objects: new Map() };
  let merged: Merged;
  let stored: VaultCopy;
  for (;;) {
    const done = await host.changes.fromSync(async (copy, key) => {
      const m = await merge(copy, key, fetched);
      return { change: m.change, result: m };
    });
    merged = done.result;
    stored = done.copy;
    if (!merged.need.length) break;
    // Fetched outside the lock, in parallel, then merged again (the copy may have changed meanwhile).
    await eachLimited(merged.need, async (object) => {
      const got = await storage.get(object);
      if (!got || got === 'unchanged') {
        throw new SyncError(
          'interrupted',
          `An account object went missing from ${storage.where} while Latchkey read it. Latchkey tries again.`,
        );
      }
      fetched.objects.set(object, got.bytes);
    });
  }
  const pushed = await upload(storage, host, config, memory, merged, stored, fetched);
  return { pulled: merged.pulled, pushed };
}

async function upload(
  storage: StorageAdapter,
  host: RoundHost,
  config: SyncConfig,
  memory: RoundMemory,
  merged: Merged,
  copy: VaultCopy,
  fetched: Fetched,
): Promise<number> {
  const { index, key } = merged;
  let indexChanged = !fetched.index;
  const agreed: Record<AccountId, Hlc> = {};
  const garbage: string[] = [];
  const writes: { name: string; account: Account; clock: Hlc }[] = [];
  for (const id of merged.upload) {
    const account = copy.accounts.get(id);
    const old = index.accounts.get(id);
    if (account) {
      const clock = copy.state.clocks[id] ?? ZERO_HLC;
      agreed[id] = clock;
      if (old?.clock === clock && old.counter === hotpCounter(account)) continue;
      indexChanged = true;
      const staged = memory.staged.get(id);
      let object = staged?.clock === clock ? staged.object : null;
      if (!object) {
        const name = newObjectName();
        object = name;
        memory.staged.set(id, { clock, object: name });
        writes.push({ name, account, clock });
      }
      if (old) garbage.push(old.object);
      index.accounts.set(id, { object, clock, counter: hotpCounter(account) });
      index.deleted.delete(id);
    } else if (copy.state.tombstones[id]) {
      const at = copy.state.tombstones[id];
      agreed[id] = at;
      if (!old && index.deleted.get(id) === at) continue;
      indexChanged = true;
      if (old) garbage.push(old.object);
      index.accounts.delete(id);
      index.deleted.set(id, at);
    }
  }
  const now = Date.now();
  let pruned = false;
  for (const [id, at] of index.deleted) {
    if (hlcTime(at) < now - TOMBSTONE_MS) pruned = index.deleted.delete(id);
  }
  const changed = indexChanged || pruned;
  if (changed) {
    // Objects first: an index never names an object that is not there.
    await eachLimited(writes, async ({ name, account, clock }) =>
      storage.put(name, await sealAccount(key, name, account, clock), { create: true }),
    );
    const bytes = await sealIndex(key, index);
    const condition = fetched.index?.etag
      ? { ifMatch: fetched.index.etag }
      : fetched.index
        ? undefined
        : { create: true as const };
    const etag = await storage.put(INDEX_NAME, bytes, condition);
    if (!config.conditional) await verifyWritten(storage, bytes);
    memory.index = etag ? { bytes, etag } : null;
    for (const id of merged.upload) memory.staged.delete(id);
  }
  if (Object.keys(agreed).length) {
    await host.changes.fromSync(() => ({ change: { synced: { agreed }, counts: false }, result: undefined }));
  }
  // Replaced versions are deleted only where writes are conditional: on a server that ignores conditions another
  // device may have written an index naming one of them at the same moment (docs/sync.md).
  if (config.conditional && changed) {
    await eachLimited(garbage, (object) => storage.delete(object).catch(() => undefined));
  }
  return Object.keys(agreed).length;
}

/** On a server that ignores If-Match, another device's index may have replaced ours at the same moment: read back. */
async function verifyWritten(storage: StorageAdapter, bytes: Uint8Array): Promise<void> {
  const read = await storage.get(INDEX_NAME);
  if (!read || read === 'unchanged' || !sameBytes(read.bytes, bytes)) {
    throw new SyncError('precondition', `Another device wrote to ${storage.where} at the same moment.`);
  }
}

function countRequests(storage: StorageAdapter): { storage: StorageAdapter; count(): number } {
  let count = 0;
  const counted =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) => {
      count++;
      return call(...args);
    };
  return {
    storage: {
      where: storage.where,
      list: counted(() => storage.list()),
      ensureFolder: counted(() => storage.ensureFolder()),
      get: counted((name: string, tag?: string | null) => storage.get(name, tag)),
      put: counted((name: string, bytes: Uint8Array<ArrayBuffer>, c?: Parameters<StorageAdapter['put']>[2]) =>
        storage.put(name, bytes, c),
      ),
      delete: counted((name: string) => storage.delete(name)),
    },
    count: () => count,
  };
}
