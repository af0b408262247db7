import type { ImportInput } from '../types';

/**
 * Recognising andOTP's encrypted backups, which are raw binary with no magic number:
 *   new (0.6.3+): int32 BE iterations || salt 12 || nonce 12 || ciphertext || tag 16
 *   old:          nonce 12 || ciphertext || tag 16   (key = SHA-256(password))
 * The old format is indistinguishable from random bytes, so it is only a fallback: binary (not UTF-8), at least
 * 28 bytes, none of the magic numbers of files people might pick by mistake, and bytes that look like ciphertext
 * (high Shannon entropy). A photo or a zip is thus not mistaken for a backup; truly random junk is, and then fails
 * with "wrong password or damaged file", which is honest.
 */

export const NEW_HEADER = 4 + 12 + 12;
export const OLD_HEADER = 12;
export const GCM_TAG = 16;

/** andOTP picks 140,000 to 160,000 iterations; a wider window keeps other builds while rejecting most files. */
const ITERATIONS_WINDOW = [10_000, 2_000_000] as const;

const MAGIC: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x50, 0x4b, 0x03, 0x04], // zip (Proton Pass, docx ...)
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x1f, 0x8b, 0x08], // gzip
  [0xac, 0xed, 0x00, 0x05], // Java serialisation (FreeOTP 2 backups)
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP, WAV)
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x53, 0x51, 0x4c, 0x69], // SQLite
  [0x41, 0x75, 0x74, 0x68], // "Auth": Stratum / Authenticator Pro ("AUTHENTICATORPRO", "AuthenticatorPro")
  [0x41, 0x55, 0x54, 0x48],
];

function hasKnownMagic(bytes: Uint8Array): boolean {
  return MAGIC.some((magic) => magic.every((b, i) => bytes[i] === b));
}

/** Shannon entropy of the bytes, in bits per byte. */
function entropy(bytes: Uint8Array): number {
  const counts = new Uint32Array(256);
  for (const b of bytes) counts[b]!++;
  let h = 0;
  for (const c of counts) if (c) h -= (c / bytes.length) * Math.log2(c / bytes.length);
  return h;
}

/**
 * Whether bytes look like ciphertext. The plug-in entropy of n random bytes falls short of 8 bits by about
 * 255 / (2 n ln 2) (Miller-Madow); allow 0.6 bit under that. Short inputs carry too little evidence to refuse.
 */
export function looksEncrypted(bytes: Uint8Array): boolean {
  if (bytes.length < 64) return true;
  const expected = 8 - 255 / (2 * bytes.length * Math.LN2);
  return entropy(bytes) >= Math.min(expected - 0.6, 7.5);
}

export function iterationsOf(bytes: Uint8Array): number {
  return bytes.length < 4 ? 0 : new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0);
}

export function isNewFormat(input: ImportInput): boolean {
  const iterations = iterationsOf(input.bytes);
  return (
    input.text === null &&
    iterations >= ITERATIONS_WINDOW[0] &&
    iterations <= ITERATIONS_WINDOW[1] &&
    looksEncrypted(input.bytes.subarray(4))
  );
}

export function isOldFormat(input: ImportInput): boolean {
  return (
    input.text === null &&
    input.bytes.length >= OLD_HEADER + GCM_TAG &&
    !hasKnownMagic(input.bytes) &&
    looksEncrypted(input.bytes)
  );
}
