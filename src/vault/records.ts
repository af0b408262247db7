/**
 * Sealing and opening records: UTF-8 JSON, padded with spaces to a multiple of 64 bytes (so stored sizes do not
 * reveal the exact length of a label; JSON ignores trailing whitespace), then AES-256-GCM under the master key with
 * a fresh nonce and `latchkey:v1:record:<id>` as additional data.
 */
import { LatchkeyError } from '../core/errors';
import { secureRandom, wipe, type RandomSource } from '../core/bytes';
import { utf8Bytes } from '../core/encoding';
import { NONCE_BYTES, RECORD_ID, RECORD_VERSION, recordAad, type MasterKey, type SealedRecord } from './format';
import { isSealedRecord } from './parse';

const PAD_TO = 64;
const SPACE = 0x20;
const decoder = new TextDecoder('utf-8', { fatal: true });

function padded(json: string, padTo: number): Uint8Array<ArrayBuffer> {
  const text = utf8Bytes(json);
  const out = new Uint8Array(Math.ceil(text.length / padTo) * padTo).fill(SPACE);
  out.set(text);
  wipe(text);
  return out;
}

function damaged(id: unknown): LatchkeyError {
  return new LatchkeyError(
    'damaged-record',
    'This entry could not be decrypted because its stored data is damaged or was changed outside Latchkey. ' +
      'Restore it from a backup, or delete it.',
    typeof id === 'string' ? { id } : undefined,
  );
}

export interface SealOptions {
  random?: RandomSource;
  /** The size step the plaintext is padded to: 64 bytes in the vault; the synced copy, which a server sees, uses
   * larger steps (docs/sync.md). */
  padTo?: number;
  /**
   * Awaited between the steps (to JSON, to padded bytes, encrypted). A caller sealing megabytes passes a new task
   * (lib/next-task.ts): the state of 10,000 accounts is 2.8 MB, and its steps in one task held the page 280 ms.
   */
  between?: () => Promise<void>;
}

/**
 * Encrypts a JSON value under the master key. Ids are chosen by the program, so a bad id or a value JSON cannot
 * hold is a programming error (TypeError), not a user-facing one.
 */
export async function sealRecord(
  masterKey: MasterKey,
  id: string,
  value: unknown,
  { random = secureRandom, padTo = PAD_TO, between }: SealOptions = {},
): Promise<SealedRecord> {
  if (!RECORD_ID.test(id)) throw new TypeError(`Record id ${JSON.stringify(id)} is not allowed.`);
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('Only JSON values can be sealed.');
  await between?.();
  const plaintext = padded(json, padTo);
  try {
    await between?.();
    const nonce = random(NONCE_BYTES);
    const params = { name: 'AES-GCM', iv: nonce, additionalData: utf8Bytes(recordAad(id)) };
    const data = new Uint8Array(await crypto.subtle.encrypt(params, masterKey, plaintext));
    return { id, v: RECORD_VERSION, nonce, data };
  } finally {
    wipe(plaintext);
  }
}

/**
 * Decrypts a record and parses its JSON.
 * @throws LatchkeyError 'damaged-record' when the record is malformed, was changed, or was moved to another id;
 *   the message names nothing secret and the caller adds which account it was.
 */
export async function openRecord(masterKey: MasterKey, record: SealedRecord): Promise<unknown> {
  const candidate: unknown = record;
  if (!isSealedRecord(candidate)) throw damaged((candidate as { id?: unknown } | null)?.id);
  let plaintext: Uint8Array;
  try {
    const params = { name: 'AES-GCM', iv: record.nonce, additionalData: utf8Bytes(recordAad(record.id)) };
    plaintext = new Uint8Array(await crypto.subtle.decrypt(params, masterKey, record.data));
  } catch {
    throw damaged(record.id);
  }
  try {
    return JSON.parse(decoder.decode(plaintext)) as unknown;
  } catch {
    throw damaged(record.id);
  } finally {
    wipe(plaintext);
  }
}
