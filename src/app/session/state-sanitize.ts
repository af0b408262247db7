/**
 * Reading the sealed vault state back: every field checked, anything unexpected (an older or newer version's
 * state, a damaged one) replaced by its default, never trusted as it is. Loads with the vault engine, not the
 * first screen (rule 7).
 */
import type { AccountId } from '../../core/account';
import { isHlc, isNode, ZERO_HLC, type Hlc } from '../../sync/hlc';
import { SORT_MODES, sanitizeSecureSettings, type SortMode } from '../settings';
import type { AutoBackupKey, SyncConfig, VaultState } from './vault-state';

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

/** The sync settings, or null (sync off) unless every field is what Latchkey writes. */
function sanitizeSync(value: unknown): SyncConfig | null {
  if (!isRecordObject(value)) return null;
  const { url, username, password, conditional, keys } = value;
  const texts = [url, username, password, keys].every(isText);
  if (!texts || !(conditional === null || typeof conditional === 'boolean')) return null;
  if (!/^https?:\/\/[^/]/.test(url as string)) return null;
  return { url, username, password, conditional, keys } as SyncConfig;
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
    clocks: sanitizeMap(v.clocks, isHlc) as Record<AccountId, Hlc>,
    tombstones: sanitizeMap(v.tombstones, isHlc) as Record<AccountId, Hlc>,
    unsynced: sanitizeMap(v.unsynced, isHlc) as Record<AccountId, Hlc>,
    clock: isHlc(v.clock) ? v.clock : ZERO_HLC,
    node: isNode(v.node) ? v.node : '',
    sync: sanitizeSync(v.sync),
  };
}
