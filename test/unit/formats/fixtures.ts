/**
 * Builders for the importer tests: other apps' files made inside the tests, so no third-party sample is copied.
 * Where Node has the primitive (MD5, AES-CBC/GCM, PBKDF2, scrypt) the fixture uses node:crypto, so that a fixture
 * does not share code with the importer it tests; Argon2id comes from hash-wasm and the secretstream push from
 * @noble/ciphers, mirroring libsodium's push (the pull side is checked against real Ente files in
 * real-exports/more-apps.test.ts).
 */
import { createCipheriv, createDecipheriv, createHash, pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { chacha20, hchacha } from '@noble/ciphers/chacha.js';
import { Poly1305 } from '@noble/ciphers/_poly1305.js';
import type { AccountDraft } from '../../../src/core/account';
import { toImportInput } from '../../../src/formats/index';
import type { ImportInput } from '../../../src/formats/types';
import { b32 } from '../../support/brands';

export { expectRefusal } from '../../support/refusal';
export { randomBytes };

export const utf8 = (s: string) => new TextEncoder().encode(s);
export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
export const bytesInput = (bytes: Uint8Array): ImportInput => toImportInput(bytes);
export const textInput = (value: string): ImportInput => toImportInput(utf8(value));
export const json = (value: unknown): ImportInput => textInput(JSON.stringify(value));

/** Deterministic "random" bytes: fixtures must not change between runs. */
export function bytesOf(length: number, seed = 1): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed * 17) & 0xff);
}

/** AES-256-GCM: returns ciphertext and tag separately. */
export function gcmSealParts(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array) {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (aad) cipher.setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ct, tag: cipher.getAuthTag() };
}

export function gcmOpen(key: Uint8Array, iv: Uint8Array, ct: Uint8Array, tag: Uint8Array, aad?: Uint8Array): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

export function nodeScrypt(password: string, salt: Uint8Array, n: number, r: number, p: number): Buffer {
  return scryptSync(password, salt, 32, { N: n, r, p, maxmem: 512 * 1024 * 1024 });
}

export const pbkdf2 = (password: string, salt: Uint8Array, iterations: number, hash: 'sha1' | 'sha256') =>
  pbkdf2Sync(password, salt, iterations, 32, hash);
export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** An Aegis vault file encrypted as Aegis does, with small scrypt settings unless told otherwise. */
export function aegisEncrypted(db: unknown, password: string, scrypt = { n: 1024, r: 8, p: 1 }) {
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  const slotNonce = randomBytes(12);
  const dbNonce = randomBytes(12);
  const wrapped = gcmSealParts(nodeScrypt(password, salt, scrypt.n, scrypt.r, scrypt.p), slotNonce, masterKey);
  const sealed = gcmSealParts(masterKey, dbNonce, Buffer.from(JSON.stringify(db)));
  return {
    version: 1,
    header: {
      slots: [
        { type: 2, uuid: 'bio', key: randomBytes(32).toString('hex'), key_params: {} },
        {
          type: 1,
          uuid: 'a8325752-c1be-458a-9b3e-5e0a8154d9ec',
          key: wrapped.ct.toString('hex'),
          key_params: { nonce: slotNonce.toString('hex'), tag: wrapped.tag.toString('hex') },
          ...scrypt,
          salt: salt.toString('hex'),
        },
      ],
      params: { nonce: dbNonce.toString('hex'), tag: sealed.tag.toString('hex') },
    },
    db: sealed.ct.toString('base64'),
  };
}

/** The eight accounts every Aegis test sample holds, as drafts (public test data from the formats reference). */
export const EIGHT: AccountDraft[] = [
  {
    type: 'totp',
    issuer: 'Deno',
    name: 'Mason',
    secret: b32('4SJHB4GSD43FZBAI7C2HLRJGPQ'),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'SPDX',
    name: 'James',
    secret: b32('5OM4WOOGPLQEF6UGN3CPEOOLWU'),
    algorithm: 'SHA256',
    digits: 7,
    period: 20,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'Airbnb',
    name: 'Elijah',
    secret: b32('7ELGJSGXNCCTV3O6LKJWYFV2RA'),
    algorithm: 'SHA512',
    digits: 8,
    period: 50,
    counter: 0,
  },
  {
    type: 'hotp',
    issuer: 'Issuu',
    name: 'James',
    secret: b32('YOOMIXWS5GN6RTBPUFFWKTW5M4'),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 1,
  },
  {
    type: 'hotp',
    issuer: 'Air Canada',
    name: 'Benjamin',
    secret: b32('KUVJJOM753IHTNDSZVCNKL7GII'),
    algorithm: 'SHA256',
    digits: 7,
    period: 30,
    counter: 50,
  },
  {
    type: 'hotp',
    issuer: 'WWE',
    name: 'Mason',
    secret: b32('5VAML3X35THCEBVRLV24CGBKOY'),
    algorithm: 'SHA512',
    digits: 8,
    period: 30,
    counter: 10300,
  },
  {
    type: 'steam',
    issuer: 'Boeing',
    name: 'Sophia',
    secret: b32('JRZCL47CMXVOQMNPZR2F7J4RGI'),
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'Battle.net',
    name: 'US-2211-2050-3346',
    secret: b32('BMGRXPGFARQQF4GMT25JATL2VYLAHDBI'),
    algorithm: 'SHA1',
    digits: 8,
    period: 30,
    counter: 0,
  },
];

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
