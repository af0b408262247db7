import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { unwrap } from 'idb';
import { openLatchkeyDb, type LatchkeyDb } from '../../../src/storage/db';
import { QUOTA_MESSAGE } from '../../../src/storage/errors';
import { createRepository, type VaultRepository } from '../../../src/storage/records';
import {
  changePassword,
  createVault,
  FLOOR_KDF,
  openRecord,
  type MasterKey,
  type VaultHeader,
} from '../../../src/vault/vault';
import { freshIndexedDb, sealMany } from './fixtures';
import { expectRefusal } from '../vault/fixtures';
import { b32 } from '../../support/brands';

let header: VaultHeader;
let key: MasterKey;
let db: LatchkeyDb;
let repo: VaultRepository;

beforeAll(async () => {
  ({ header, masterKey: key } = await createVault('pw', { kdf: FLOOR_KDF }));
});

beforeEach(async () => {
  freshIndexedDb();
  db = await openLatchkeyDb();
  repo = createRepository(db);
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

/** What is stored, in a form that compares by value: id to issuer. */
async function storedIssuers(): Promise<Record<string, unknown>> {
  const records = await repo.getAllRecords();
  const opened = await Promise.all(
    records.map(async (r) => [r.id, ((await openRecord(key, r)) as { issuer: string }).issuer]),
  );
  return Object.fromEntries(opened);
}

async function seedTwoHundred(): Promise<Record<string, unknown>> {
  await repo.writeRecords({ header, put: await sealMany(key, 200, 'old') });
  return storedIssuers();
}

describe('repository reads and writes', () => {
  it('starts empty', async () => {
    expect(await repo.getHeader()).toBeUndefined();
    expect(await repo.getSettings()).toBeUndefined();
    expect(await repo.getAllRecords()).toEqual([]);
  });

  it('stores the header and records as bytes, not Base64, and gives them back', async () => {
    const [record] = await sealMany(key, 1, 'Example');
    await repo.writeRecords({ header, put: [record!] });
    const stored = await repo.getRecord('acct:0');
    expect(stored?.data).toBeInstanceOf(Uint8Array);
    expect(await openRecord(key, stored!)).toEqual({ issuer: 'Example 0', secret: b32('JBSWY3DP') });
    expect(await repo.getHeader()).toEqual(header);
  });

  it('applies removals and puts of one batch together', async () => {
    await seedTwoHundred();
    const [replacement] = await sealMany(key, 1, 'new');
    await repo.writeRecords({ put: [replacement!], remove: ['acct:0', 'acct:1', 'acct:2'] });
    const issuers = await storedIssuers();
    expect(Object.keys(issuers)).toHaveLength(198);
    expect(issuers['acct:0']).toBe('new 0');
    expect(issuers['acct:1']).toBeUndefined();
  });

  it('keeps settings plain and refuses anything but primitives', async () => {
    await repo.putSettings({ autoLockMinutes: 5, theme: 'dark', tapToReveal: false, note: null });
    expect(await repo.getSettings()).toEqual({ autoLockMinutes: 5, theme: 'dark', tapToReveal: false, note: null });
    await expect(repo.putSettings({ groups: ['Work'] })).rejects.toThrow(TypeError);
    expect((await repo.getSettings())?.theme).toBe('dark');
  });

  it('drops anything but primitives when reading settings written elsewhere', async () => {
    await db.put('meta', { theme: 'light', labels: ['Bank'] } as never, 'settings');
    expect(await repo.getSettings()).toEqual({ theme: 'light' });
    await db.put('meta', ['not', 'settings'] as never, 'settings');
    expect(await repo.getSettings()).toBeUndefined();
  });

  it('deletes the vault but keeps settings', async () => {
    await seedTwoHundred();
    await repo.putSettings({ theme: 'dark' });
    await repo.deleteVault();
    expect(await repo.getHeader()).toBeUndefined();
    expect(await repo.getAllRecords()).toEqual([]);
    expect(await repo.getSettings()).toEqual({ theme: 'dark' });
  });

  it('refuses to store a header it could not read back', async () => {
    await expectRefusal(repo.putHeader({ version: 2 } as unknown as VaultHeader), 'bad-header');
    expect(await repo.getHeader()).toBeUndefined();
  });
});

describe('a batch of 200 records is all or nothing', () => {
  it('writes nothing when one record in the batch is not sealed', async () => {
    const before = await seedTwoHundred();
    const batch = await sealMany(key, 200, 'new');
    batch[150] = { ...batch[150]!, nonce: new Uint8Array(3) };
    await expect(repo.writeRecords({ put: batch })).rejects.toThrow(TypeError);
    expect(await storedIssuers()).toEqual(before);
  });

  /** Makes the native put throw on its nth call, after n-1 puts were already queued in the transaction. */
  function failPutAt(n: number, name: string) {
    let calls = 0;
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (++calls === n) throw new DOMException('simulated', name);
      return put.apply(this, args);
    });
  }

  /**
   * Makes the nth stored record fail inside IndexedDB, as a full disk does: the request errors asynchronously and
   * the browser aborts the transaction. Reaches into fake-indexeddb's record store, which only tests may do.
   */
  function failStoreAt(n: number, name: string) {
    const native = unwrap(db).transaction('records').objectStore('records') as unknown as { _rawObjectStore: object };
    const rawStore = Object.getPrototypeOf(native._rawObjectStore) as { storeRecord: (...a: unknown[]) => unknown };
    const original = rawStore.storeRecord;
    let calls = 0;
    vi.spyOn(rawStore, 'storeRecord').mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (++calls === n) throw new DOMException('simulated', name);
      return original.apply(this, args);
    });
  }

  it.each([
    ['a put that throws QuotaExceededError', () => failPutAt(150, 'QuotaExceededError'), 'quota-exceeded'],
    ['a disk that fills up mid-transaction', () => failStoreAt(150, 'QuotaExceededError'), 'quota-exceeded'],
    ['a put that throws UnknownError', () => failPutAt(150, 'UnknownError'), 'storage-unavailable'],
    ['an internal error mid-transaction', () => failStoreAt(150, 'UnknownError'), 'storage-unavailable'],
  ] as const)('%s leaves the previous 200 records and header intact', async (_name, sabotage, code) => {
    const before = await seedTwoHundred();
    const [slot] = header.slots;
    const newHeader = await changePassword(header, 'pw', 'new', { kdf: FLOOR_KDF });
    const batch = await sealMany(key, 200, 'new');
    sabotage();
    const error = await expectRefusal(repo.writeRecords({ put: batch, remove: ['acct:199'], header: newHeader }), code);
    if (code === 'quota-exceeded') expect(error.message).toBe(QUOTA_MESSAGE);
    vi.restoreAllMocks();
    expect(await storedIssuers()).toEqual(before);
    expect((await repo.getHeader())?.slots[0]?.wrapped).toEqual(slot?.wrapped);
  });
});

describe('compare-and-set on the header', () => {
  it('creates a vault only where none exists', async () => {
    await repo.writeRecords({ header, expectHeader: null });
    const other = await createVault('other', { kdf: FLOOR_KDF });
    await expectRefusal(repo.writeRecords({ header: other.header, expectHeader: null }), 'reload-needed');
    expect(await repo.getHeader()).toEqual(header);
  });

  it('changes the password only over the header it was derived from', async () => {
    await repo.writeRecords({ header });
    const first = await changePassword(header, 'pw', 'first', { kdf: FLOOR_KDF });
    const second = await changePassword(header, 'pw', 'second', { kdf: FLOOR_KDF });
    await repo.writeRecords({ header: first, expectHeader: header });
    await expectRefusal(repo.writeRecords({ header: second, expectHeader: header }), 'reload-needed');
    expect(await repo.getHeader()).toEqual(first);
  });
});

describe('a closed connection', () => {
  it('refuses writes with reload-needed', async () => {
    db.close();
    await expectRefusal(repo.writeRecords({ put: await sealMany(key, 1, 'x') }), 'reload-needed');
  });
});
