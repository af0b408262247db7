/**
 * Runs key derivations in a module Web Worker (docs/architecture.md, rule 8): inline only where no worker can start
 * (Node unit tests, an old browser without module workers). A job can be cancelled: the worker is terminated at
 * once, which a WebAssembly loop in progress would not otherwise allow.
 */
import { runKdfJob, jobCopy, type KdfJob, type KdfOutput, type KdfReply } from './kdf-jobs';
import { wipe, type Bytes } from '../core/bytes';

export type { KdfJob, KdfOutput } from './kdf-jobs';

/** The device could not run the derivation (usually: not enough memory). Callers say so in their own words. */
export class KdfFailed extends Error {
  override readonly name = 'KdfFailed';
}

/** Thrown inside this module when the worker could not run at all, so that the inline path takes over. */
class WorkerUnavailable extends Error {}

export interface KdfOptions {
  /** Aborting terminates the worker; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

async function inline(job: KdfJob): Promise<Bytes | string | boolean> {
  try {
    return await runKdfJob(job);
  } catch {
    throw new KdfFailed();
  }
}
function inWorker(job: KdfJob, signal: AbortSignal | undefined): Promise<Bytes | string | boolean> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      // Written in exactly this form so that Vite bundles the worker and its lazy hash-wasm chunk.
      worker = new Worker(new URL('./kdf.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      reject(new WorkerUnavailable());
      return;
    }
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      stop();
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<KdfReply>) => {
      stop();
      if (event.data.ok) resolve(event.data.output);
      else reject(new KdfFailed());
    });
    // A script that fails to load or parse (no module workers) reports `error` before any message.
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      stop();
      reject(new WorkerUnavailable());
    });
    worker.addEventListener('messageerror', () => {
      stop();
      reject(new KdfFailed());
    });
    worker.postMessage(jobCopy(job));
  });
}

/**
 * Runs one derivation off the main thread and wipes the job's password bytes whatever happens.
 * @throws KdfFailed when the device cannot run it; the signal's reason when cancelled.
 */
export async function runKdf<J extends KdfJob>(job: J, options: KdfOptions = {}): Promise<KdfOutput<J>> {
  const { signal } = options;
  try {
    signal?.throwIfAborted();
    if (typeof Worker === 'undefined') return (await inline(job)) as KdfOutput<J>;
    const output = await inWorker(job, signal).catch((error: unknown) => {
      if (error instanceof WorkerUnavailable) return inline(job);
      throw error;
    });
    return output as KdfOutput<J>;
  } finally {
    wipe(job.password);
  }
}
