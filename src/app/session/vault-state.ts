import type { AccountId } from '../../core/account';
import type { VaultCopy } from './vault-copy';
import type { SecureSettings, SortMode } from '../settings';
import { ZERO_HLC, type Hlc } from '../../sync/stamp';

/**
 * Vault-wide data, sealed like an account (it names groups and accounts) and stored as one record. It is also
 * the vault's table of contents: which account records exist and at which revision each was written, so that a
 * record deleted, or replaced by an older copy, outside Latchkey is noticed (docs/vault-format.md).
 */
export const STATE_ID = 'state';

/**
 * A list longer than FIRST_SCREEN_ABOVE is unlocked first screen first: the state names the first FIRST_SCREEN
 * accounts of each sort order, which are decrypted and shown before the whole list is read.
 */
export const FIRST_SCREEN = 40;
export const FIRST_SCREEN_ABOVE = 2 * FIRST_SCREEN;

export interface VaultState {
  /** Counts the vault's writes: each write stores the state with this number one higher. */
  revision: number;
  /**
   * Each account record's revision: the state's revision when the account was last written. Null in a vault
   * written before records were listed (every account counts as revision 0 until the next write lists them).
   */
  records: Record<AccountId, number> | null;
  /** The highest counter each HOTP account reached, so a counter never goes back, even to an older copy. */
  counters: Record<AccountId, number>;
  /** The settings that matter for security; null until first stored (older versions kept them in plain). */
  settings: SecureSettings | null;
  groups: string[];
  lastBackupAt: number | null;
  changesSinceBackup: number;
  backupReminderShownAt: number | null;
  /**
   * "Issuer (name)" per account id, sealed apart from the accounts themselves, so that when one account record is
   * damaged or missing the message can still say which account it was.
   */
  titles: Record<string, string>;
  /**
   * The key automatic backups are written with (derived once from the backup password with Argon2id), so each
   * change can be backed up without asking for the password. Sealed like everything else here.
   */
  autoBackup: AutoBackupKey | null;
  /**
   * For a long list: the ids of the accounts on its first screen, in each sort order. Unlocking decrypts and shows
   * these before the rest, so a list of 1,000 shows its first codes as fast as a list of 40.
   */
  firstScreen: Partial<Record<SortMode, AccountId[]>>;
  /**
   * For sync (docs/sync.md): the hybrid logical clock stamp of each account's last change (ZERO_HLC when missing),
   * the deletions of the last 90 days (when each was made), and the changes not yet in the synced copy, each with
   * the stamp of the version it was made from. Kept whether or not sync is on, so turning it on later loses
   * nothing. Changes stamp these (clocks.ts).
   */
  clocks: Record<AccountId, Hlc>;
  tombstones: Record<AccountId, Hlc>;
  unsynced: Record<AccountId, Hlc>;
  /** The latest stamp this vault made or saw, and this device's part of every stamp it makes. */
  clock: Hlc;
  node: string;
  /** Where and how this vault syncs, credentials included: sealed like everything else here. Null: sync is off. */
  sync: SyncConfig | null;
}

export interface SyncConfig {
  /** The WebDAV folder, ending in "/". */
  url: string;
  username: string;
  /** The app password the server gave for Latchkey. */
  password: string;
  /** Whether the server honoured If-Match and If-None-Match when connected (null: not checked yet). */
  conditional: boolean | null;
  /** The nonce (hex) of the password slot last written to the synced copy's keys object ('' before the first). */
  keys: string;
}

export interface AutoBackupKey {
  key: string;
  salt: string;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** A new vault's state: it lists its (no) records from the start. */
export function emptyVaultState(settings: SecureSettings | null = null): VaultState {
  // Written out rather than sanitizeVaultState(null): the sanitisers load with the vault engine (rule 7).
  return {
    revision: 0,
    records: {},
    counters: {},
    settings,
    groups: [],
    lastBackupAt: null,
    changesSinceBackup: 0,
    backupReminderShownAt: null,
    titles: {},
    autoBackup: null,
    firstScreen: {},
    clocks: {},
    tombstones: {},
    unsynced: {},
    clock: ZERO_HLC,
    node: '',
    sync: null,
  };
}

/**
 * A copy of a vault with nothing in it: a new vault's, or none while locked. Here rather than in vault-copy.ts,
 * which is part of the lazy engine (rule 7): the session makes one before any vault code has loaded.
 */
export function emptyCopy(state: VaultState = emptyVaultState()): VaultCopy {
  return { state, stateNonce: null, accounts: new Map(), revs: new Map(), held: new Map() };
}
