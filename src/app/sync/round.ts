/**
 * One sync round (docs/sync.md, "A round"): read the synced index, merge it with this device's copy account by
 * account (round-merge.ts) in a read-modify-write under the cross-tab lock (changes.fromSync, rule 3), upload what
 * this device has newer, write the index conditionally, and mark what went up as agreed. The network is never
 * used while the lock is held: objects the merge needs are fetched first, and the merge runs again if it needs
 * more. A 412 on the index (another device wrote meanwhile) means: read, merge and upload again.
 */
import type { Account, AccountId } from '../../core/account';
import { sameBytes } from '../../core/bytes';
import { isSyncError, SyncError } from '../../sync/errors';
import { encodeKeys, INDEX_NAME, KEYS_NAME, newObjectName, sealAccount, sealIndex, slotStamp } from '../../sync/format';
import { hlcTime, ZERO_HLC, type Hlc } from '../../sync/hlc';
import type { StorageAdapter } from '../../sync/storage';
import type { VaultHeader } from '../../vault/vault';
import type { VaultChanges } from '../session/changes';
import { TOMBSTONE_MS } from '../session/clocks';
import type { VaultCopy } from '../session/vault-copy';
import type { SyncConfig } from '../session/vault-state';
import { hotpCounter, merge, type Fetched, type Merged } from './round-merge';

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
