import type { Account, AccountId } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import type { ImportProblem } from '../types';
import { convertEach, entryLabel, text, toDraft } from '../shared/drafts';
import { isRecord } from '../shared/bytes';

/**
 * The plaintext inside a Latchkey backup (see docs/backup-format.md): every account with every field, plus the
 * organisation state (group list, settings). Reading validates each account like any import, so a hand-edited
 * backup cannot put an invalid account into the vault; identity and history fields are kept when well-formed.
 */

export const DATA_FORMAT = 'latchkey-backup-data';

export interface BackupState {
  /** Group names in the user's order, including groups that hold no account. */
  groups?: string[];
  /** App settings worth restoring (e.g. sort order); plain JSON values only. */
  settings?: Record<string, unknown>;
}

export interface BackupData {
  format: typeof DATA_FORMAT;
  version: 1;
  exportedAt: number;
  /** Version of Latchkey that wrote the backup, for support questions. */
  app?: string;
  accounts: Account[];
  state: BackupState;
}

export interface BackupContents {
  exportedAt: number;
  accounts: Account[];
  state: BackupState;
  problems: ImportProblem[];
}

const NUMBER_FIELDS = ['createdAt', 'updatedAt', 'order', 'useCount', 'usedAt'] as const;

function restoreAccount(entry: unknown, index: number, now: number): Account {
  if (!isRecord(entry)) throw new LatchkeyError('damaged-file', 'This entry of the backup is not an account.');
  const draft = toDraft({ ...entry, secret: entry.secret });
  const account: Account = {
    ...draft,
    // A placeholder: an import gets new ids when it is stored.
    id: (text(entry.id) || `restored-${index}`) as AccountId,
    createdAt: now,
    updatedAt: now,
    order: index,
  };
  for (const key of NUMBER_FIELDS) {
    const value = entry[key];
    if (typeof value === 'number' && Number.isFinite(value)) account[key] = value;
  }
  return account;
}

function readState(value: unknown): BackupState {
  if (!isRecord(value)) return {};
  const state: BackupState = {};
  if (Array.isArray(value.groups)) state.groups = value.groups.map(text).filter((g) => g !== '');
  if (isRecord(value.settings)) state.settings = value.settings;
  return state;
}

/** Validates decrypted backup JSON; one bad account is a problem, a wrong shape is a damaged file. */
export function readBackupData(json: unknown, now = Date.now()): BackupContents {
  if (!isRecord(json) || json.format !== DATA_FORMAT || !Array.isArray(json.accounts)) {
    throw new LatchkeyError('damaged-file', 'The backup decrypted, but its content is not a Latchkey account list.');
  }
  if (json.version !== 1) {
    throw new LatchkeyError(
      'unsupported-format',
      'This backup was made by a newer version of Latchkey. Update Latchkey, then import it again.',
    );
  }
  const { accounts, problems } = convertEach(
    json.accounts,
    (e, i) => (isRecord(e) ? entryLabel(e.issuer, e.name, `account ${i + 1}`) : `account ${i + 1}`),
    (e, i) => restoreAccount(e, i, now),
  );
  const restored = accounts.sort((a, b) => a.order - b.order);
  const exportedAt = typeof json.exportedAt === 'number' ? json.exportedAt : 0;
  return { exportedAt, accounts: restored, state: readState(json.state), problems };
}

/** The plaintext object written into a backup: accounts as stored, minus nothing. */
export function backupData(accounts: readonly Account[], state: BackupState, now: number, app?: string): BackupData {
  const data: BackupData = {
    format: DATA_FORMAT,
    version: 1,
    exportedAt: now,
    accounts: accounts.map((a) => ({ ...a })),
    state,
  };
  if (app) data.app = app;
  return data;
}
