import type { Account } from '../../core/account';
import { LatchkeyError } from '../../core/errors';
import { backupData, readBackupData, type BackupContents, type BackupState } from './data';
import type { ImportInput, ImportResult, Importer } from '../types';
import { looksLikeBrokenJson, text } from '../shared/drafts';
import { type Argon2Params, checkArgon2Within, checkFileArgon2, fileArgon2idKey } from '../shared/file-kdf';
import { isRecord, parseJsonBytes, readBase64Field } from '../shared/bytes';
import { type RandomSource, secureRandom } from '../../core/bytes';
import { bytesToBase64, utf8Bytes } from '../../core/encoding';
import { aesGcmOpen, aesGcmSeal } from '../../crypto/aes-gcm';
import { damagedFile, passwordRequired, wrongPassword } from '../shared/errors';

export type { BackupContents, BackupState } from './data';

/**
 * Latchkey's own encrypted backup, documented in docs/backup-format.md so it can be opened without Latchkey:
 *   { format: 'latchkey-backup', version: 1,
 *     kdf: { name: 'argon2id', memoryKiB, iterations, parallelism, salt: b64 (16 B) },
 *     nonce: b64 (12 B), data: b64(AES-256-GCM ciphertext || 16-byte tag) }
 * key = Argon2id v1.3 (UTF-8 password, salt, the kdf costs, 32 bytes); AAD = UTF-8 "latchkey-backup:v1";
 * plaintext = UTF-8 JSON of backup-data.ts.
 */

export const BACKUP_FORMAT = 'latchkey-backup';
export const BACKUP_AAD = 'latchkey-backup:v1';
const APP = 'Latchkey backup';

/** 64 MiB, 3 passes, 1 lane: about a second on a phone, far beyond what guessing can afford per try. */
export const DEFAULT_BACKUP_KDF: Argon2Params = { memoryKiB: 65_536, iterations: 3, parallelism: 1 };
/** A backup asking for less than 8 MiB was not written by Latchkey; refuse to write or read one. */
const MIN_MEMORY_KIB = 8192;

interface Envelope {
  format: typeof BACKUP_FORMAT;
  version: number;
  kdf: Argon2Params & { name: 'argon2id'; salt: string };
  nonce: string;
  data: string;
}

function checkBackupKdf(params: Argon2Params): void {
  if (params.memoryKiB < MIN_MEMORY_KIB) {
    throw new LatchkeyError(
      'kdf-params',
      `This backup's password hashing is too weak (${params.memoryKiB} KiB of memory; Latchkey uses at least ` +
        `${MIN_MEMORY_KIB}), so Latchkey will not use it.`,
    );
  }
  // Latchkey writes backups within its vault's own bounds (vault/kdf-params.ts): 1 GiB, 10 passes, 4 lanes.
  checkArgon2Within(params, { memoryKiB: 1024 * 1024, iterations: 10, parallelism: 4 }, APP);
  checkFileArgon2(params, APP);
}

export interface ExportBackupOptions {
  kdf?: Partial<Argon2Params>;
  random?: RandomSource;
  now?: number;
  appVersion?: string;
}

/** Encrypts every account and the organisation state; returns the file's bytes (UTF-8 JSON). */
export async function exportBackup(
  accounts: readonly Account[],
  state: BackupState,
  password: string,
  options: ExportBackupOptions = {},
): Promise<Uint8Array> {
  const backupKey = await deriveBackupKey(password, options);
  return exportBackupWithKey(accounts, state, backupKey, options);
}

/** A backup key derived once, so automatic backups can be rewritten after each change without Argon2 each time. */
export interface BackupKey {
  key: Uint8Array;
  salt: Uint8Array;
  params: Argon2Params;
}

export async function deriveBackupKey(
  password: string,
  options: Pick<ExportBackupOptions, 'kdf' | 'random'> = {},
): Promise<BackupKey> {
  if (password === '') {
    throw new LatchkeyError('empty-password', 'Choose a password for the backup; it cannot be empty.');
  }
  const params = { ...DEFAULT_BACKUP_KDF, ...options.kdf };
  checkBackupKdf(params);
  const salt = (options.random ?? secureRandom)(16);
  return { key: await fileArgon2idKey(password, salt, params, APP), salt, params };
}

/** Writes a backup under an already derived key: a fresh nonce each time, the same salt and costs. */
export async function exportBackupWithKey(
  accounts: readonly Account[],
  state: BackupState,
  { key, salt, params }: BackupKey,
  options: Omit<ExportBackupOptions, 'kdf'> = {},
): Promise<Uint8Array> {
  const nonce = (options.random ?? secureRandom)(12);
  const plaintext = utf8Bytes(
    JSON.stringify(backupData(accounts, state, options.now ?? Date.now(), options.appVersion)),
  );
  const sealed = await aesGcmSeal(key, nonce, plaintext, utf8Bytes(BACKUP_AAD));
  const envelope: Envelope = {
    format: BACKUP_FORMAT,
    version: 1,
    kdf: { name: 'argon2id', ...params, salt: bytesToBase64(salt) },
    nonce: bytesToBase64(nonce),
    data: bytesToBase64(sealed),
  };
  return utf8Bytes(JSON.stringify(envelope, null, 2) + '\n');
}

function readEnvelope(json: unknown): {
  params: Argon2Params;
  salt: Uint8Array;
  nonce: Uint8Array;
  sealed: Uint8Array;
} {
  if (!isRecord(json) || json.format !== BACKUP_FORMAT) throw damagedFile('This is not a complete Latchkey backup.');
  if (json.version !== 1) {
    throw new LatchkeyError(
      'unsupported-format',
      'This backup was made by a newer version of Latchkey. Update Latchkey, then import it again.',
    );
  }
  const kdf = json.kdf;
  if (!isRecord(kdf) || kdf.name !== 'argon2id') throw damagedFile('The backup does not say how its key was made.');
  const params = {
    memoryKiB: Number(kdf.memoryKiB),
    iterations: Number(kdf.iterations),
    parallelism: Number(kdf.parallelism),
  };
  checkBackupKdf(params);
  const salt = readBase64Field(text(kdf.salt), 'The backup salt');
  const nonce = readBase64Field(text(json.nonce), 'The backup nonce');
  const sealed = readBase64Field(text(json.data), 'The backup data');
  if (salt.length < 16 || nonce.length !== 12 || sealed.length < 16) throw damagedFile('The backup is incomplete.');
  return { params, salt, nonce, sealed };
}

/**
 * Decrypts and validates a backup.
 * @throws LatchkeyError 'wrong-password', 'damaged-file', 'kdf-params' or 'unsupported-format'.
 */
export async function readBackup(bytes: Uint8Array, password: string, now = Date.now()): Promise<BackupContents> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw damagedFile('The backup file is not complete JSON.');
  }
  const { params, salt, nonce, sealed } = readEnvelope(json);
  const key = await fileArgon2idKey(password, salt, params, APP);
  const plain = await aesGcmOpen(key, nonce, sealed, utf8Bytes(BACKUP_AAD));
  if (!plain) throw wrongPassword();
  return readBackupData(parseJsonBytes(plain, 'The decrypted backup'), now);
}

/** Verifies a file written with exportBackupWithKey under the same key, without running Argon2 again. */
export async function readBackupWithKey(bytes: Uint8Array, backupKey: BackupKey, expectedCount: number): Promise<void> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw damagedFile('The backup just written does not read back; it was not kept.');
  }
  const { nonce, sealed } = readEnvelope(json);
  const plain = await aesGcmOpen(backupKey.key, nonce, sealed, utf8Bytes(BACKUP_AAD));
  const count = plain ? readBackupData(parseJsonBytes(plain, 'The decrypted backup')).accounts.length : -1;
  if (count !== expectedCount) throw damagedFile('The backup just written does not read back; it was not kept.');
}

/**
 * Reads a just-written backup back and checks it holds every account, so the app says "Backup saved" only about
 * a file that opens. Returns the number of accounts.
 */
export async function verifyBackup(bytes: Uint8Array, password: string, expectedCount?: number): Promise<number> {
  const contents = await readBackup(bytes, password);
  const count = contents.accounts.length;
  if (contents.problems.length > 0 || (expectedCount !== undefined && count !== expectedCount)) {
    throw damagedFile(`The backup file holds ${count} readable accounts instead of ${expectedCount ?? count}.`);
  }
  return count;
}

export const backupImporter: Importer = {
  id: 'latchkey-backup',
  label: 'Latchkey',
  detect: (input: ImportInput) =>
    (isRecord(input.json) && input.json.format === BACKUP_FORMAT) ||
    (looksLikeBrokenJson(input, ['format', 'kdf', 'nonce']) && input.text!.includes(`"${BACKUP_FORMAT}"`)),
  isEncrypted: () => true,
  async parse(input: ImportInput, password?: string): Promise<ImportResult> {
    if (!password) throw passwordRequired(APP);
    const { accounts, problems } = await readBackup(input.bytes, password);
    return { format: 'Latchkey backup', accounts, problems };
  },
};
