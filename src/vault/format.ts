/**
 * The Latchkey vault format, version 1 (docs/vault-format.md explains it for people who want their data back
 * without Latchkey).
 *
 * - A random 256-bit master key seals every record with AES-256-GCM: a fresh 96-bit nonce per write, and the
 *   additional data `latchkey:v1:record:<id>` so that a record copied under another id, or into another format
 *   version, fails to open.
 * - The header lists slots that each wrap the master key. A password slot wraps it with AES-256-GCM under a key
 *   derived by Argon2id v1.3 from the NFC-normalised UTF-8 password; additional data `latchkey:v1:slot:<slot id>`.
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

/** Only password slots exist today; a passkey (WebAuthn PRF) slot would join this union. */
export type Slot = PasswordSlot;

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

/** Record ids: what the session uses (`acct:<uuid>`, `state`), bounded so that a damaged store cannot hold huge keys. */
export const RECORD_ID = /^[\w:.-]{1,128}$/;
export const SLOT_ID = /^[\w-]{1,64}$/;
