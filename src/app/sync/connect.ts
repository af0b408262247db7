/**
 * Connect (this device's vault goes to a folder) and Join (a new device takes a synced vault), as docs/sync.md
 * describes. Both check the folder first (sync/probe.ts) and say exactly what failed; neither stores anything
 * on this device until the folder has proved usable.
 */
import { LatchkeyError } from '../../core/errors';
import { SyncError } from '../../sync/errors';
import { decodeKeys, encodeKeys, INDEX_NAME, KEYS_NAME, openIndex, slotStamp } from '../../sync/format';
import { probeStorage } from '../../sync/probe';
import type { StorageAdapter } from '../../sync/storage';
import { folderUrl, webDavStorage } from '../../sync/webdav';
import type { MasterKey } from '../../vault/vault';
import type { Session } from '../session/session';
import type { SyncConfig } from '../session/vault-state';
import { loadVault } from '../session/vault-module';

export interface SyncLogin {
  url: string;
  username: string;
  password: string;
}

export type MakeStorage = (login: SyncLogin, conditional?: boolean | null) => StorageAdapter;

/** The WebDAV adapter, its requests made through `fetcher` (the relay frame in the app, plain fetch in Node). */
export function davStorage(fetcher: typeof fetch): MakeStorage {
  return (login) => webDavStorage({ ...login, fetch: fetcher });
}

function checkLogin(login: SyncLogin): SyncLogin {
  const url = folderUrl(login.url).href;
  if (!login.username.trim()) throw new SyncError('unauthorized', 'Enter the username for the server.');
  if (!login.password) throw new SyncError('unauthorized', 'Enter the app password the server gave for Latchkey.');
  return { url, username: login.username.trim(), password: login.password };
}

const foreign = (where: string) =>
  new SyncError(
    'foreign-vault',
    `The folder on ${where} already holds another Latchkey vault. Choose an empty folder, or, on a new device, ` +
      'choose Join a synced vault at first run.',
  );

/** This device's vault goes to the folder (or joins its own copy there again). Returns the config to store. */
export async function connect(session: Session, make: MakeStorage, login: SyncLogin): Promise<SyncConfig> {
  const checked = checkLogin(login);
  const storage = make(checked);
  const { conditional } = await probeStorage(storage);
  const header = await session.header();
  if (!header) throw new LatchkeyError('locked', 'The vault is locked. Unlock it and try again.');
  const keys = await storage.get(KEYS_NAME);
  if (keys && keys !== 'unchanged') {
    // A synced copy is there already: only this vault's own may be taken up again.
    const theirs = decodeKeys(keys.bytes);
    const index = await storage.get(INDEX_NAME);
    if (!index || index === 'unchanged') {
      // A Connect that stopped before the first index: the keys are this vault's if they hold its very slot.
      if (slotStamp(theirs) !== slotStamp(header)) throw foreign(storage.where);
    } else {
      const key = await session.changes.exclusive(async (k) => k);
      await openIndex(key, index.bytes).catch(() => {
        throw foreign(storage.where);
      });
    }
  } else {
    await storage.put(KEYS_NAME, encodeKeys(header), { create: true });
  }
  const config: SyncConfig = { ...checked, conditional, keys: slotStamp(header) };
  await session.changes.fromSync(() => ({ change: { state: { sync: config }, counts: false }, result: undefined }));
  return config;
}

/**
 * First run: takes the synced vault in the folder. The password is checked against the keys object before this
 * device stores anything; then the vault is created here with the same password slot, and unlocked.
 */
export async function join(
  session: Session,
  make: MakeStorage,
  login: SyncLogin,
  vaultPassword: string,
): Promise<SyncConfig> {
  const checked = checkLogin(login);
  const storage = make(checked);
  const { conditional } = await probeStorage(storage);
  const keys = await storage.get(KEYS_NAME);
  if (!keys || keys === 'unchanged') {
    throw new SyncError(
      'no-vault',
      `There is no synced vault in that folder on ${storage.where}. Connect it from the device that has your ` +
        'accounts first (Settings → Sync), or check the address.',
    );
  }
  const header = decodeKeys(keys.bytes);
  const vault = await loadVault();
  let key: MasterKey;
  try {
    key = await vault.unlockVault(header, vaultPassword);
  } catch (error) {
    if (!(error instanceof LatchkeyError && error.code === 'wrong-password')) throw error;
    throw new SyncError('wrong-password', 'That password does not open the synced vault. Try again.');
  }
  const index = await storage.get(INDEX_NAME);
  if (index && index !== 'unchanged') await openIndex(key, index.bytes);
  await session.join(header, vaultPassword);
  const config: SyncConfig = { ...checked, conditional, keys: slotStamp(header) };
  await session.changes.fromSync(() => ({ change: { state: { sync: config }, counts: false }, result: undefined }));
  return config;
}
