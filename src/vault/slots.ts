/**
 * Password slots: the master key wrapped with AES-256-GCM under an Argon2id key, with the slot id bound as
 * additional data so that a wrapped key moved into another slot does not open.
 */
import { copyBytes, wipe, type Bytes, type RandomSource } from '../core/bytes';
import { utf8Bytes } from '../core/encoding';
import { LatchkeyError } from '../core/errors';
import { KdfFailed, runKdf } from '../crypto/kdf';
import {
  KEY_BYTES,
  NONCE_BYTES,
  SALT_BYTES,
  slotAad,
  type Argon2idKdf,
  type KdfParams,
  type MasterKey,
  type PasswordSlot,
  type Slot,
} from './format';
import { checkKdfParams } from './kdf-params';

export const AES_GCM = 'AES-GCM';
/** What an unwrapped master key may do, whichever slot opened it. */
export const MASTER_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

/**
 * Derives the 32-byte key of a password slot with Argon2id, in the KDF worker. The caller wipes the result once
 * it has imported it.
 * @throws LatchkeyError 'kdf-params' when the costs are outside the accepted bounds (before any work is done),
 *   'kdf-failed' when the device could not run Argon2id.
 */
export async function deriveSlotKey(password: string, kdf: Argon2idKdf): Promise<Bytes> {
  checkKdfParams(kdf);
  const { memoryKiB, iterations, parallelism, hashLength } = kdf;
  // NFC, so that the same password typed on another keyboard or system gives the same bytes.
  const password8 = utf8Bytes(password.normalize('NFC'));
  const job = {
    kind: 'argon2id',
    password: password8,
    salt: copyBytes(kdf.salt),
    memoryKiB,
    iterations,
    parallelism,
    hashLength,
  } as const;
  try {
    return await runKdf(job);
  } catch (error) {
    if (!(error instanceof KdfFailed)) throw error;
    throw new LatchkeyError(
      'kdf-failed',
      `Latchkey could not run its password check, which needs ${Math.ceil(memoryKiB / 1024)} MiB of memory. ` +
        'Close other tabs or apps and try again.',
    );
  }
}

async function slotKey(password: string, slot: Pick<PasswordSlot, 'kdf'>, usage: KeyUsage): Promise<CryptoKey> {
  const raw = await deriveSlotKey(password, slot.kdf);
  try {
    return await crypto.subtle.importKey('raw', raw, AES_GCM, false, [usage]);
  } finally {
    wipe(raw);
  }
}

/** AES-256-GCM over the wrapped master key of any slot: its nonce, and the slot id bound as additional data. */
export function gcm(slot: Pick<Slot, 'id' | 'wrapped'>): AesGcmParams {
  return { name: AES_GCM, iv: slot.wrapped.nonce, additionalData: utf8Bytes(slotAad(slot.id)) };
}

/** A wrong password and a changed wrapped key both surface as a failed GCM tag check: OperationError. */
export function isTagFailure(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'OperationError';
}

export interface NewSlot {
  id: string;
  masterKeyBytes: Bytes;
  password: string;
  params: KdfParams;
  random: RandomSource;
}

/** Wraps the master key under a new password with a fresh salt and nonce. */
export async function sealPasswordSlot({
  id,
  masterKeyBytes,
  password,
  params,
  random,
}: NewSlot): Promise<PasswordSlot> {
  const base = {
    id,
    type: 'password' as const,
    kdf: { algorithm: 'argon2id' as const, ...params, salt: random(SALT_BYTES), hashLength: KEY_BYTES },
  };
  const kek = await slotKey(password, base, 'encrypt');
  const nonce = random(NONCE_BYTES);
  const slot: PasswordSlot = { ...base, wrapped: { nonce, ciphertext: new Uint8Array(0) } };
  const ciphertext = await crypto.subtle.encrypt(gcm(slot), kek, masterKeyBytes);
  return { ...slot, wrapped: { nonce, ciphertext: new Uint8Array(ciphertext) } };
}

/** Unwraps the master key straight into a non-extractable CryptoKey; null when the password does not fit. */
export async function unlockPasswordSlot(slot: PasswordSlot, password: string): Promise<MasterKey | null> {
  // Slots are never made with an empty password, and hash-wasm refuses one: it simply does not fit.
  if (password === '') return null;
  const kek = await slotKey(password, slot, 'unwrapKey');
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

/** The raw master key, only to wrap it again under a new password; the caller wipes it. Null on a wrong password. */
export async function unwrapPasswordSlotBytes(slot: PasswordSlot, password: string): Promise<Bytes | null> {
  if (password === '') return null;
  const kek = await slotKey(password, slot, 'decrypt');
  try {
    return copyBytes(new Uint8Array(await crypto.subtle.decrypt(gcm(slot), kek, slot.wrapped.ciphertext)));
  } catch (error) {
    if (isTagFailure(error)) return null;
    throw error;
  }
}

export async function importMasterKey(raw: Bytes): Promise<MasterKey> {
  return (await crypto.subtle.importKey('raw', raw, AES_GCM, false, MASTER_KEY_USAGES)) as MasterKey;
}
