import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { DB_VERSION, MIGRATIONS, openLatchkeyDb, type Migration } from '../../../src/storage/db';
import { createRepository } from '../../../src/storage/records';
import { freshIndexedDb, sealMany, settle, testMasterKey } from './fixtures';
import { expectRefusal } from '../vault/fixtures';

beforeEach(() => {
  freshIndexedDb();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('migrations', () => {
  it('creates version 1 from an empty database: meta by explicit key, records by id', async () => {
    const db = await openLatchkeyDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'records']);
    const tx = db.transaction(['meta', 'records']);
    expect(tx.objectStore('records').keyPath).toBe('id');
    expect(tx.objectStore('meta').keyPath).toBeNull();
    db.close();
  });

  it('keeps the data when the database is opened again', async () => {
    const first = await openLatchkeyDb();
    await createRepository(first).writeRecords({ put: await sealMany(await testMasterKey(), 3, 'kept') });
    first.close();
    const again = await openLatchkeyDb();
    expect(await createRepository(again).getAllRecords()).toHaveLength(3);
    again.close();
  });

  it('runs only the missing migrations when upgrading', async () => {
    (await openLatchkeyDb()).close();
    const seen: number[] = [];
    const v2: Migration = (db) => {
      seen.push(db.version);
      db.createObjectStore('records-v2' as 'records');
    };
    const db = await openLatchkeyDb({ migrations: [...MIGRATIONS, v2] });
    expect(seen).toEqual([2]);
    expect(db.version).toBe(2);
    db.close();
  });

  it('rolls a failing upgrade back entirely, leaving version 1 and its data untouched', async () => {
    const v1 = await openLatchkeyDb();
    await createRepository(v1).writeRecords({ put: await sealMany(await testMasterKey(), 5, 'safe') });
    v1.close();
    const broken: Migration = (_db, tx) => {
      tx.objectStore('records')
        .clear()
        .catch(() => undefined);
      throw new Error('simulated bug in a migration');
    };
    const error = await expectRefusal(openLatchkeyDb({ migrations: [...MIGRATIONS, broken] }), 'storage-unavailable');
    expect(error.message).toMatch(/left it unchanged/);
    const reopened = await openLatchkeyDb();
    expect(reopened.version).toBe(1);
    expect(await createRepository(reopened).getAllRecords()).toHaveLength(5);
    reopened.close();
  });
});

describe('open failures', () => {
  it('says a newer version in another tab needs a reload', async () => {
    (await openLatchkeyDb({ migrations: [...MIGRATIONS, () => undefined] })).close();
    await expectRefusal(openLatchkeyDb(), 'reload-needed');
  });

  it.each([
    ['there is no IndexedDB at all', () => vi.stubGlobal('indexedDB', undefined)],
    [
      'open throws InvalidStateError (Firefox private windows)',
      () =>
        vi.spyOn(indexedDB, 'open').mockImplementation(() => {
          throw new DOMException('private', 'InvalidStateError');
        }),
    ],
    [
      'open fails with UnknownError (Safari)',
      () =>
        vi.spyOn(indexedDB, 'open').mockImplementation(() => {
          throw new DOMException('disk', 'UnknownError');
        }),
    ],
  ])('refuses when %s, with what to do', async (_name, breakIt) => {
    breakIt();
    const error = await expectRefusal(openLatchkeyDb(), 'storage-unavailable');
    expect(error.message).toMatch(/does not let Latchkey store data here.*normal window/);
  });
});

describe('connection lifecycle', () => {
  it('closes and tells the UI when another tab needs a newer version, without blocking that tab', async () => {
    const onBlocking = vi.fn();
    const old = await openLatchkeyDb({ onBlocking });
    const newer = await openLatchkeyDb({ migrations: [...MIGRATIONS, () => undefined] });
    expect(onBlocking).toHaveBeenCalledOnce();
    expect(newer.version).toBe(2);
    await expectRefusal(createRepository(old).writeRecords({ remove: ['x'] }), 'reload-needed');
    newer.close();
  });

  it('reports a connection the browser closed', async () => {
    const onTerminated = vi.fn();
    const db = await openLatchkeyDb({ onTerminated });
    // fake-indexeddb types this parameter as the IDBDatabase constructor; it takes a connection.
    forceCloseDatabase(unwrap(db) as never);
    await settle();
    expect(onTerminated).toHaveBeenCalledOnce();
  });
});
