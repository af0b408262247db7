/**
 * Derives a slot key from a password with Argon2id: in a module Web Worker where the platform has one, inline
 * where it does not (Node unit tests) or where the worker cannot start (an old browser without module workers).
 */
import { LatchkeyError } from '../core/errors';
import type { KdfReply, KdfRequest } from './argon2';
import { copyBytes, utf8, wipe, type Bytes } from '../core/bytes';
import type { Argon2idKdf } from '../vault/format';
import { checkKdfParams } from '../vault/kdf-params';

/** Thrown inside this module when the worker could not run at all, so that the inline path takes over. */
class WorkerUnavailable extends Error {}

function kdfFailed(memoryKiB: number): LatchkeyError {
  return new LatchkeyError(
    'kdf-failed',
    `Latchkey could not run its password check, which needs ${Math.ceil(memoryKiB / 1024)} MiB of memory. ` +
      'Close other tabs or apps and try again.',
  );
}

async function inline(request: KdfRequest): Promise<Bytes> {
  const { runArgon2id } = await import('./argon2');
  try {
    return await runArgon2id(request);
  } catch {
    throw kdfFailed(request.memoryKiB);
  }
}

function inWorker(request: KdfRequest): Promise<Bytes> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      // Written in exactly this form so that Vite bundles the worker and its lazy hash-wasm chunk.
      worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      reject(new WorkerUnavailable());
      return;
    }
    worker.addEventListener('message', (event: MessageEvent<KdfReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.key);
      else reject(kdfFailed(request.memoryKiB));
    });
    // A script that fails to load or parse (no module workers) reports `error` before any message.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new WorkerUnavailable());
    });
    worker.addEventListener('messageerror', () => {
      worker.terminate();
      reject(kdfFailed(request.memoryKiB));
    });
    // Copied rather than transferred: the inline fallback may still need the request.
    worker.postMessage(request);
  });
}

/**
 * Derives the 32-byte key of a password slot. The caller wipes the result once it has imported it.
 * @throws LatchkeyError 'kdf-params' when the costs are outside the accepted bounds (before any work is done),
 *   'kdf-failed' when the device could not run Argon2id.
 */
export async function deriveSlotKey(password: string, kdf: Argon2idKdf): Promise<Bytes> {
  checkKdfParams(kdf);
  const request: KdfRequest = {
    // NFC, so that the same password typed on another keyboard or system gives the same bytes.
    password: utf8(password.normalize('NFC')),
    salt: copyBytes(kdf.salt),
    memoryKiB: kdf.memoryKiB,
    iterations: kdf.iterations,
    parallelism: kdf.parallelism,
    hashLength: kdf.hashLength,
  };
  return runArgon2idOffThread(request);
}

/**
 * Runs Argon2id in a Worker (inline where none can start) and wipes the request's password bytes. Shared with
 * the file formats (backups, other apps' exports), so no password hashing ever freezes the page.
 */
export async function runArgon2idOffThread(request: KdfRequest): Promise<Bytes> {
  try {
    if (typeof Worker === 'undefined') return await inline(request);
    return await inWorker(request).catch((error: unknown) => {
      if (error instanceof WorkerUnavailable) return inline(request);
      throw error;
    });
  } finally {
    wipe(request.password);
  }
}
