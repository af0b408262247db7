/**
 * Byte helpers for the vault. WebCrypto's typings (TypeScript 5.9) accept only ArrayBuffer-backed views, so every
 * byte array the vault hands to `crypto.subtle` is a `Bytes`: a Uint8Array over its own ArrayBuffer.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Where random bytes come from; tests pass a seeded source so that their output is repeatable. */
export type RandomSource = (length: number) => Bytes;

export const secureRandom: RandomSource = (length) => crypto.getRandomValues(new Uint8Array(length));

const encoder = new TextEncoder();

export function utf8(text: string): Bytes {
  return encoder.encode(text);
}

/** A copy over a fresh ArrayBuffer: detaches stored data from the caller's buffer and fixes the buffer type. */
export function copyBytes(view: Uint8Array): Bytes {
  return new Uint8Array(view);
}

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Overwrites key material once it is no longer needed, so it does not linger in memory until garbage collection. */
export function wipe(...buffers: Uint8Array[]): void {
  for (const buffer of buffers) buffer.fill(0);
}
