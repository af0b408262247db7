/** Helpers of the storage tests: a fresh in-memory IndexedDB per test, and sealed records without Argon2id. */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { vi } from 'vitest';
import { importMasterKey, sealRecord, type MasterKey, type SealedRecord } from '../../../src/vault/vault';

export function freshIndexedDb(): IDBFactory {
  const factory = new IDBFactory();
  vi.stubGlobal('indexedDB', factory);
  return factory;
}

/** A master key straight from WebCrypto: the storage layer only ever sees what it seals. */
export function testMasterKey(): Promise<MasterKey> {
  return importMasterKey(crypto.getRandomValues(new Uint8Array(32)));
}

export function sealMany(key: MasterKey, count: number, tag: string): Promise<SealedRecord[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      sealRecord(key, `acct:${i}`, { issuer: `${tag} ${i}`, secret: 'JBSWY3DP' }),
    ),
  );
}

/** Waits for queued IndexedDB and BroadcastChannel tasks to run. */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
