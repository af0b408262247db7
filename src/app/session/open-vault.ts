/**
 * Unlocking after the key (session.ts `open`): the first screen from the records read during the KDF, drawn with
 * its codes, then the whole list once that screen is painted. In the engine chunk, which unlocking loads anyway:
 * the lock screen needs none of it (rule 7).
 */
import { afterNextPaint } from '../../lib/after-paint';
import type { VaultStore } from '../../storage/store';
import type { MasterKey, SealedRecord } from '../../vault/vault';
import { DEFAULT_SECURE_SETTINGS } from '../settings';
import type { VaultChanges } from './changes';
import { loadProblem } from './problems';
import { readFirstScreen, readRecords, type LoadedVault } from './reads';
import type { SessionCodes } from './session-codes';
import type { SessionSettings } from './session-settings';
import type { DamagedRecord } from './snapshot';
import type { VaultCopy } from './vault-copy';
import { FIRST_SCREEN } from './vault-state';

/** What opening needs of the session. Every step after an await asks it whether `key` is still the one in use. */
export interface OpenHost {
  readonly changes: VaultChanges;
  readonly settings: SessionSettings;
  readonly codes: SessionCodes;
  readonly store: VaultStore;
  /** Whether the vault is still open with `key`: a Lock (or a Lock and another unlock) since makes it not. */
  holds(key: MasterKey): boolean;
  /** Keeps `copy` as what later changes build on, if the vault is still open with `key`. */
  keep(key: MasterKey, copy: VaultCopy): void;
  /** Shows the kept copy with these problems, if the vault is still open with `key`; says whether it did. */
  publish(key: MasterKey, damaged: readonly DamagedRecord[]): boolean;
  /** Says a problem on the list, in place of the ones shown. */
  showProblem(problem: DamagedRecord): void;
}

/**
 * Shows the vault opened with `key`. `records` were read during the KDF (null if that read failed): enough for the
 * first screen of a long list; anything else is read now, in turn with the changes and refreshes of other tabs'
 * writes, so a write that came meanwhile is in it.
 */
export async function showVault(host: OpenHost, key: MasterKey, records: readonly SealedRecord[] | null) {
  const fallbackSort = (host.settings.legacy ?? DEFAULT_SECURE_SETTINGS).sort;
  const first = await readFirstScreen(key, records, fallbackSort);
  if (first) host.keep(key, first.copy);
  const loaded = first ?? (await readAll(host));
  // The list is drawn with its first codes already there, rather than drawn, then filled in a frame later.
  const { sort, clockOffsetMs, showNextCode } = host.settings.secure(loaded.copy.state);
  const accounts = [...loaded.copy.accounts.values()];
  await host.codes.prime(accounts, sort, Date.now() + clockOffsetMs, showNextCode, FIRST_SCREEN);
  // Locked meanwhile: nothing is shown. Otherwise the copy as it is now (a refresh may have come meanwhile).
  if (!host.publish(key, loaded.damaged)) return;
  // The rest of a long list once its first screen is drawn: reading it all is one long IndexedDB task.
  if (first) void afterNextPaint().then(() => readRest(host, key));
  else followUp(host, loaded);
}

/** Every record, read and kept in turn with the other changes. */
function readAll(host: OpenHost): Promise<LoadedVault> {
  return host.changes.exclusive(async (key, locked) => {
    const read = await readRecords(key, await locked.getAllRecords());
    host.keep(key, read.copy);
    return read;
  });
}

/** The whole list after the first screen; a failure is shown on the list rather than lost in the background. */
async function readRest(host: OpenHost, key: MasterKey): Promise<void> {
  if (!host.holds(key)) return;
  try {
    const loaded = await readAll(host);
    if (host.publish(key, loaded.damaged)) followUp(host, loaded);
  } catch (error) {
    if (host.holds(key)) host.showProblem(loadProblem(error));
  }
}

/** After a whole read: settings an older version kept in plain move into the vault; a repair after an old state. */
function followUp(host: OpenHost, { copy, damaged }: LoadedVault): void {
  if (copy.state.settings === null) void host.settings.adopt(host.changes, host.store);
  if (damaged.some((d) => d.kind === 'state-older')) void host.changes.repairOlderState().catch(() => undefined);
}
