import { BinaryReader, BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import type { AccountDraft, Algorithm } from '../../core/account';
import { decodeBase32, encodeBase32 } from '../../core/base32';
import { LatchkeyError } from '../../core/errors';
import type { ImportProblem } from '../types';
import { convertEach, entryLabel, splitIssuerPrefix, toDraft } from '../shared/drafts';
import { readBase64Field } from '../shared/bytes';
import { type RandomSource, secureRandom } from '../../core/bytes';
import { bytesToBase64 } from '../../core/encoding';

/**
 * Google Authenticator's export, `otpauth-migration://offline?data=BASE64`: a protobuf MigrationPayload
 * { repeated OtpParameters otp_parameters = 1; int32 version = 2, batch_size = 3, batch_index = 4, batch_id = 5 },
 * OtpParameters { bytes secret = 1; string name = 2, issuer = 3; enum algorithm = 4, digits = 5, type = 6;
 * int64 counter = 7 }. There is no period field: it is always 30 seconds. The wire format is read and
 * written with @bufbuild/protobuf's BinaryReader/BinaryWriter rather than hand-written varints: the 10-byte varints
 * of negative batch ids and int64 counters are exactly where hand-written code goes wrong.
 */

export interface MigrationBatch {
  /** Number of QR codes in the export. */
  size: number;
  /** 0-based position of this QR code. */
  index: number;
  /** Shared by every QR code of one export; a random int32, often negative, sometimes 0. */
  id: number;
}

export interface MigrationResult {
  accounts: AccountDraft[];
  problems: ImportProblem[];
  batch: MigrationBatch;
}

interface OtpParameters {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number;
  digits: number;
  type: number;
  counter: bigint;
}

const PREFIX = /^otpauth-migration:\/\/offline\?/i;
/** Google Authenticator puts about 10 accounts per QR code; 1000 codes is far beyond any real export. */
const MAX_BATCH_SIZE = 1000;
const ALGORITHM_BY_ENUM: Record<number, Algorithm> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const ENUM_BY_ALGORITHM: Record<Algorithm, number> = { SHA1: 1, SHA256: 2, SHA512: 3 };

function badMigration(detail: string): LatchkeyError {
  return new LatchkeyError(
    'bad-migration',
    `This Google Authenticator export link is damaged: ${detail}. Scan the QR code again or export once more.`,
  );
}

export function isMigrationLink(text: string): boolean {
  return PREFIX.test(text.trim());
}

/** The raw `data` value, percent-decoded but with "+" kept: some producers leave Base64's "+" unescaped. */
function payloadBytes(link: string): Uint8Array {
  const trimmed = link.trim();
  if (!PREFIX.test(trimmed)) {
    throw new LatchkeyError('not-otpauth', 'This is not a Google Authenticator export link (otpauth-migration://).');
  }
  const query = trimmed.replace(PREFIX, '');
  const raw = query
    .split('&')
    .find((pair) => pair.startsWith('data='))
    ?.slice(5);
  if (!raw) throw badMigration('it has no data');
  let base64: string;
  try {
    base64 = decodeURIComponent(raw);
  } catch {
    throw badMigration('its data is not correctly percent-encoded');
  }
  try {
    return readBase64Field(base64);
  } catch {
    throw badMigration('its data is not valid Base64');
  }
}

function expectWire(actual: WireType, expected: WireType): void {
  if (actual !== expected) throw new Error('unexpected wire type');
}

/** int64 → int32 the way protobuf does for an int32 field written as a 10-byte varint. */
function readInt32(reader: BinaryReader): number {
  return Number(BigInt.asIntN(32, BigInt(reader.int64())));
}

function readOtpParameters(bytes: Uint8Array): OtpParameters {
  const reader = new BinaryReader(bytes);
  const otp: OtpParameters = {
    secret: new Uint8Array(),
    name: '',
    issuer: '',
    algorithm: 0,
    digits: 0,
    type: 0,
    counter: 0n,
  };
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1 || field === 2 || field === 3) {
      expectWire(wire, WireType.LengthDelimited);
      if (field === 1) otp.secret = reader.bytes();
      else if (field === 2) otp.name = reader.string();
      else otp.issuer = reader.string();
    } else if (field >= 4 && field <= 7) {
      expectWire(wire, WireType.Varint);
      if (field === 7) otp.counter = BigInt(reader.int64());
      else if (field === 4) otp.algorithm = readInt32(reader);
      else if (field === 5) otp.digits = readInt32(reader);
      else otp.type = readInt32(reader);
    } else {
      reader.skip(wire, field);
    }
  }
  return otp;
}

function readPayload(bytes: Uint8Array): { otps: OtpParameters[]; batch: MigrationBatch } {
  const reader = new BinaryReader(bytes);
  const otps: OtpParameters[] = [];
  const batch: MigrationBatch = { size: 1, index: 0, id: 0 };
  while (reader.pos < reader.len) {
    const [field, wire] = reader.tag();
    if (field === 1) {
      expectWire(wire, WireType.LengthDelimited);
      otps.push(readOtpParameters(reader.bytes()));
    } else if (field >= 2 && field <= 5) {
      expectWire(wire, WireType.Varint);
      const value = readInt32(reader);
      if (field === 3) batch.size = value;
      else if (field === 4) batch.index = value;
      else if (field === 5) batch.id = value;
    } else {
      reader.skip(wire, field);
    }
  }
  return { otps, batch };
}

function otpToDraft(otp: OtpParameters): AccountDraft {
  if (otp.algorithm === 4) {
    throw new LatchkeyError('bad-algorithm', 'It uses the MD5 algorithm, which Latchkey does not support.');
  }
  const algorithm = ALGORITHM_BY_ENUM[otp.algorithm];
  if (!algorithm) throw new LatchkeyError('bad-algorithm', 'It uses an algorithm Latchkey does not know.');
  const digits = otp.digits === 2 ? 8 : otp.digits <= 1 ? 6 : null;
  if (digits === null) throw new LatchkeyError('bad-digits', 'Its number of digits is not one Latchkey knows.');
  const type = otp.type === 1 ? 'hotp' : otp.type === 0 || otp.type === 2 ? 'totp' : null;
  if (type === null) throw new LatchkeyError('bad-type', 'Its code type is not TOTP or HOTP.');
  if (otp.secret.length === 0) throw new LatchkeyError('missing-secret', 'It has no secret key.');
  const names = splitIssuerPrefix(otp.name, otp.issuer.trim());
  return toDraft({ ...names, type, secret: encodeBase32(otp.secret), algorithm, digits, counter: otp.counter });
}

/**
 * Decodes one `otpauth-migration://` link (one QR code of an export).
 * @throws LatchkeyError 'bad-migration' when the data is not Base64 or not a MigrationPayload.
 */
export function decodeMigrationLink(link: string): MigrationResult {
  const bytes = payloadBytes(link);
  let payload: ReturnType<typeof readPayload>;
  try {
    payload = readPayload(bytes);
  } catch {
    throw badMigration('its data is not a Google Authenticator payload');
  }
  if (payload.otps.length === 0) throw badMigration('it holds no accounts');
  const batch = { ...payload.batch, size: Math.max(1, payload.batch.size) }; // some producers leave size at 0
  if (batch.size > MAX_BATCH_SIZE || batch.index < 0 || batch.index >= batch.size) {
    throw badMigration(`it claims to be QR code ${batch.index + 1} of ${batch.size}, which cannot be`);
  }
  const { accounts, problems } = convertEach(
    payload.otps,
    (otp, i) => entryLabel(otp.issuer, otp.name, `account ${i + 1}`),
    otpToDraft,
  );
  return { accounts, problems, batch };
}

export interface MigrationEncodeOptions {
  /** Shared id of the batch; a random int32 by default. */
  batchId?: number;
  /** Accounts per QR code; small enough for a readable QR code. */
  perCode?: number;
  random?: RandomSource;
}

/** Why Google Authenticator cannot hold this account, or null when it can. */
function leftOutReason(account: AccountDraft): string | null {
  if (account.type === 'steam') return 'Google Authenticator cannot hold Steam accounts.';
  if (account.digits !== 6 && account.digits !== 8) {
    return `Google Authenticator supports 6 or 8 digits, not ${account.digits}.`;
  }
  if (account.type === 'totp' && account.period !== 30) {
    return `Google Authenticator supports only a 30-second period, not ${account.period} seconds.`;
  }
  return null;
}

function writeOtp(writer: BinaryWriter, account: AccountDraft): void {
  writer.tag(1, WireType.LengthDelimited).fork();
  writer.tag(1, WireType.LengthDelimited).bytes(decodeBase32(account.secret));
  writer.tag(2, WireType.LengthDelimited).string(account.name);
  writer.tag(3, WireType.LengthDelimited).string(account.issuer);
  writer.tag(4, WireType.Varint).int32(ENUM_BY_ALGORITHM[account.algorithm]);
  writer.tag(5, WireType.Varint).int32(account.digits === 8 ? 2 : 1);
  writer.tag(6, WireType.Varint).int32(account.type === 'hotp' ? 1 : 2);
  if (account.type === 'hotp') writer.tag(7, WireType.Varint).int64(account.counter);
  writer.join();
}

/** Encodes accounts as Google Authenticator export links, `perCode` accounts per link (QR code). */
export function encodeMigrationPayloads(
  accounts: readonly AccountDraft[],
  options: MigrationEncodeOptions = {},
): { links: string[]; leftOut: { account: AccountDraft; reason: string }[] } {
  const perCode = Math.max(1, Math.floor(options.perCode ?? 10));
  const random = options.random ?? secureRandom;
  const id = random(4);
  const batchId = options.batchId ?? (id[0]! << 24) | (id[1]! << 16) | (id[2]! << 8) | id[3]!;
  const leftOut: { account: AccountDraft; reason: string }[] = [];
  const fitting = accounts.filter((account) => {
    const reason = leftOutReason(account);
    if (reason) leftOut.push({ account, reason });
    return reason === null;
  });
  const size = Math.ceil(fitting.length / perCode);
  const links: string[] = [];
  for (let index = 0; index < size; index++) {
    const writer = new BinaryWriter();
    fitting.slice(index * perCode, (index + 1) * perCode).forEach((account) => writeOtp(writer, account));
    writer.tag(2, WireType.Varint).int32(1);
    writer.tag(3, WireType.Varint).int32(size);
    writer.tag(4, WireType.Varint).int32(index);
    writer.tag(5, WireType.Varint).int32(batchId | 0);
    links.push(`otpauth-migration://offline?data=${encodeURIComponent(bytesToBase64(writer.finish()))}`);
  }
  return { links, leftOut };
}
