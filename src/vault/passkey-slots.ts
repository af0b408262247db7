/**
 * Passkey slots (docs/vault-format.md, "Passkey slots"): the master key wrapped with AES-256-GCM under
 * HKDF-SHA256(PRF output, empty salt, `latchkey:v1:passkey-slot:<slot id>`), the slot id bound as additional data
 * as in a password slot. The PRF output comes from the authenticator (platform/webauthn.ts); it is imported as a
 * non-extractable HKDF key at once and the derived key is non-extractable too, so neither leaves these functions.
 */
import { copyBytes, type Bytes, type RandomSource } from '../core/bytes';
import { utf8Bytes } from '../core/encoding';
import {
  KEY_BYTES,
  NONCE_BYTES,
  PASSKEY_SALT_BYTES,
  passkeySlotInfo,
  type MasterKey,
  type PasskeySlot,
} from './format';
import { AES_GCM, gcm, isTagFailure, MASTER_KEY_USAGES } from './slots';

/** WebAuthn's PRF results are always 32 bytes (the output of HMAC-SHA-256 in CTAP2's hmac-secret). */
export const PRF_OUTPUT_BYTES = 32;

/**
 * The slot's wrapping key. HKDF's salt is empty (RFC 5869 §2.2: HashLen zero bytes): the PRF output is already a
 * uniformly random secret, made for this slot's own random PRF input, so a salt would add nothing; `info` binds
 * the key to the format version, its purpose and the slot, so one PRF output can never open another slot.
 */
export async function passkeySlotKey(prfOutput: Uint8Array, slotId: string, usage: KeyUsage): Promise<CryptoKey> {
  if (prfOutput.length !== PRF_OUTPUT_BYTES) throw new TypeError('A PRF output is 32 bytes.');
  const ikm = await crypto.subtle.importKey('raw', copyBytes(prfOutput), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8Bytes(passkeySlotInfo(slotId)) },
    ikm,
    { name: AES_GCM, length: KEY_BYTES * 8 },
    false,
    [usage],
  );
}

export interface NewPasskeySlot {
  id: string;
  credentialId: Bytes;
  /** The PRF input the authenticator was asked with: `prfOutput` is its answer. */
  salt: Bytes;
  label: string;
  createdAt: number;
  masterKeyBytes: Bytes;
  prfOutput: Uint8Array;
  random: RandomSource;
}

/** A fresh PRF input for a new passkey slot. */
export function newPasskeySalt(random: RandomSource): Bytes {
  return random(PASSKEY_SALT_BYTES);
}

/** Wraps the master key under the passkey's PRF output; the caller wipes both once this resolves. */
export async function sealPasskeySlot(slot: NewPasskeySlot): Promise<PasskeySlot> {
  const { id, credentialId, salt, label, createdAt, masterKeyBytes, prfOutput, random } = slot;
  const kek = await passkeySlotKey(prfOutput, id, 'encrypt');
  const nonce = random(NONCE_BYTES);
  const base: PasskeySlot = {
    id,
    type: 'passkey',
    credentialId: copyBytes(credentialId),
    salt: copyBytes(salt),
    label,
    createdAt,
    lastUsedAt: null,
    wrapped: { nonce, ciphertext: new Uint8Array(0) },
  };
  const ciphertext = await crypto.subtle.encrypt(gcm(base), kek, masterKeyBytes);
  return { ...base, wrapped: { nonce, ciphertext: new Uint8Array(ciphertext) } };
}

/**
 * Unwraps the master key straight into a non-extractable CryptoKey; null when the PRF output does not open the
 * slot (the slot was changed, or the authenticator answered for another input).
 */
export async function unlockPasskeySlot(slot: PasskeySlot, prfOutput: Uint8Array): Promise<MasterKey | null> {
  const kek = await passkeySlotKey(prfOutput, slot.id, 'unwrapKey');
  try {
    return (await crypto.subtle.unwrapKey(
      'raw',
      slot.wrapped.ciphertext,
      kek,
      gcm(slot),
      AES_GCM,
      false,
      MASTER_KEY_USAGES,
    )) as MasterKey;
  } catch (error) {
    if (isTagFailure(error)) return null;
    throw error;
  }
}
