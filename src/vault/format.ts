/**
 * The Latchkey vault format, version 1 (docs/vault-format.md explains it for people who want their data back
 * without Latchkey).
 *
 * - A random 256-bit master key seals every record with AES-256-GCM: a fresh 96-bit nonce per write, and the
 *   additional data `latchkey:v1:record:<id>` so that a record copied under another id, or into another format
 *   version, fails to open.
 * - The header lists slots that each wrap the master key. A password slot wraps it with AES-256-GCM under a key
 *   derived by Argon2id v1.3 from the NFC-normalised UTF-8 password; additional data `latchkey:v1:slot:<slot id>`.
 *   A passkey slot wraps it the same way under HKDF-SHA256 of a WebAuthn PRF output (passkey-slots.ts).
 * - Byte fields are Uint8Arrays, stored as such in IndexedDB (no Base64).
 */
import type { Brand } from '../core/brand';
import type { Bytes } from '../core/bytes';

/** The vault's master key, as a non-extractable AES-GCM CryptoKey: made by createVault, unlockVault or importMasterKey. */
export type MasterKey = Brand<CryptoKey, 'MasterKey'>;

export const VAULT_VERSION = 1;
export const RECORD_VERSION = 1;
export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;
export const KEY_BYTES = 32;
export const SALT_BYTES = 16;
/** A passkey slot's PRF input: 32 random bytes, as WebAuthn's PRF extension takes them. */
export const PASSKEY_SALT_BYTES = 32;
/** WebAuthn credential ids are at most 1023 bytes (WebAuthn Level 3, §5.1 "credential ID"). */
export const CREDENTIAL_ID_MAX_BYTES = 1023;
export const PASSKEY_LABEL_MAX = 100;
/** A header holds 1 to MAX_SLOTS slots, one of them always a password slot. */
export const MAX_SLOTS = 8;

/** Argon2id cost: memory in KiB (hash-wasm's `memorySize`, argon2-cffi's `memory_cost`), passes, lanes. */
export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface Argon2idKdf extends KdfParams {
  algorithm: 'argon2id';
  salt: Bytes;
  /** Length of the derived key in bytes; always 32 in version 1. */
  hashLength: number;
}

/** The master key encrypted by a slot key: `ciphertext` is the 32 encrypted key bytes followed by the 16-byte tag. */
export interface WrappedKey {
  nonce: Bytes;
  ciphertext: Bytes;
}

export interface PasswordSlot {
  id: string;
  type: 'password';
  kdf: Argon2idKdf;
  wrapped: WrappedKey;
}

/**
 * A passkey (WebAuthn credential with the PRF extension) that wraps the master key. The PRF output for `salt` is
 * made by the authenticator after user verification and never stored; HKDF-SHA256 of it is the wrapping key.
 */
export interface PasskeySlot {
  id: string;
  type: 'passkey';
  /** The WebAuthn credential id (raw bytes): an assertion names it, and only this slot is tried for it. */
  credentialId: Bytes;
  /** The PRF input (`prf.eval.first`), 32 random bytes per slot. */
  salt: Bytes;
  /** What the settings list calls it: the kind of authenticator if known, else the date it was added. */
  label: string;
  /** Unix milliseconds. */
  createdAt: number;
  lastUsedAt: number | null;
  wrapped: WrappedKey;
}

export type Slot = PasswordSlot | PasskeySlot;

export interface VaultHeader {
  version: typeof VAULT_VERSION;
  slots: Slot[];
}

/** One encrypted value: `data` is the AES-GCM ciphertext of UTF-8 JSON followed by the 16-byte tag. */
export interface SealedRecord {
  id: string;
  v: typeof RECORD_VERSION;
  nonce: Bytes;
  data: Bytes;
}

export function recordAad(id: string): string {
  return `latchkey:v${RECORD_VERSION}:record:${id}`;
}

export function slotAad(slotId: string): string {
  return `latchkey:v${VAULT_VERSION}:slot:${slotId}`;
}

/** HKDF-SHA256 `info` of a passkey slot's key: binds the format version, the purpose and the slot. */
export function passkeySlotInfo(slotId: string): string {
  return `latchkey:v${VAULT_VERSION}:passkey-slot:${slotId}`;
}

/** Record ids: what the session uses (`acct:<uuid>`, `state`), bounded so that a damaged store cannot hold huge keys. */
export const RECORD_ID = /^[\w:.-]{1,128}$/;
export const SLOT_ID = /^[\w-]{1,64}$/;
