/**
 * Base32 (RFC 4648 §6) for OTP secrets. Decoding is as lenient as the authenticator apps people migrate from
 * (lower case, spaces, hyphens, missing or extra "=" padding, lengths that leave a few bits over) and strict about
 * everything else: a stray "1", "0", "8" or "9" is almost always a misread "I", "O", "B" or "g", so the error names
 * the character and where it is.
 */
import type { Brand } from './brand';
import { LatchkeyError } from './errors';

/** A secret in canonical Base32 (A-Z, 2-7, no padding, no separators): made by normalizeSecret or encodeBase32. */
export type Base32Secret = Brand<string, 'Base32Secret'>;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Character code → 5-bit value, or -1. Lower case maps like upper case. */
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  VALUES[ALPHABET.charCodeAt(i)] = i;
  VALUES[ALPHABET.toLowerCase().charCodeAt(i)] = i;
}

/** Separators people type or copy from setup pages ("abcd efgh", "ABCD-EFGH"); they carry no data. */
function isSeparator(ch: string): boolean {
  return ch === ' ' || ch === '-' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

/**
 * Returns the secret in canonical form: upper case A-Z/2-7, no padding, no separators. The characters are kept
 * as given (not re-encoded from bytes) so that an exported link shows the secret the user typed.
 * @throws LatchkeyError 'missing-secret' when nothing is left, 'bad-secret' for any other character.
 */
export function normalizeSecret(input: string): Base32Secret {
  let out = '';
  let position = 0;
  let paddingAt = 0; // position of the first "=" seen, 0 when none yet: data after it is refused
  for (const ch of input) {
    position++; // 1-based and counted in characters as the user sees them, not UTF-16 units
    if (isSeparator(ch)) continue;
    if (ch === '=') {
      paddingAt ||= position;
      continue;
    }
    const code = ch.charCodeAt(0);
    if (code >= 128 || VALUES[code] === -1) throw badCharacter(ch, position);
    if (paddingAt) throw badCharacter('=', paddingAt);
    out += ch.toUpperCase();
  }
  if (out === '') {
    throw new LatchkeyError(
      'missing-secret',
      'The secret key is empty. Copy the key from the setup page of the service.',
    );
  }
  if (out.length < 2) {
    throw new LatchkeyError(
      'bad-secret',
      'The secret key is too short: Base32 needs at least 2 characters for one byte.',
    );
  }
  return out as Base32Secret;
}

function badCharacter(ch: string, position: number): LatchkeyError {
  if (ch === '=') {
    return new LatchkeyError(
      'bad-secret',
      `The secret key has "=" at position ${position}; "=" may only pad the end of a Base32 key.`,
      { position },
    );
  }
  // Name visible characters as they are; a control or space-like character would print as nothing.
  const shown = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `"${ch}"` : 'an invisible character';
  return new LatchkeyError(
    'bad-secret',
    `The secret key has ${shown} at position ${position}; Base32 uses only A-Z and 2-7.`,
    { position },
  );
}

/** Decodes Base32 leniently (see normalizeSecret); bits that do not fill a whole byte at the end are ignored. */
export function decodeBase32(input: string): Uint8Array<ArrayBuffer> {
  const text = normalizeSecret(input);
  const bytes = new Uint8Array((text.length * 5) >> 3);
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 5) | VALUES[text.charCodeAt(i)]!) & 0xffff; // at most 12 live bits, never overflows
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = buffer >> bits;
    }
  }
  return bytes;
}

/** Encodes bytes as canonical Base32: upper case, no padding (what otpauth links and the vault store). */
export function encodeBase32(bytes: Uint8Array): Base32Secret {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xfff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(buffer >> bits) & 31];
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out as Base32Secret;
}
