/**
 * Changing the vault password (docs/vault-format.md, "Changing the password"): re-wrapping the master key, or
 * re-encrypting everything under a new one.
 */
import { LatchkeyError } from '../../core/errors';
import { forgetPasskey } from '../../platform/webauthn';
import type { VaultStore } from '../../storage/store';
import type { KdfParams, MasterKey, VaultHeader } from '../../vault/vault';
import type { VaultChanges } from './changes';
import { allSettledOrThrow } from '../../lib/all-settled';
import { loadEngine, loadVault } from './vault-module';

/** Re-wraps the same master key under the new password: one header write. */
export async function rewrapPassword(
  store: VaultStore,
  oldPassword: string,
  newPassword: string,
  kdf: Partial<KdfParams>,
): Promise<void> {
  const vault = await loadVault();
  const header = (await store.getHeader()) as VaultHeader;
  const next = await vault.changePassword(header, oldPassword, newPassword, { kdf });
  await store.write({ header: next, expectHeader: header });
}

/**
 * The synced copy and the other devices hold the master key; a new one would leave them a copy this device can
 * no longer read and they cannot follow. Until sync can hand a new key over (docs/sync.md, "Limits"), re-encrypting
 * waits for sync to be turned off.
 */
export function refuseRekeyWhileSynced(syncOn: boolean): void {
  if (!syncOn) return;
  throw new LatchkeyError(
    'sync-blocks',
    'Re-encrypting makes a new key that your other devices and the synced copy do not have, so it cannot be done ' +
      'while sync is on. Turn sync off in Settings → Sync first; afterwards, connect to a new, empty folder and ' +
      'join it from your other devices. Nothing was changed.',
  );
}

/**
 * Makes a new master key under the new password and seals every record under it, stored with the new header in
 * one transaction, in turn with the other changes. Returns the new key and the sealed state's new nonce.
 * The new header has the password slot only: a passkey slot cannot be wrapped again without its authenticator,
 * so the passkeys are removed (and their providers told so); the person adds them again.
 */
export async function reencryptVault(
  store: VaultStore,
  changes: VaultChanges,
  oldPassword: string,
  newPassword: string,
  kdf: Partial<KdfParams>,
): Promise<{ masterKey: MasterKey; stateNonce: Uint8Array | null }> {
  const [vault, engine] = await allSettledOrThrow([loadVault(), loadEngine()]);
  return changes.exclusive(async (key, locked) => {
    const header = (await store.getHeader()) as VaultHeader;
    if (!(await vault.verifyPassword(header, oldPassword))) {
      throw new LatchkeyError('wrong-password', 'That is not your current password. Nothing was changed.');
    }
    const { header: next, masterKey } = await vault.createVault(newPassword, { kdf });
    const { put, stateNonce } = await engine.resealAll(key, masterKey, await locked.getAllRecords());
    // One transaction: the new header and every record under the new key, or nothing.
    await locked.write({ header: next, expectHeader: header, put });
    for (const slot of vault.passkeySlots(header)) forgetPasskey(slot.credentialId);
    return { masterKey, stateNonce };
  });
}
