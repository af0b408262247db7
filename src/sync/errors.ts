/**
 * What can go wrong with the synced copy, each with a sentence that says what happened and what to do (rule 5).
 * The status line shows these; Connect and Join show them as alerts.
 */
import { LatchkeyError } from '../core/errors';

export type SyncProblem =
  /** The device has no network. */
  | 'offline'
  /** No answer from the server (stopped, wrong address, no network route, or too slow). */
  | 'unreachable'
  /** The server answered, but does not allow this app's origin (CORS). */
  | 'cors'
  | 'unauthorized'
  | 'forbidden'
  /** The folder (or the synced copy in it) does not exist. */
  | 'not-found'
  /** The address answers, but not as a WebDAV folder. */
  | 'not-webdav'
  /** A conditional write found the object changed (412): re-read, merge, retry. */
  | 'precondition'
  | 'insufficient-storage'
  | 'too-large'
  /** The server failed (5xx) or answered something unexpected. */
  | 'server'
  /** The connection broke in the middle of a sync, after part of it was done. */
  | 'interrupted'
  /** The server gave back other bytes than were written (Connect's check). */
  | 'changed-bytes'
  /** Other devices kept writing at the same moment, round after round. */
  | 'busy'
  /** Something in the synced copy does not decrypt or does not match: changed outside Latchkey. */
  | 'tampered'
  /** The folder holds a Latchkey vault this one's key cannot open. */
  | 'foreign-vault'
  /** The folder holds no synced vault (joining). */
  | 'no-vault'
  /** The password does not open the synced vault (joining). */
  | 'wrong-password';

export class SyncError extends LatchkeyError {
  constructor(
    readonly problem: SyncProblem,
    message: string,
    readonly status: number | null = null,
  ) {
    super('sync-failed', message, { problem, status });
  }
}

export function isSyncError(error: unknown, problem?: SyncProblem): error is SyncError {
  return error instanceof SyncError && (problem === undefined || error.problem === problem);
}

/** Problems another try may get past by itself (the network, a busy or failing server). */
export const PASSING: ReadonlySet<SyncProblem> = new Set(['offline', 'unreachable', 'server', 'interrupted', 'busy']);
