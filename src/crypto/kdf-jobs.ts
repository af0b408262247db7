/**
 * Every password-based key derivation Latchkey runs, as plain data: the page sends a job to the KDF worker
 * (kdf.ts), which runs it with `runKdfJob` and replies. Passwords travel as UTF-8 bytes, so the worker does no
 * string handling, and are wiped once used. Costs are checked by the caller (the vault, or the format that read
 * them from a file) before a job is made.
 */
import { copyBytes, wipe, type Bytes } from '../core/bytes';
import { argon2idBytes, argon2idPhc, argon2VerifyPhc, scryptBytes, type Argon2Costs } from './hash-wasm';

export type KdfJob =
  | ({ kind: 'argon2id'; password: Bytes; salt: Bytes } & Argon2Costs)
  /** The PHC string instead of the raw key (what argon2-browser calls `encoded`). */
  | ({ kind: 'argon2id-phc'; password: Bytes; salt: Bytes } & Argon2Costs)
  /** Whether the password matches a PHC Argon2 string a file stores. */
  | { kind: 'argon2-verify'; password: Bytes; phc: string }
  | { kind: 'scrypt'; password: Bytes; salt: Bytes; n: number; r: number; p: number; hashLength: number }
  | {
      kind: 'pbkdf2';
      password: Bytes;
      salt: Bytes;
      iterations: number;
      hash: 'SHA-1' | 'SHA-256';
      hashLength: number;
    };

/** What each kind of job gives back. */
export type KdfOutput<J extends KdfJob> = J extends { kind: 'argon2id-phc' }
  ? string
  : J extends { kind: 'argon2-verify' }
    ? boolean
    : Bytes;

export type KdfReply = { ok: true; output: Bytes | string | boolean } | { ok: false };

async function pbkdf2Bytes(job: Extract<KdfJob, { kind: 'pbkdf2' }>): Promise<Bytes> {
  const base = await crypto.subtle.importKey('raw', job.password, 'PBKDF2', false, ['deriveBits']);
  const params = { name: 'PBKDF2', salt: job.salt, iterations: job.iterations, hash: job.hash };
  return new Uint8Array(await crypto.subtle.deriveBits(params, base, job.hashLength * 8));
}

/** Runs a job where it is called (inside the worker, or inline where no worker can start) and wipes its password. */
export async function runKdfJob(job: KdfJob): Promise<Bytes | string | boolean> {
  try {
    switch (job.kind) {
      case 'argon2id':
        return await argon2idBytes(job.password, job.salt, job);
      case 'argon2id-phc':
        return await argon2idPhc(job.password, job.salt, job);
      case 'argon2-verify':
        return await argon2VerifyPhc(job.password, job.phc);
      case 'scrypt':
        return await scryptBytes(job.password, job.salt, job);
      case 'pbkdf2':
        return await pbkdf2Bytes(job);
    }
  } finally {
    wipe(job.password);
  }
}

/** A copy of the job for a worker: postMessage copies it, and the inline fallback may still need the original. */
export function jobCopy(job: KdfJob): KdfJob {
  return { ...job, password: copyBytes(job.password) };
}
