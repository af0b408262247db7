/**
 * libsodium `crypto_secretstream_xchacha20poly1305`, the pull side of one message, as Ente Auth uses it for its
 * encrypted export. Neither WebCrypto nor @noble/ciphers offers the stream construction itself, so it is rebuilt
 * here from noble's HChaCha20, ChaCha20 (IETF) and Poly1305, following libsodium's
 * `crypto_secretstream/xchacha20poly1305/secretstream_xchacha20poly1305.c`:
 *
 * - init: subkey = HChaCha20(key, header[0..16]); nonce = counter (u32 LE, starts at 1) || header[16..24].
 * - pull: Poly1305 key = first 32 bytes of ChaCha20(subkey, nonce, block 0). The tag byte is decrypted with block 1
 *   (a 64-byte block whose first byte is the encrypted tag); the message with blocks 2 onwards.
 * - MAC input: ad || pad16(ad) || block(64, first byte = encrypted tag) || ciphertext || pad || le64(adlen) ||
 *   le64(64 + mlen), where pad is libsodium's `(0x10 - 64 + mlen) & 0xf` — a known misalignment that is part of
 *   the wire format, so it must be reproduced exactly (standard RFC 8439 padding would reject every real file).
 *
 * Only the first message is read: Ente writes one, with tag MESSAGE (0) in the nominal sample, not TAG_FINAL, so
 * the tag is returned to the caller rather than required.
 */

export const SECRETSTREAM_HEADER_BYTES = 24;
/** Tag byte + Poly1305 MAC. */
export const SECRETSTREAM_ABYTES = 17;

export interface PulledMessage {
  message: Uint8Array;
  tag: number;
}

/** "expand 32-byte k" as little-endian words: the ChaCha constants HChaCha20 starts from. */
const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);

function wordsLE(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const words = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < words.length; i++) words[i] = view.getUint32(i * 4, true);
  return words;
}

function bytesLE(words: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  const view = new DataView(bytes.buffer);
  words.forEach((word, i) => view.setUint32(i * 4, word, true));
  return bytes;
}

function le64(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value), true);
  return bytes;
}

/** Constant-time comparison: a MAC check should not leak how many leading bytes matched. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Decrypts and authenticates the first message of a secretstream. Returns null when the MAC does not match (a
 * wrong key or altered bytes — the construction cannot tell these apart).
 * @throws RangeError when the key, header or ciphertext has an impossible length.
 */
export async function secretstreamPullFirst(
  key: Uint8Array,
  header: Uint8Array,
  ciphertext: Uint8Array,
  ad: Uint8Array = new Uint8Array(0),
): Promise<PulledMessage | null> {
  if (key.length !== 32) throw new RangeError('secretstream key must be 32 bytes');
  if (header.length !== SECRETSTREAM_HEADER_BYTES) throw new RangeError('secretstream header must be 24 bytes');
  if (ciphertext.length < SECRETSTREAM_ABYTES) throw new RangeError('secretstream message is too short');
  const [{ hchacha, chacha20 }, { Poly1305 }] = await Promise.all([
    import('@noble/ciphers/chacha.js'),
    import('@noble/ciphers/_poly1305.js'),
  ]);

  const subkeyWords = new Uint32Array(8);
  hchacha(SIGMA, wordsLE(key), wordsLE(header.subarray(0, 16)), subkeyWords);
  const subkey = bytesLE(subkeyWords);
  const nonce = new Uint8Array(12);
  nonce[0] = 1; // the stream counter, little-endian, starts at 1 after init
  nonce.set(header.subarray(16, 24), 4);

  const mlen = ciphertext.length - SECRETSTREAM_ABYTES;
  const encryptedTag = ciphertext[0] ?? 0;
  const body = ciphertext.subarray(1, 1 + mlen);
  const storedMac = ciphertext.subarray(1 + mlen);

  const macKey = chacha20(subkey, nonce, new Uint8Array(64), undefined, 0).subarray(0, 32);
  const tagBlock = new Uint8Array(64);
  tagBlock[0] = encryptedTag;
  chacha20(subkey, nonce, tagBlock, tagBlock, 1);
  const tag = tagBlock[0] ?? 0;
  tagBlock[0] = encryptedTag; // the MAC covers the encrypted tag byte followed by keystream

  const mac = new Poly1305(macKey);
  mac.update(ad);
  mac.update(new Uint8Array((0x10 - ad.length) & 0xf));
  mac.update(tagBlock);
  mac.update(body);
  mac.update(new Uint8Array((0x10 - 64 + mlen) & 0xf));
  mac.update(le64(ad.length));
  mac.update(le64(64 + mlen));
  if (!equalBytes(mac.digest(), storedMac)) return null;

  const message = mlen === 0 ? new Uint8Array(0) : chacha20(subkey, nonce, body, undefined, 2);
  return { message, tag };
}
