/**
 * Passkeys that open the vault (docs/vault-format.md, "Passkey slots"): adding one, unlocking or confirming with
 * one, removing one. A lazy chunk with the WebAuthn adapter (rule 7): the lock screen only knows from the header
 * that a passkey slot exists. The PRF output goes from the adapter straight into the vault's slot functions and is
 * wiped once they return; the raw master key, needed to wrap it into a new slot, likewise.
 */
import { secureRandom, wipe, type Bytes, type RandomSource } from '../../core/bytes';
import { bytesToHex, utf8Bytes } from '../../core/encoding';
import { LatchkeyError } from '../../core/errors';
import {
  assertPasskey,
  createPasskey,
  forgetPasskey,
  isAbort,
  passkeysSupported,
  type CreatedPasskey,
} from '../../platform/webauthn';
import type { VaultStore } from '../../storage/store';
import type { MasterKey, VaultHeader } from '../../vault/vault';
import type { PasskeyContext, PasskeyUnlockOptions } from './session-passkeys';
import { loadVault } from './vault-module';

const NONE_SET_UP = 'No passkey is set up for this vault. Unlock with your password.';
const NO_PRF =
  'This passkey cannot open Latchkey: its authenticator (or this browser) does not support the PRF extension ' +
  'that Latchkey needs. Nothing was stored; your password still opens Latchkey. Try another authenticator.';
const NOT_CONFIRMED =
  'The new passkey was not confirmed when Latchkey asked for it, so it was not added. Nothing was stored; try again.';

async function storedHeader(store: VaultStore): Promise<VaultHeader> {
  const header = await store.getHeader();
  if (!header) throw new LatchkeyError('bad-header', 'There is no vault here yet. Create one first.');
  return header;
}

/**
 * Asks for one of the vault's passkeys and opens its slot. Only the slot of the credential used is tried.
 * @throws LatchkeyError 'passkey-unknown', 'passkey-damaged', 'passkey-cancelled', 'passkey-unsupported', or the
 *   AbortError of a request aborted by the caller.
 */
export async function passkeyMasterKey(
  header: VaultHeader,
  signal?: AbortSignal,
): Promise<{ key: MasterKey; slotId: string }> {
  const vault = await loadVault();
  const slots = vault.passkeySlots(header);
  if (!slots.length) throw new LatchkeyError('passkey-unknown', NONE_SET_UP);
  const { credentialId, prfOutput } = await assertPasskey(
    slots.map((s) => ({ id: s.credentialId, salt: s.salt })),
    { signal },
  );
  try {
    return await vault.unlockWithPasskey(header, credentialId, prfOutput);
  } finally {
    wipe(prfOutput);
  }
}

/**
 * The passkey's name in the list: the kind of authenticator (and the system, where the browser says it), or the
 * date it was added when neither is known.
 */
export function passkeyLabel(attachment: string | null, createdAt: number, system?: string): string {
  const on = system ? ` (${system})` : '';
  if (attachment === 'platform') return `This device${on}`;
  if (attachment === 'cross-platform') return 'Security key or phone';
  return `Passkey added ${new Date(createdAt).toISOString().slice(0, 10)}`;
}

function systemName(): string | undefined {
  const data = (navigator as { userAgentData?: { platform?: string } }).userAgentData;
  return data?.platform || undefined;
}

/**
 * The WebAuthn user handle: the vault's password slot id, random and fixed for the vault's life, so that adding a
 * passkey again on one device replaces that device's old one instead of leaving two.
 */
function userHandle(header: VaultHeader): Bytes {
  const slot = header.slots.find((s) => s.type === 'password');
  return utf8Bytes(slot?.id ?? 'latchkey');
}

/** The PRF output of a new passkey: given at registration, or asked for once more right after it. */
async function prfOfNew(created: CreatedPasskey, salt: Bytes): Promise<Bytes> {
  if (created.prfOutput) return created.prfOutput;
  if (created.prfEnabled === false) throw new LatchkeyError('passkey-unsupported', NO_PRF);
  try {
    const again = await assertPasskey([{ id: created.credentialId, salt }]);
    return again.prfOutput;
  } catch (error) {
    if (error instanceof LatchkeyError && error.code === 'passkey-unsupported') {
      throw new LatchkeyError('passkey-unsupported', NO_PRF);
    }
    if (error instanceof LatchkeyError) throw new LatchkeyError('passkey-cancelled', NOT_CONFIRMED);
    throw error;
  }
}

export interface AddOptions {
  random?: RandomSource;
  now?: number;
}

/**
 * Checks the password (its slot gives the raw master key), makes a passkey with PRF, wraps the master key under it
 * and stores the header with the new slot, in one write over the header read. A passkey that gives no PRF output,
 * or a write that fails, leaves nothing stored, and the half-made credential is signalled as unknown so the
 * person's passkey list stops offering it.
 * @returns the stored header.
 */
export async function addPasskey(
  store: VaultStore,
  password: string,
  { random = secureRandom, now = Date.now() }: AddOptions = {},
): Promise<VaultHeader> {
  if ((await passkeysSupported()) === false) {
    throw new LatchkeyError(
      'passkey-unsupported',
      'This browser cannot use passkeys to open Latchkey (it lacks WebAuthn’s PRF extension). Your password still ' +
        'opens Latchkey.',
    );
  }
  const header = await storedHeader(store);
  const vault = await loadVault();
  const existing = vault.passkeySlots(header);
  // Refused before a credential is made: a full header would only leave one behind.
  vault.checkRoomForPasskey(header);
  const masterKeyBytes = await vault.masterKeyBytes(header, password);
  let created: CreatedPasskey | null = null;
  let prfOutput: Bytes | null = null;
  try {
    const salt = vault.newPasskeySalt(random);
    created = await createPasskey({
      rpName: 'Latchkey',
      userId: userHandle(header),
      userName: 'Latchkey vault',
      salt,
      excludeIds: existing.map((s) => s.credentialId),
    });
    prfOutput = await prfOfNew(created, salt);
    const slot = await vault.sealPasskeySlot({
      id: bytesToHex(random(16)),
      credentialId: created.credentialId,
      salt,
      label: passkeyLabel(created.attachment, now, systemName()),
      createdAt: now,
      masterKeyBytes,
      prfOutput,
      random,
    });
    const next = vault.withPasskeySlot(header, slot);
    await store.write({ header: next, expectHeader: header });
    return next;
  } catch (error) {
    if (created && !isAbort(error)) forgetPasskey(created.credentialId);
    throw error;
  } finally {
    wipe(masterKeyBytes);
    if (prfOutput) wipe(prfOutput);
  }
}

/** Removes a passkey slot (never the password's) and tells the passkey provider the credential is gone. */
export async function removePasskey(store: VaultStore, slotId: string): Promise<VaultHeader> {
  const header = await storedHeader(store);
  const vault = await loadVault();
  const slot = vault.passkeySlots(header).find((s) => s.id === slotId);
  if (!slot) return header; // removed already, in another tab
  const next = vault.withoutPasskeySlot(header, slotId);
  await store.write({ header: next, expectHeader: header });
  forgetPasskey(slot.credentialId);
  return next;
}

/** Notes when a passkey was last used; best effort (a header changed meanwhile wins). Returns the stored header. */
export async function touchPasskey(store: VaultStore, slotId: string, now = Date.now()): Promise<VaultHeader | null> {
  try {
    const header = await storedHeader(store);
    const next = (await loadVault()).withPasskeyUsed(header, slotId, now);
    await store.write({ header: next, expectHeader: header });
    return next;
  } catch {
    return null;
  }
}

/** After "re-encrypt everything": the passkeys wrapped the old key and are gone; their providers are told so. */
export function forgetPasskeys(credentialIds: readonly Uint8Array[]): void {
  for (const id of credentialIds) forgetPasskey(id);
}

// --- the session's entry points (session-passkeys.ts forwards to these) ---

/** Notes the use, then shows the list with it; best effort. */
async function noteUse(context: PasskeyContext, store: VaultStore, slotId: string): Promise<void> {
  const header = await touchPasskey(store, slotId);
  if (header) context.show(header);
}

export async function unlock(context: PasskeyContext, { signal, offered }: PasskeyUnlockOptions): Promise<void> {
  const store = context.store();
  let slotId: string | null = null;
  try {
    await context.open(async (header) => {
      const opened = await passkeyMasterKey(header, signal);
      slotId = opened.slotId;
      return opened.key;
    });
  } catch (error) {
    if (isAbort(error) || (offered && error instanceof LatchkeyError && error.code === 'passkey-cancelled')) return;
    throw error;
  }
  if (slotId) void noteUse(context, store, slotId);
}

export async function confirm(context: PasskeyContext): Promise<boolean> {
  const store = context.store();
  try {
    const { slotId } = await passkeyMasterKey(await storedHeader(store));
    context.state.update({ verifiedAt: Date.now() });
    void noteUse(context, store, slotId);
    return true;
  } catch (error) {
    if (isAbort(error)) return false;
    throw error;
  }
}

export async function add(context: PasskeyContext, password: string): Promise<void> {
  context.show(await addPasskey(context.store(), password));
  context.state.update({ verifiedAt: Date.now() });
}

export async function remove(context: PasskeyContext, slotId: string): Promise<void> {
  context.show(await removePasskey(context.store(), slotId));
}
