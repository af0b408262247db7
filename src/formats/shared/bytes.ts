/**
 * Reading encoded fields of other apps' files. The encoders themselves live in core/bytes.ts; here a field that
 * should hold Base64, hex or JSON and does not becomes LatchkeyError('damaged-file'), because for the person
 * importing, that is a damaged file.
 */
import { type Bytes } from '../../core/bytes';
import { base64ToBytes, bytesToUtf8, hexToBytes } from '../../core/encoding';
import { LatchkeyError } from '../../core/errors';

export function readBase64Field(text: string, what = 'A field'): Bytes {
  const bytes = base64ToBytes(text);
  if (!bytes) throw new LatchkeyError('damaged-file', `${what} is not valid Base64, so the file looks damaged.`);
  return bytes;
}

export function readHexField(text: string, what = 'A field'): Bytes {
  const bytes = hexToBytes(text);
  if (!bytes) throw new LatchkeyError('damaged-file', `${what} is not valid hexadecimal, so the file looks damaged.`);
  return bytes;
}

/** Decrypted or embedded JSON that does not parse means the file is damaged (the password was already right). */
export function parseJsonBytes(bytes: Uint8Array, what: string): unknown {
  const text = bytesToUtf8(bytes);
  try {
    if (text !== null) return JSON.parse(text) as unknown;
  } catch {
    // said below
  }
  throw new LatchkeyError('damaged-file', `${what} could not be read, so the file looks damaged.`);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
