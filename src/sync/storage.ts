/**
 * The storage a synced copy lives in, as sync needs it: a flat folder of named objects with entity tags. WebDAV
 * (webdav.ts) is the one built; an S3-compatible adapter would implement the same interface (S3 has conditional
 * PUTs, ETags and listing too).
 */

/** An object as read: its bytes, and the entity tag the server gave it (null when it gave none). */
export interface StoredObject {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string | null;
}

export interface ListedObject {
  name: string;
  etag: string | null;
  /** When the server last wrote it (ms), if it says. */
  modifiedAt: number | null;
  size: number | null;
}

/**
 * A condition on a write: `ifMatch` writes only over that version (If-Match), `create` only where there is
 * nothing yet (If-None-Match: *). A server that honours them answers 412 otherwise (SyncError 'precondition');
 * one that ignores them just writes (Connect finds out which: probe.ts).
 */
export type WriteCondition = { ifMatch: string } | { create: true };

export interface StorageAdapter {
  /** Where the objects are, for messages: "dav.example.com". */
  readonly where: string;
  /** Every object in the folder. @throws SyncError ('not-found' when the folder does not exist). */
  list(): Promise<ListedObject[]>;
  /** Makes the folder when it does not exist. */
  ensureFolder(): Promise<void>;
  /** The object, null when there is none, or 'unchanged' when it still has the tag `ifNoneMatch`. */
  get(name: string, ifNoneMatch?: string | null): Promise<StoredObject | null | 'unchanged'>;
  /** Writes an object; returns its new tag when the server says (many do not: read it back). */
  put(name: string, bytes: Uint8Array<ArrayBuffer>, condition?: WriteCondition): Promise<string | null>;
  /** Deletes an object; one already gone is fine. */
  delete(name: string): Promise<void>;
}

/** Object names sync writes: lower-case letters, digits, dots and dashes, so no URL ever needs escaping. */
export const OBJECT_NAME = /^[a-z0-9][a-z0-9.-]{0,127}$/;
