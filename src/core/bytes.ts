/**
 * Byte helpers for every layer (the encoders are in encoding.ts). WebCrypto's typings (TypeScript 5.9) accept only
 * ArrayBuffer-backed views, so every byte array made here is a `Bytes`: a Uint8Array over its own ArrayBuffer.
 */
export type Bytes = Uint8Array<ArrayBuffer>;

/** Where random bytes come from; tests pass a seeded source so that their output is repeatable (rule 4). */
export type RandomSource = (length: number) => Bytes;

/** The only source of randomness outside tests. */
export const secureRandom: RandomSource = (length) => crypto.getRandomValues(new Uint8Array(length));

/** A copy over a fresh ArrayBuffer: detaches stored data from the caller's buffer and fixes the buffer type. */
export function copyBytes(view: Uint8Array): Bytes {
  return new Uint8Array(view);
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Constant-time equality: the time taken does not depend on where two values first differ. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** Overwrites key material once it is no longer needed, so it does not linger in memory until garbage collection. */
export function wipe(...buffers: Uint8Array[]): void {
  for (const buffer of buffers) buffer.fill(0);
}
