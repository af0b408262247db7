/**
 * Connect's check of a folder before anything is stored there: it can be made (MKCOL) and listed (PROPFIND), an
 * object can be written, read back byte for byte and deleted, and whether the server honours conditional writes
 * (If-None-Match: * on an object that exists, If-Match with a tag that is not the object's: both must be 412).
 * Each step that fails says what failed (the adapter's SyncError, with the step in it).
 */
import { secureRandom, sameBytes, type RandomSource } from '../core/bytes';
import { bytesToHex } from '../core/encoding';
import { isSyncError, SyncError } from './errors';
import type { StorageAdapter } from './storage';

export interface ProbeResult {
  /** Whether a write with a condition that does not hold was refused (412), as sync relies on. */
  conditional: boolean;
}

async function refusedWith412(write: Promise<unknown>): Promise<boolean> {
  try {
    await write;
    return false;
  } catch (error) {
    if (isSyncError(error, 'precondition')) return true;
    throw error;
  }
}

export async function probeStorage(storage: StorageAdapter, random: RandomSource = secureRandom): Promise<ProbeResult> {
  await storage.ensureFolder();
  await storage.list();
  const name = `latchkey-probe-${bytesToHex(random(8))}`;
  const bytes = random(64);
  await storage.put(name, bytes, { create: true });
  try {
    const read = await storage.get(name);
    if (!read || read === 'unchanged' || !sameBytes(read.bytes, bytes)) {
      throw new SyncError(
        'changed-bytes',
        `${storage.where} gave back other bytes than Latchkey wrote. It cannot be used for sync.`,
      );
    }
    const createRefused = await refusedWith412(storage.put(name, bytes, { create: true }));
    const matchRefused = await refusedWith412(storage.put(name, bytes, { ifMatch: '"latchkey-no-such-tag"' }));
    return { conditional: createRefused && matchRefused };
  } finally {
    await storage.delete(name).catch(() => undefined);
  }
}
