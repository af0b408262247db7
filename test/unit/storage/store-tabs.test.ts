import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { persistenceState, requestPersistence, storageEstimate } from '../../../src/storage/persistence';
import { openVaultStore, type VaultStore } from '../../../src/storage/store';
import {
  announce,
  CHANNEL_NAME,
  closeTabChannel,
  LOCK_NAME,
  onTabMessage,
  withVaultLock,
  type TabMessage,
} from '../../../src/storage/tabs';
import { createVault, FLOOR_KDF } from '../../../src/vault/vault';
import { MIGRATIONS, openLatchkeyDb } from '../../../src/storage/db';
import { freshIndexedDb, sealMany, settle, testMasterKey } from './fixtures';

/** A LockManager that grants one holder at a time, in request order, and remembers what was asked. */
function fakeLocks() {
  const requests: { name: string; mode: unknown }[] = [];
  let tail: Promise<unknown> = Promise.resolve();
  const locks = {
    request(name: string, options: { mode: unknown }, callback: () => Promise<unknown>) {
      requests.push({ name, mode: options.mode });
      const run = tail.then(callback);
      tail = run.catch(() => undefined);
      return run;
    },
  };
  return { locks: locks as unknown as LockManager, requests };
}

/** Another tab: its own BroadcastChannel instance on the same name. */
function otherTab() {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  const received: unknown[] = [];
  channel.onmessage = (event) => received.push(event.data);
  return { channel, received };
}

afterEach(() => {
  closeTabChannel();
  vi.unstubAllGlobals();
});

describe('withVaultLock', () => {
  it('runs the function directly where Web Locks are missing', async () => {
    expect(await withVaultLock(() => 42, undefined)).toBe(42);
  });

  it('holds the exclusive latchkey-vault lock, one writer at a time', async () => {
    const { locks, requests } = fakeLocks();
    const order: string[] = [];
    const slow = withVaultLock(async () => {
      order.push('a start');
      await settle(10);
      order.push('a end');
    }, locks);
    const fast = withVaultLock(() => order.push('b'), locks);
    await Promise.all([slow, fast]);
    expect(order).toEqual(['a start', 'a end', 'b']);
    expect(requests).toEqual([
      { name: LOCK_NAME, mode: 'exclusive' },
      { name: LOCK_NAME, mode: 'exclusive' },
    ]);
  });

  it('passes a failure through and frees the lock', async () => {
    const { locks } = fakeLocks();
    await expect(withVaultLock(() => Promise.reject(new Error('boom')), locks)).rejects.toThrow('boom');
    expect(await withVaultLock(() => 'next', locks)).toBe('next');
  });

  it('uses navigator.locks by default', async () => {
    const { locks, requests } = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    await withVaultLock(() => undefined);
    expect(requests).toHaveLength(1);
  });
});

describe('tab messages', () => {
  it('announces to other tabs, carrying nothing but the type', async () => {
    const other = otherTab();
    announce({ type: 'records-changed', secret: 'JBSWY3DP' } as TabMessage);
    await settle();
    expect(other.received).toEqual([{ type: 'records-changed' }]);
    other.channel.close();
  });

  it('hears other tabs, ignores malformed messages and its own, and unsubscribes', async () => {
    const heard: TabMessage[] = [];
    const unsubscribe = onTabMessage((m) => heard.push(m));
    const other = otherTab();
    for (const data of [
      { type: 'header-changed' },
      { type: 'evil' },
      { type: 'settings-changed', label: 'Bank' },
      'records-changed',
      null,
    ]) {
      other.channel.postMessage(data);
    }
    announce({ type: 'records-changed' });
    await settle();
    expect(heard).toEqual([{ type: 'header-changed' }]);
    unsubscribe();
    other.channel.postMessage({ type: 'settings-changed' });
    await settle();
    expect(heard).toHaveLength(1);
    other.channel.close();
  });
});

describe('persistence', () => {
  /** A StorageManager whose persist() and persisted() give `answer`, made lazily so a rejection exists only on use. */
  const manager = (answer: () => Promise<boolean>) =>
    ({
      persist: answer,
      persisted: answer,
      estimate: async () => ({ usage: 10, quota: 100 }),
    }) as unknown as StorageManager;
  const granted = manager(() => Promise.resolve(true));
  const refused = manager(() => Promise.resolve(false));
  const broken = manager(() => Promise.reject(new Error('no')));

  it.each([
    ['granted', 'granted', granted],
    ['refused', 'denied', refused],
    ['a rejection', 'denied', broken],
    ['no storage manager', 'unsupported', undefined],
    ['no persist()', 'unsupported', {} as StorageManager],
  ])('requestPersistence reports %s as %s', async (_name, expected, storage) => {
    expect(await requestPersistence(storage)).toBe(expected);
  });

  it.each([
    ['persisted', 'persisted', granted],
    ['evictable', 'best-effort', refused],
    ['a rejection', 'unsupported', broken],
    ['no storage manager', 'unsupported', undefined],
  ])('persistenceState reports %s as %s', async (_name, expected, storage) => {
    expect(await persistenceState(storage)).toBe(expected);
  });

  it('reads navigator.storage by default and gives the estimate', async () => {
    vi.stubGlobal('navigator', { storage: granted });
    expect(await requestPersistence()).toBe('granted');
    expect(await storageEstimate()).toEqual({ usage: 10, quota: 100 });
    expect(await storageEstimate({} as StorageManager)).toBeNull();
  });
});

describe('the store facade', () => {
  let store: VaultStore;
  beforeEach(async () => {
    freshIndexedDb();
    store = await openVaultStore();
  });
  afterEach(() => store.close());

  it('writes under the lock, then tells other tabs what changed', async () => {
    const { locks, requests } = fakeLocks();
    vi.stubGlobal('navigator', { locks });
    const other = otherTab();
    const { header, masterKey } = await createVault('pw', { kdf: FLOOR_KDF });
    await store.write({ header, expectHeader: null, put: await sealMany(masterKey, 2, 'a') });
    await store.putSettings({ theme: 'dark' });
    await store.write({ remove: ['acct:0'] });
    await settle();
    expect(requests).toHaveLength(3);
    expect(other.received).toEqual([
      { type: 'header-changed' },
      { type: 'records-changed' },
      { type: 'settings-changed' },
      { type: 'records-changed' },
    ]);
    expect(await store.getAllRecords()).toHaveLength(1);
    other.channel.close();
  });

  it('announces nothing when a write fails', async () => {
    const other = otherTab();
    const bad = { ...(await sealMany(await testMasterKey(), 1, 'x'))[0]!, v: 9 as 1 };
    await expect(store.write({ put: [bad] })).rejects.toThrow(TypeError);
    await settle();
    expect(other.received).toEqual([]);
    other.channel.close();
  });

  it('tells listeners, even late ones, when a newer version takes over', async () => {
    const early = vi.fn();
    store.onBlocked(early);
    (await openLatchkeyDb({ migrations: [...MIGRATIONS, () => undefined] })).close();
    const late = vi.fn();
    store.onBlocked(late);
    expect(early).toHaveBeenCalledOnce();
    expect(late).toHaveBeenCalledOnce();
  });

  it('passes other tabs’ changes to onChange', async () => {
    const seen: string[] = [];
    const off = store.onChange((type) => seen.push(type));
    const other = otherTab();
    other.channel.postMessage({ type: 'settings-changed' });
    await settle();
    off();
    expect(seen).toEqual(['settings-changed']);
    other.channel.close();
  });
});
