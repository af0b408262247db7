import type { AccountId } from '../../core/account';
import type { VaultCopy } from './vault-copy';
import { SORT_MODES, sanitizeSecureSettings, type SecureSettings, type SortMode } from '../settings';

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
}

export interface AutoBackupKey {
  key: string;
  salt: string;
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

const isRecordObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

function sanitizeAutoBackup(value: unknown): AutoBackupKey | null {
  if (!isRecordObject(value)) return null;
  const ok =
    typeof value.key === 'string' &&
    typeof value.salt === 'string' &&
    [value.memoryKiB, value.iterations, value.parallelism].every(
      (n) => typeof n === 'number' && Number.isSafeInteger(n),
    );
  return ok ? (value as unknown as AutoBackupKey) : null;
}

/** A map of strings to values that pass `valid`; kept as parsed when every entry does (the usual case is fast). */
function sanitizeMap<T>(value: unknown, valid: (v: unknown) => v is T): Record<string, T> {
  if (!isRecordObject(value)) return {};
  // Copying 1,000 entries into a new object took milliseconds of every unlock: checked, not copied.
  return Object.values(value).every(valid)
    ? (value as Record<string, T>)
    : Object.fromEntries(Object.entries(value).filter((e): e is [string, T] => valid(e[1])));
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

function sanitizeFirstScreen(value: unknown): Partial<Record<SortMode, AccountId[]>> {
  if (!isRecordObject(value)) return {};
  const ids = (list: unknown) => Array.isArray(list) && list.every(isText);
  return Object.fromEntries(
    SORT_MODES.filter((mode) => Object.hasOwn(value, mode) && ids(value[mode])).map((mode) => [
      mode,
      value[mode] as AccountId[],
    ]),
  );
}

export function sanitizeVaultState(value: unknown): VaultState {
  const v = isRecordObject(value) ? value : {};
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return {
    revision: isCount(v.revision) ? v.revision : 0,
    records: isRecordObject(v.records) ? (sanitizeMap(v.records, isCount) as Record<AccountId, number>) : null,
    counters: sanitizeMap(v.counters, isCount) as Record<AccountId, number>,
    settings: isRecordObject(v.settings) ? sanitizeSecureSettings(v.settings) : null,
    groups: Array.isArray(v.groups) ? v.groups.filter(isText) : [],
    lastBackupAt: num(v.lastBackupAt),
    changesSinceBackup: num(v.changesSinceBackup) ?? 0,
    backupReminderShownAt: num(v.backupReminderShownAt),
    titles: sanitizeMap(v.titles, isText),
    autoBackup: sanitizeAutoBackup(v.autoBackup),
    firstScreen: sanitizeFirstScreen(v.firstScreen),
  };
}

/** A new vault's state: it lists its (no) records from the start. */
export function emptyVaultState(settings: SecureSettings | null = null): VaultState {
  return { ...sanitizeVaultState(null), records: {}, settings };
}

/**
 * A copy of a vault with nothing in it: a new vault's, or none while locked. Here rather than in vault-copy.ts,
 * which is part of the lazy engine (rule 7): the session makes one before any vault code has loaded.
 */
export function emptyCopy(state: VaultState = emptyVaultState()): VaultCopy {
  return { state, stateNonce: null, accounts: new Map(), revs: new Map(), held: new Map() };
}
