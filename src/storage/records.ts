/**
 * The repository: reads and atomic writes of the vault header, settings and sealed records. It stores only what
 * the vault already sealed, and never awaits anything but IndexedDB requests inside a transaction: callers seal
 * first, then write. It takes no cross-tab lock and sends no tab message itself; store.ts adds both.
 */
import { LatchkeyError } from '../core/errors';
// The parsers, not the vault barrel: the storage layer is eager, the vault's crypto is not (rule 7).
import { isSealedRecord, parseHeader } from '../vault/parse';
import type { SealedRecord, VaultHeader } from '../vault/vault';
import type { LatchkeyDb } from './db';
import { toStorageError } from './errors';
import { sameValue } from './same-value';
import type { StoredSettings } from './schema';

export interface WriteBatch {
  /** Records to add or replace. Removals are applied first, so an id in both ends up stored. */
  put?: readonly SealedRecord[];
  remove?: readonly string[];
  /** A new header, stored in the same transaction (creating a vault, changing the password). */
  header?: VaultHeader;
  /**
   * Compare-and-set: the header the caller last read (null for "no vault yet"). When the stored one differs,
   * another tab changed the vault and nothing is written ('reload-needed').
   */
  expectHeader?: VaultHeader | null;
}

export interface VaultRepository {
  /** The stored header as is, or undefined before a vault exists; unlockVault validates it. */
  getHeader(): Promise<VaultHeader | undefined>;
  putHeader(header: VaultHeader): Promise<void>;
  getSettings(): Promise<StoredSettings | undefined>;
  putSettings(settings: object): Promise<void>;
  /** Every stored record, malformed ones included, so that openRecord can report each one as damaged. */
  getAllRecords(): Promise<SealedRecord[]>;
  getRecord(id: string): Promise<SealedRecord | undefined>;
  /** Several records read in one transaction, so they are consistent with each other. */
  getRecords(ids: readonly string[]): Promise<(SealedRecord | undefined)[]>;
  /** One readwrite transaction with strict durability: everything in the batch is stored, or nothing. */
  writeRecords(batch: WriteBatch): Promise<void>;
  /** Removes the header and every record (starting over after a forgotten password); settings stay. */
  deleteVault(): Promise<void>;
}

const isPrimitive = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function plainSettings(settings: object): StoredSettings {
  const entries = Object.entries(settings);
  if (entries.some(([, v]) => !isPrimitive(v))) {
    throw new TypeError('Settings hold primitives only; anything naming an account belongs in a sealed record.');
  }
  return Object.fromEntries(entries) as StoredSettings;
}

/** Reading is lenient: entries that are not primitives (an older build, a tampered store) are dropped. */
function readSettings(stored: unknown): StoredSettings | undefined {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  return Object.fromEntries(Object.entries(stored).filter(([, v]) => isPrimitive(v))) as StoredSettings;
}

function headerConflict(): LatchkeyError {
  return new LatchkeyError(
    'reload-needed',
    'The vault was changed in another tab, so nothing was saved here. Reload this page and try again.',
  );
}

function checkBatch({ put = [], remove = [], header }: WriteBatch): void {
  const bad = put.find((record) => !isSealedRecord(record));
  if (bad !== undefined) throw new TypeError('Only sealed records can be stored; nothing was written.');
  if (remove.some((id) => typeof id !== 'string')) throw new TypeError('Record ids to remove must be strings.');
  // Never store a header this version could not read back.
  if (header) parseHeader(header);
}

/** Records put per task of a write (each put clones its record on the page's thread). */
const WRITE_SLICE = 500;

export function createRepository(db: LatchkeyDb): VaultRepository {
  /** Runs one readwrite transaction over both stores; any failure aborts it, leaving the previous state. */
  async function transact(body: (tx: ReturnType<typeof open>) => Promise<unknown>): Promise<void> {
    let tx: ReturnType<typeof open> | undefined;
    try {
      tx = open();
      const done = tx.done;
      // Marked as handled at once: an abort may settle it while the body is still awaiting its own requests.
      done.catch(() => undefined);
      await body(tx);
      await done;
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already committed or aborted: nothing more to undo.
      }
      await tx?.done.catch(() => undefined);
      throw toStorageError(error);
    }
  }

  async function writeRecords(batch: WriteBatch): Promise<void> {
    checkBatch(batch);
    await transact(async (tx) => {
      const meta = tx.objectStore('meta');
      if (batch.expectHeader !== undefined) {
        const current = (await meta.get('header')) ?? null;
        if (!sameValue(current, batch.expectHeader)) throw headerConflict();
      }
      const records = tx.objectStore('records');
      const requests: Promise<unknown>[] = [];
      // Each request is marked handled as it is made: if a later put throws, the abort rejects the earlier ones.
      const track = (request: Promise<unknown>) => {
        request.catch(() => undefined);
        requests.push(request);
        return request;
      };
      for (const id of batch.remove ?? []) void track(records.delete(id));
      if (batch.header) void track(meta.put(batch.header, 'header'));
      // A large batch is put a slice at a time: the next slice is asked for when the last finishes, still in
      // this one transaction (all or nothing), while the page handles input and draws in between.
      const put = batch.put ?? [];
      for (let i = 0; i < put.length; i += WRITE_SLICE) {
        const slice = put.slice(i, i + WRITE_SLICE).map((record) => track(records.put(record)));
        await Promise.all(slice);
      }
      await Promise.all(requests);
    });
  }

  function open() {
    return db.transaction(['records', 'meta'], 'readwrite', { durability: 'strict' });
  }

  return {
    async getHeader() {
      return (await db.get('meta', 'header')) as VaultHeader | undefined;
    },
    putHeader(header) {
      return writeRecords({ header });
    },
    async getSettings() {
      const stored = await db.get('meta', 'settings');
      return readSettings(stored);
    },
    async putSettings(settings) {
      const plain = plainSettings(settings);
      return transact((tx) => tx.objectStore('meta').put(plain, 'settings'));
    },
    getAllRecords() {
      return db.getAll('records');
    },
    getRecord(id) {
      return db.get('records', id);
    },
    async getRecords(ids) {
      const store = db.transaction('records').store;
      return Promise.all(ids.map((id) => store.get(id)));
    },
    writeRecords,
    deleteVault() {
      return transact((tx) =>
        Promise.all([tx.objectStore('records').clear(), tx.objectStore('meta').delete('header')]),
      );
    },
  };
}
