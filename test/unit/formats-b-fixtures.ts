/**
 * Encoders and encryptors that build the part-B importer fixtures inside the tests (no third-party sample is
 * copied). Where Node has the primitive (MD5, AES-CBC/GCM, PBKDF2) the fixture uses node:crypto, so that a fixture
 * does not share code with the importer it tests; Argon2id comes from hash-wasm and the secretstream push from
 * @noble/ciphers, mirroring libsodium's push (the pull side is checked against real Ente files in compat-b).
 */
import { createCipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { chacha20, hchacha } from '@noble/ciphers/chacha.js';
import { Poly1305 } from '@noble/ciphers/_poly1305.js';
import { expect } from 'vitest';
import { toImportInput } from '../../src/formats/index';
import { isLatchkeyError, type ErrorCode } from '../../src/core/errors';
import type { ImportInput } from '../../src/formats/types';

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const json = (value: unknown): ImportInput => toImportInput(utf8(JSON.stringify(value)));
export const textInput = (value: string): ImportInput => toImportInput(utf8(value));

/** Deterministic "random" bytes: fixtures must not change between runs. */
export function bytesOf(length: number, seed = 1): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 17) & 0xff);
}

/** Every refusal is a LatchkeyError with the expected code and a sentence (capital letter, full stop). */
export async function expectRefusal(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isLatchkeyError(error, code), `expected LatchkeyError ${code}, got ${String(error)}`).toBe(true);
  expect((error as Error).message).toMatch(/^[A-Z"].{15,}[.!]$/s);
}

// --- CryptoJS.AES.encrypt(text, passphrase) -----------------------------------------------------------------

export function cryptoJsEncrypt(plain: string, passphrase: string, salt = bytesOf(8, 7)): string {
  const pass = Buffer.from(passphrase, 'utf8');
  let derived = Buffer.alloc(0);
  let block = Buffer.alloc(0);
  while (derived.length < 48) {
    block = createHash('md5')
      .update(Buffer.concat([block, pass, salt]))
      .digest();
    derived = Buffer.concat([derived, block]);
  }
  const cipher = createCipheriv('aes-256-cbc', derived.subarray(0, 32), derived.subarray(32, 48));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from('Salted__'), salt, body]).toString('base64');
}

// --- AES --------------------------------------------------------------------------------------------------

export function gcmSeal(key: Uint8Array, iv: Uint8Array, plain: Uint8Array, aad?: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

export function cbcSeal(key: Uint8Array, iv: Uint8Array, plain: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

export function pbkdf2Sha1(password: string, salt: Uint8Array, iterations: number): Uint8Array {
  return pbkdf2Sync(password, salt, iterations, 32, 'sha1');
}

export async function argon2Key(
  password: string,
  salt: Uint8Array,
  memorySize: number,
  iterations: number,
  parallelism = 1,
): Promise<Uint8Array> {
  return argon2id({ password, salt, memorySize, iterations, parallelism, hashLength: 32, outputType: 'binary' });
}

// --- libsodium crypto_secretstream_xchacha20poly1305_push (one message) ----------------------------------

const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
const words = (b: Uint8Array) => new Uint32Array(Uint8Array.from(b).buffer);

export function secretstreamPush(key: Uint8Array, header: Uint8Array, message: Uint8Array, tag: number): Uint8Array {
  const subkeyWords = new Uint32Array(8);
  hchacha(SIGMA, words(key), words(header.subarray(0, 16)), subkeyWords);
  const subkey = new Uint8Array(subkeyWords.buffer);
  const nonce = new Uint8Array(12);
  nonce[0] = 1;
  nonce.set(header.subarray(16, 24), 4);
  const macKey = chacha20(subkey, nonce, new Uint8Array(64), undefined, 0).subarray(0, 32);
  const block = new Uint8Array(64);
  block[0] = tag;
  chacha20(subkey, nonce, block, block, 1);
  const body = message.length ? chacha20(subkey, nonce, message, undefined, 2) : new Uint8Array(0);
  const le64 = (n: number) => {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
    return out;
  };
  const mac = new Poly1305(macKey)
    .update(block)
    .update(body)
    .update(new Uint8Array((0x10 - 64 + body.length) & 0xf))
    .update(le64(0))
    .update(le64(64 + body.length))
    .digest();
  return Uint8Array.from([block[0] ?? 0, ...body, ...mac]);
}
