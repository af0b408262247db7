/**
 * The vault API the session calls: create, unlock, change or verify the password, seal and open records.
 * The master key lives only as a non-extractable CryptoKey; raw key bytes exist briefly while a slot is written
 * and are wiped straight after.
 */
import { LatchkeyError } from '../core/errors';
import { sameBytes, secureRandom, wipe, type Bytes, type RandomSource } from '../core/bytes';
import { bytesToHex } from '../core/encoding';
import {
  KEY_BYTES,
  MAX_SLOTS,
  VAULT_VERSION,
  type KdfParams,
  type MasterKey,
  type PasskeySlot,
  type PasswordSlot,
  type VaultHeader,
} from './format';
import { checkKdfParams, DEFAULT_KDF } from './kdf-params';
import { parseHeader } from './parse';
import { importMasterKey, sealPasswordSlot, unlockPasswordSlot, unwrapPasswordSlotBytes } from './slots';
import { unlockPasskeySlot } from './passkey-slots';

export type {
  Argon2idKdf,
  KdfParams,
  MasterKey,
  PasskeySlot,
  PasswordSlot,
  SealedRecord,
  Slot,
  VaultHeader,
  WrappedKey,
} from './format';
export { importMasterKey } from './slots';
export { newPasskeySalt, PRF_OUTPUT_BYTES, sealPasskeySlot } from './passkey-slots';
export { DEFAULT_KDF, FLOOR_KDF, KDF_BOUNDS, checkKdfParams } from './kdf-params';
export { isSealedRecord, parseHeader } from './parse';
export { openRecord, sealRecord } from './records';
export type { RandomSource } from '../core/bytes';

export interface VaultOptions {
  /** Argon2id costs for the new password slot; missing fields take DEFAULT_KDF. */
  kdf?: Partial<KdfParams>;
  random?: RandomSource;
}

const WRONG_PASSWORD = 'That password is not right. Check it and try again; Caps Lock may be on.';

function requirePassword(password: string): void {
  if (password.length === 0) {
    throw new LatchkeyError('empty-password', 'Choose a password; it cannot be empty. Nothing was changed.');
  }
}

function chosenParams(options: VaultOptions): KdfParams {
  const params = { ...DEFAULT_KDF, ...options.kdf };
  checkKdfParams(params);
  return params;
}

/**
 * The password slot a password is tried against, after refusing out-of-bounds costs before any Argon2id work.
 * Only the first: a vault has one, and a tampered header with eight must not cost eight derivations a try.
 */
function passwordSlots(header: VaultHeader): PasswordSlot[] {
  const slots = parseHeader(header)
    .slots.filter((slot) => slot.type === 'password')
    .slice(0, 1);
  for (const slot of slots) checkKdfParams(slot.kdf);
  return slots;
}

/** Creates a vault: a random master key wrapped by one password slot. Nothing is stored here. */
export async function createVault(
  password: string,
  options: VaultOptions = {},
): Promise<{ header: VaultHeader; masterKey: MasterKey }> {
  requirePassword(password);
  const params = chosenParams(options);
  const random = options.random ?? secureRandom;
  const masterKeyBytes = random(KEY_BYTES);
  try {
    const slot = await sealPasswordSlot({ id: bytesToHex(random(16)), masterKeyBytes, password, params, random });
    const masterKey = await importMasterKey(masterKeyBytes);
    return { header: { version: VAULT_VERSION, slots: [slot] }, masterKey };
  } finally {
    wipe(masterKeyBytes);
  }
}

/**
 * Returns the master key when the password opens one of the header's password slots.
 * @throws LatchkeyError 'bad-header', 'kdf-params', 'kdf-failed' or 'wrong-password'.
 */
export async function unlockVault(header: VaultHeader, password: string): Promise<MasterKey> {
  for (const slot of passwordSlots(header)) {
    const key = await unlockPasswordSlot(slot, password);
    if (key) return key;
  }
  throw new LatchkeyError('wrong-password', WRONG_PASSWORD);
}

/** True when the password opens the vault; for asking again before showing a secret. Throws like unlockVault. */
export async function verifyPassword(header: VaultHeader, password: string): Promise<boolean> {
  for (const slot of passwordSlots(header)) {
    if (await unlockPasswordSlot(slot, password)) return true;
  }
  return false;
}

/**
 * Returns a new header whose slot (the one the old password opened) is wrapped under the new password with a new
 * salt and nonce, and with `options.kdf` over DEFAULT_KDF as costs. Records stay valid: the master key is unchanged.
 * The caller stores the header; until then nothing has changed.
 */
export async function changePassword(
  header: VaultHeader,
  oldPassword: string,
  newPassword: string,
  options: VaultOptions = {},
): Promise<VaultHeader> {
  requirePassword(newPassword);
  const params = chosenParams(options);
  const random = options.random ?? secureRandom;
  for (const slot of passwordSlots(header)) {
    const masterKeyBytes = await unwrapPasswordSlotBytes(slot, oldPassword);
    if (!masterKeyBytes) continue;
    try {
      const next = await sealPasswordSlot({ id: slot.id, masterKeyBytes, password: newPassword, params, random });
      // Every other slot (a passkey's) stays as it is: it wraps the same master key.
      const slots = parseHeader(header).slots.map((s) => (s.id === slot.id ? next : s));
      return { version: VAULT_VERSION, slots };
    } finally {
      wipe(masterKeyBytes);
    }
  }
  throw new LatchkeyError('wrong-password', WRONG_PASSWORD);
}

/** The raw master key, to wrap it into a new slot (a passkey's); the caller wipes it. */
export async function masterKeyBytes(header: VaultHeader, password: string): Promise<Bytes> {
  for (const slot of passwordSlots(header)) {
    const bytes = await unwrapPasswordSlotBytes(slot, password);
    if (bytes) return bytes;
  }
  throw new LatchkeyError('wrong-password', WRONG_PASSWORD);
}

export function passkeySlots(header: VaultHeader): PasskeySlot[] {
  return parseHeader(header).slots.filter((slot) => slot.type === 'passkey');
}

const NO_PASSKEY =
  'That passkey does not open this vault: it was removed from Latchkey, or it belongs to another vault. ' +
  'Use another passkey, or your password.';
const DAMAGED_PASSKEY =
  'This passkey’s entry in the vault is damaged or was changed outside Latchkey, so the passkey cannot open it. ' +
  'Unlock with your password, then remove this passkey in Settings and add it again.';

/**
 * Returns the master key when the PRF output opens the slot of the credential the assertion named. Only that one
 * slot is tried (one slot of each kind per attempt, as for passwords).
 * @throws LatchkeyError 'bad-header', 'passkey-unknown' (no slot for that credential) or 'passkey-damaged'.
 */
export async function unlockWithPasskey(
  header: VaultHeader,
  credentialId: Uint8Array,
  prfOutput: Uint8Array,
): Promise<{ key: MasterKey; slotId: string }> {
  const slot = passkeySlots(header).find((s) => sameBytes(s.credentialId, credentialId));
  if (!slot) throw new LatchkeyError('passkey-unknown', NO_PASSKEY);
  const key = await unlockPasskeySlot(slot, prfOutput);
  if (!key) throw new LatchkeyError('passkey-damaged', DAMAGED_PASSKEY, { slotId: slot.id });
  return { key, slotId: slot.id };
}

/** @throws LatchkeyError 'passkey-limit' when every slot is taken: checked before a credential is made. */
export function checkRoomForPasskey(header: VaultHeader): void {
  if (parseHeader(header).slots.length < MAX_SLOTS) return;
  throw new LatchkeyError(
    'passkey-limit',
    `Latchkey keeps at most ${MAX_SLOTS - 1} passkeys. Remove one in Settings before adding another.`,
  );
}

/** The header with one more passkey slot. @throws LatchkeyError 'passkey-limit' when every slot is taken. */
export function withPasskeySlot(header: VaultHeader, slot: PasskeySlot): VaultHeader {
  checkRoomForPasskey(header);
  return parseHeader({ version: VAULT_VERSION, slots: [...parseHeader(header).slots, slot] });
}

/** The header without that passkey slot; the password slot is never removed (it is not a passkey slot). */
export function withoutPasskeySlot(header: VaultHeader, slotId: string): VaultHeader {
  const { slots } = parseHeader(header);
  return { version: VAULT_VERSION, slots: slots.filter((s) => s.type !== 'passkey' || s.id !== slotId) };
}

/** The header with the slot's `lastUsedAt` set to `now` (rule 4: the clock is a parameter). */
export function withPasskeyUsed(header: VaultHeader, slotId: string, now = Date.now()): VaultHeader {
  const { slots } = parseHeader(header);
  const used = slots.map((s) => (s.type === 'passkey' && s.id === slotId ? { ...s, lastUsedAt: now } : s));
  return { version: VAULT_VERSION, slots: used };
}
