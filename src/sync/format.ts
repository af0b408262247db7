/**
 * The synced copy's format, version 1 (docs/sync.md has it in full, with a program that decrypts it without
 * Latchkey). One folder holds:
 *
 * - `latchkey-keys.json`: the vault's password slot (the master key wrapped under Argon2id of the vault password,
 *   exactly as in the vault header, byte fields in Base64), so the URL, the credentials and the password are all
 *   a new device needs;
 * - `latchkey-index`: the index, sealed: each account's object name, clock stamp and HOTP counter, and the
 *   deletions of the last 90 days;
 * - one object per account version, named with 32 random hex digits, sealed: `{ id, clock, account }`.
 *
 * Sealed objects are the vault's sealed records (vault/records.ts) under the master key, with the record id
 * `sync:index` or `sync:<object name>` (so an object moved to another name does not open), padded to steps of
 * 512 bytes (accounts) or 4 KiB (the index), and stored as one byte of version, the 12-byte nonce, then the
 * ciphertext and tag. The server sees only sizes, times and how often the index changes.
 */
import type { Account, AccountId } from '../core/account';
import { secureRandom, type Bytes, type RandomSource } from '../core/bytes';
import { base64ToBytes, bytesToBase64, bytesToHex, bytesToUtf8, utf8Bytes } from '../core/encoding';
import { validateDraft, type UncheckedDraft } from '../core/validate';
import { NONCE_BYTES, RECORD_VERSION, TAG_BYTES } from '../vault/format';
import {
  openRecord,
  parseHeader,
  sealRecord,
  type MasterKey,
  type PasswordSlot,
  type SealedRecord,
  type VaultHeader,
} from '../vault/vault';
import { SyncError } from './errors';
import { isHlc, type Hlc } from './hlc';

export const KEYS_NAME = 'latchkey-keys.json';
export const INDEX_NAME = 'latchkey-index';
/** Account objects: 32 random hex digits. */
export const OBJECT_PATTERN = /^[0-9a-f]{32}$/;

const KEYS_FORMAT = 'latchkey-sync-keys';
const ACCOUNT_PAD = 512;
const INDEX_PAD = 4096;
/** Far above any real keys object; refused before parsing. */
const MAX_KEYS_BYTES = 16 * 1024;

export interface RemoteEntry {
  /** The object holding this version. */
  object: string;
  clock: Hlc;
  /** The HOTP counter of this version (null for other types), so a merge need not fetch the object for it. */
  counter: number | null;
}

export interface RemoteIndex {
  accounts: Map<AccountId, RemoteEntry>;
  /** Deleted accounts: the stamp of each deletion. */
  deleted: Map<AccountId, Hlc>;
}

export const emptyIndex = (): RemoteIndex => ({ accounts: new Map(), deleted: new Map() });

export function newObjectName(random: RandomSource = secureRandom): string {
  return bytesToHex(random(16));
}

function tampered(what: string): SyncError {
  return new SyncError(
    'tampered',
    `${what} in the synced folder was changed outside Latchkey, so it was refused. Nothing here was changed.`,
  );
}

// --- keys ---

/** The keys object for a vault header's password slot. */
export function encodeKeys(header: VaultHeader): Bytes {
  const slot = parseHeader(header).slots.find((s) => s.type === 'password');
  if (!slot) throw new TypeError('A vault header without a password slot cannot be synced.');
  const b64 = bytesToBase64;
  const json = {
    format: KEYS_FORMAT,
    version: 1,
    slot: {
      ...slot,
      kdf: { ...slot.kdf, salt: b64(slot.kdf.salt) },
      wrapped: { nonce: b64(slot.wrapped.nonce), ciphertext: b64(slot.wrapped.ciphertext) },
    },
  };
  return utf8Bytes(JSON.stringify(json, null, 2));
}

/** The nonce of a header's password slot, as hex: it changes with every password change. */
export function slotStamp(header: VaultHeader): string {
  const slot = header.slots.find((s): s is PasswordSlot => s.type === 'password');
  return slot ? bytesToHex(slot.wrapped.nonce) : '';
}

/**
 * A vault header holding the synced copy's password slot, strictly checked (vault/parse.ts): its costs are
 * checked against the vault's bounds when it is unlocked, before any work.
 */
export function decodeKeys(bytes: Uint8Array): VaultHeader {
  const text = bytes.length <= MAX_KEYS_BYTES ? bytesToUtf8(bytes) : null;
  let json: unknown;
  try {
    json = text === null ? null : JSON.parse(text);
  } catch {
    json = null;
  }
  const value = json as { format?: unknown; version?: unknown; slot?: Record<string, unknown> } | null;
  if (!value || value.format !== KEYS_FORMAT || !value.slot || typeof value.slot !== 'object') {
    throw tampered('The keys file');
  }
  if (value.version !== 1) {
    throw new SyncError('foreign-vault', 'The synced vault was written by a newer Latchkey. Update Latchkey first.');
  }
  const { kdf, wrapped } = value.slot as { kdf?: Record<string, unknown>; wrapped?: Record<string, unknown> };
  const bytesOf = (v: unknown) => (typeof v === 'string' ? base64ToBytes(v) : null);
  try {
    return parseHeader({
      version: 1,
      slots: [
        {
          ...value.slot,
          kdf: kdf && { ...kdf, salt: bytesOf(kdf.salt) },
          wrapped: wrapped && { nonce: bytesOf(wrapped.nonce), ciphertext: bytesOf(wrapped.ciphertext) },
        },
      ],
    });
  } catch {
    throw tampered('The keys file');
  }
}

// --- sealed objects ---

async function seal(key: MasterKey, id: string, value: unknown, padTo: number, random: RandomSource): Promise<Bytes> {
  const { nonce, data } = await sealRecord(key, id, value, { random, padTo });
  const out = new Uint8Array(1 + nonce.length + data.length);
  out[0] = RECORD_VERSION;
  out.set(nonce, 1);
  out.set(data, 1 + nonce.length);
  return out;
}

/** Opens a sealed object; null when it does not (changed, moved to another name, another key). */
async function open(key: MasterKey, id: string, bytes: Uint8Array): Promise<unknown> {
  if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES || bytes[0] !== RECORD_VERSION) return null;
  const record: SealedRecord = {
    id,
    v: RECORD_VERSION,
    nonce: new Uint8Array(bytes.subarray(1, 1 + NONCE_BYTES)),
    data: new Uint8Array(bytes.subarray(1 + NONCE_BYTES)),
  };
  try {
    return await openRecord(key, record);
  } catch {
    return null;
  }
}

export function sealIndex(key: MasterKey, index: RemoteIndex, random: RandomSource = secureRandom): Promise<Bytes> {
  const accounts: Record<string, { o: string; c: Hlc; n?: number }> = {};
  for (const [id, { object, clock, counter }] of index.accounts) {
    accounts[id] = counter === null ? { o: object, c: clock } : { o: object, c: clock, n: counter };
  }
  return seal(key, 'sync:index', { v: 1, accounts, deleted: Object.fromEntries(index.deleted) }, INDEX_PAD, random);
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * The index, or a SyncError: 'tampered' when it does not open or is not what Latchkey writes (the engine tells a
 * foreign vault apart by the keys file).
 */
export async function openIndex(key: MasterKey, bytes: Uint8Array): Promise<RemoteIndex> {
  const value = await open(key, 'sync:index', bytes);
  if (!isObject(value) || !isObject(value.accounts) || !isObject(value.deleted)) throw tampered('The index');
  if (value.v !== 1) {
    throw new SyncError('foreign-vault', 'The synced vault was written by a newer Latchkey. Update Latchkey first.');
  }
  const index = emptyIndex();
  for (const [id, entry] of Object.entries(value.accounts)) {
    const ok =
      isObject(entry) &&
      typeof entry.o === 'string' &&
      OBJECT_PATTERN.test(entry.o) &&
      isHlc(entry.c) &&
      (entry.n === undefined || isCount(entry.n));
    if (!ok) throw tampered('The index');
    index.accounts.set(id as AccountId, {
      object: entry.o as string,
      clock: entry.c as Hlc,
      counter: (entry.n as number) ?? null,
    });
  }
  for (const [id, at] of Object.entries(value.deleted)) {
    if (!isHlc(at)) throw tampered('The index');
    index.deleted.set(id as AccountId, at);
  }
  return index;
}

export function sealAccount(
  key: MasterKey,
  object: string,
  account: Account,
  clock: Hlc,
  random: RandomSource = secureRandom,
): Promise<Bytes> {
  return seal(key, `sync:${object}`, { id: account.id, clock, account }, ACCOUNT_PAD, random);
}

const NUMBER_FIELDS = ['createdAt', 'updatedAt', 'order', 'useCount', 'usedAt'] as const;

/**
 * The account an object holds, checked against the index entry that names it (same id, same stamp) and
 * validated like any account from outside; null when it does not open or does not match.
 */
export async function openAccount(
  key: MasterKey,
  object: string,
  bytes: Uint8Array,
  expected: { id: AccountId; clock: Hlc },
): Promise<Account | null> {
  const value = await open(key, `sync:${object}`, bytes);
  if (!isObject(value) || value.id !== expected.id || value.clock !== expected.clock || !isObject(value.account)) {
    return null;
  }
  const raw = value.account;
  try {
    const account = { ...raw, ...validateDraft(raw as unknown as UncheckedDraft), id: expected.id } as Account;
    for (const field of NUMBER_FIELDS) {
      if (raw[field] !== undefined && !(typeof raw[field] === 'number' && Number.isFinite(raw[field]))) return null;
    }
    if (typeof account.createdAt !== 'number' || typeof account.order !== 'number') return null;
    return account;
  } catch {
    return null;
  }
}
