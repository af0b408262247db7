/**
 * Persistent storage keeps the browser from evicting the vault under storage pressure (which, for an
 * authenticator, would lock the user out of their accounts). Chromium grants it silently based on engagement or
 * installation; Firefox asks the user; Safari grants it to installed web apps.
 */
export type PersistenceResult = 'granted' | 'denied' | 'unsupported';
/** 'best-effort' is the Storage Standard's name for a bucket the browser may evict. */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

function defaultStorage(): StorageManager | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

export async function requestPersistence(storage = defaultStorage()): Promise<PersistenceResult> {
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // Some embedded browsers reject instead of answering false.
    return 'denied';
  }
}

export async function persistenceState(storage = defaultStorage()): Promise<PersistenceState> {
  if (typeof storage?.persisted !== 'function') return 'unsupported';
  try {
    return (await storage.persisted()) ? 'persisted' : 'best-effort';
  } catch {
    return 'unsupported';
  }
}

/** Bytes used and available to this origin, for a settings screen; null where the browser does not say. */
export async function storageEstimate(storage = defaultStorage()): Promise<{ usage: number; quota: number } | null> {
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}
