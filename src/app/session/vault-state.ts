import type { AccountId } from '../../core/account';
import { SORT_MODES, type SortMode } from '../settings';

/**
 * Vault-wide data that is sealed like an account (it may name groups, which are labels): stored as one record.
 */
export const STATE_ID = 'state';

export interface VaultState {
  groups: string[];
  lastBackupAt: number | null;
  changesSinceBackup: number;
  backupReminderShownAt: number | null;
  /**
   * "Issuer (name)" per account id, sealed apart from the accounts themselves, so that when one account record is
   * damaged the error can still say which account it was.
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

function sanitizeAutoBackup(value: unknown): AutoBackupKey | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  const ok =
    typeof v.key === 'string' &&
    typeof v.salt === 'string' &&
    [v.memoryKiB, v.iterations, v.parallelism].every((n) => typeof n === 'number' && Number.isSafeInteger(n));
  return ok ? (v as unknown as AutoBackupKey) : null;
}

function sanitizeTitles(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  const titles = value as Record<string, unknown>;
  // Kept as parsed when every title is text (always, unless tampered with): copying 1,000 titles into a new
  // object took milliseconds of every unlock.
  const valid = Object.values(titles).every((t) => typeof t === 'string');
  return valid
    ? (titles as Record<string, string>)
    : Object.fromEntries(Object.entries(titles).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function sanitizeFirstScreen(value: unknown): Partial<Record<SortMode, AccountId[]>> {
  if (!value || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const ids = (list: unknown) => Array.isArray(list) && list.every((id) => typeof id === 'string');
  return Object.fromEntries(SORT_MODES.filter((mode) => ids(v[mode])).map((mode) => [mode, v[mode] as AccountId[]]));
}

export function sanitizeVaultState(value: unknown): VaultState {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof VaultState, unknown>>;
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return {
    groups: Array.isArray(v.groups) ? v.groups.filter((g): g is string => typeof g === 'string') : [],
    lastBackupAt: num(v.lastBackupAt),
    changesSinceBackup: num(v.changesSinceBackup) ?? 0,
    backupReminderShownAt: num(v.backupReminderShownAt),
    titles: sanitizeTitles(v.titles),
    autoBackup: sanitizeAutoBackup(v.autoBackup),
    firstScreen: sanitizeFirstScreen(v.firstScreen),
  };
}
