/**
 * Strict shape checks for what comes back from storage or a file: a header or record that is not exactly what
 * this version writes is refused with a coded error instead of reaching WebCrypto half-formed.
 */
import { LatchkeyError } from '../core/errors';
import { copyBytes, type Bytes } from '../core/bytes';
import {
  CREDENTIAL_ID_MAX_BYTES,
  KEY_BYTES,
  MAX_SLOTS,
  NONCE_BYTES,
  PASSKEY_LABEL_MAX,
  PASSKEY_SALT_BYTES,
  RECORD_ID,
  RECORD_VERSION,
  SALT_BYTES,
  SLOT_ID,
  TAG_BYTES,
  VAULT_VERSION,
  type PasskeySlot,
  type PasswordSlot,
  type SealedRecord,
  type Slot,
  type VaultHeader,
  type WrappedKey,
} from './format';

const DAMAGED_HEADER =
  'The vault header is damaged, so the vault cannot be opened. Restore your accounts from a backup; ' +
  'if you have none, keep this browser data as it is and ask for help.';
const NEWER_HEADER =
  'This vault was saved by a newer version of Latchkey. Reload the page to update Latchkey, then unlock again.';

class ShapeError extends Error {}

type Fields = Record<string, unknown>;

function fields(value: unknown, path: string, keys: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(path);
  const actual = Object.keys(value);
  if (actual.length !== keys.length || !keys.every((k) => Object.hasOwn(value, k))) throw new ShapeError(path);
  return value as Fields;
}

function bytes(value: unknown, path: string, min: number, max = min): Bytes {
  const view = value instanceof ArrayBuffer ? new Uint8Array(value) : value;
  if (!(view instanceof Uint8Array) || view.length < min || view.length > max) throw new ShapeError(path);
  return copyBytes(view);
}

function positiveInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw new ShapeError(path);
  return value;
}

function timestamp(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new ShapeError(path);
  return value;
}

function slotId(slot: Fields, path: string): string {
  if (typeof slot.id !== 'string' || !SLOT_ID.test(slot.id)) throw new ShapeError(`${path}.id`);
  return slot.id;
}

function wrappedKey(value: unknown, path: string): WrappedKey {
  const wrapped = fields(value, path, ['nonce', 'ciphertext']);
  return {
    nonce: bytes(wrapped.nonce, `${path}.nonce`, NONCE_BYTES),
    ciphertext: bytes(wrapped.ciphertext, `${path}.ciphertext`, KEY_BYTES + TAG_BYTES),
  };
}

function parseSlot(value: unknown, path: string): Slot {
  const type = typeof value === 'object' && value !== null ? (value as Fields).type : undefined;
  if (type === 'password') return parsePasswordSlot(value, path);
  if (type === 'passkey') return parsePasskeySlot(value, path);
  throw new ShapeError(`${path}.type`);
}

const PASSKEY_FIELDS = ['id', 'type', 'credentialId', 'salt', 'label', 'createdAt', 'lastUsedAt', 'wrapped'];

function parsePasskeySlot(value: unknown, path: string): PasskeySlot {
  const slot = fields(value, path, PASSKEY_FIELDS);
  const { label, lastUsedAt } = slot;
  if (typeof label !== 'string' || label.length < 1 || label.length > PASSKEY_LABEL_MAX) {
    throw new ShapeError(`${path}.label`);
  }
  return {
    id: slotId(slot, path),
    type: 'passkey',
    credentialId: bytes(slot.credentialId, `${path}.credentialId`, 1, CREDENTIAL_ID_MAX_BYTES),
    salt: bytes(slot.salt, `${path}.salt`, PASSKEY_SALT_BYTES),
    label,
    createdAt: timestamp(slot.createdAt, `${path}.createdAt`),
    lastUsedAt: lastUsedAt === null ? null : timestamp(lastUsedAt, `${path}.lastUsedAt`),
    wrapped: wrappedKey(slot.wrapped, `${path}.wrapped`),
  };
}

function parsePasswordSlot(value: unknown, path: string): PasswordSlot {
  const slot = fields(value, path, ['id', 'type', 'kdf', 'wrapped']);
  const kdf = fields(slot.kdf, `${path}.kdf`, [
    'algorithm',
    'memoryKiB',
    'iterations',
    'parallelism',
    'salt',
    'hashLength',
  ]);
  if (kdf.algorithm !== 'argon2id') throw new ShapeError(`${path}.kdf.algorithm`);
  if (kdf.hashLength !== KEY_BYTES) throw new ShapeError(`${path}.kdf.hashLength`);
  return {
    id: slotId(slot, path),
    type: 'password',
    kdf: {
      algorithm: 'argon2id',
      // Out-of-range costs are well-formed: unlock refuses them as 'kdf-params', which says more than 'bad-header'.
      memoryKiB: positiveInteger(kdf.memoryKiB, `${path}.kdf.memoryKiB`),
      iterations: positiveInteger(kdf.iterations, `${path}.kdf.iterations`),
      parallelism: positiveInteger(kdf.parallelism, `${path}.kdf.parallelism`),
      salt: bytes(kdf.salt, `${path}.kdf.salt`, SALT_BYTES, 64),
      hashLength: KEY_BYTES,
    },
    wrapped: wrappedKey(slot.wrapped, `${path}.wrapped`),
  };
}

/** Two slots for one credential would make an assertion ambiguous: the header is refused instead. */
function distinctCredentials(slots: readonly Slot[]): boolean {
  const ids = slots.flatMap((s) => (s.type === 'passkey' ? [Array.from(s.credentialId).join(',')] : []));
  return new Set(ids).size === ids.length;
}

/**
 * Validates a stored header and returns a clean copy.
 * @throws LatchkeyError 'bad-header' for an unknown version or any malformed field (`detail.field` names which).
 */
export function parseHeader(value: unknown): VaultHeader {
  try {
    const header = fields(value, 'header', ['version', 'slots']);
    if (header.version !== VAULT_VERSION) {
      const newer = typeof header.version === 'number' && header.version > VAULT_VERSION;
      throw new LatchkeyError('bad-header', newer ? NEWER_HEADER : DAMAGED_HEADER, { field: 'version' });
    }
    if (!Array.isArray(header.slots) || header.slots.length < 1 || header.slots.length > MAX_SLOTS) {
      throw new ShapeError('slots');
    }
    const slots = header.slots.map((slot, i) => parseSlot(slot, `slots[${i}]`));
    if (new Set(slots.map((s) => s.id)).size !== slots.length) throw new ShapeError('slots.id');
    // The password always opens the vault: a header without a password slot is not one this version writes.
    if (!slots.some((s) => s.type === 'password')) throw new ShapeError('slots.type');
    if (!distinctCredentials(slots)) throw new ShapeError('slots.credentialId');
    return { version: VAULT_VERSION, slots };
  } catch (error) {
    if (error instanceof ShapeError) throw new LatchkeyError('bad-header', DAMAGED_HEADER, { field: error.message });
    throw error;
  }
}

/** True when the value has the exact shape of a sealed record (it may still fail to decrypt). */
export function isSealedRecord(value: unknown): value is SealedRecord {
  try {
    const record = fields(value, 'record', ['id', 'v', 'nonce', 'data']);
    return (
      typeof record.id === 'string' &&
      RECORD_ID.test(record.id) &&
      record.v === RECORD_VERSION &&
      record.nonce instanceof Uint8Array &&
      record.nonce.length === NONCE_BYTES &&
      record.data instanceof Uint8Array &&
      record.data.length >= TAG_BYTES
    );
  } catch {
    return false;
  }
}
