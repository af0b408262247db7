/**
 * Fixture builders for the part-A format tests. They use node:crypto, an implementation independent of the code
 * under test, so a file the tests write follows the published format and not merely Latchkey's reading of it.
 */
import { createCipheriv, createDecipheriv, createHash, pbkdf2Sync, randomBytes, scryptSync } from 'node:crypto';
import { expect } from 'vitest';
import type { AccountDraft } from '../../src/core/account';
import { isLatchkeyError, type ErrorCode } from '../../src/core/errors';
import { toImportInput } from '../../src/formats/index';
import type { ImportInput } from '../../src/formats/types';

export const bytesInput = (bytes: Uint8Array): ImportInput => toImportInput(bytes);
export const textInput = (text: string): ImportInput => toImportInput(new TextEncoder().encode(text));
export const jsonInput = (value: unknown): ImportInput => textInput(JSON.stringify(value));

/** AES-256-GCM: returns ciphertext and tag separately. */
export function gcmSeal(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array) {
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
export { randomBytes };

/** An Aegis vault file encrypted as Aegis does, with small scrypt settings unless told otherwise. */
export function aegisEncrypted(db: unknown, password: string, scrypt = { n: 1024, r: 8, p: 1 }) {
  const masterKey = randomBytes(32);
  const salt = randomBytes(32);
  const slotNonce = randomBytes(12);
  const dbNonce = randomBytes(12);
  const wrapped = gcmSeal(nodeScrypt(password, salt, scrypt.n, scrypt.r, scrypt.p), slotNonce, masterKey);
  const sealed = gcmSeal(masterKey, dbNonce, Buffer.from(JSON.stringify(db)));
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

/** Asserts a coded refusal whose message is a sentence (capital letter first, full stop last). */
export async function expectRefusal(promise: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<Error> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  expect(isLatchkeyError(caught, code), `expected LatchkeyError '${code}', got ${String(caught)}`).toBe(true);
  expect((caught as Error).message).toMatch(/^[A-Z].{15,}[.!]$/s);
  return caught as Error;
}

/** The eight accounts every Aegis test sample holds, as drafts (public test data from the formats reference). */
export const EIGHT: AccountDraft[] = [
  {
    type: 'totp',
    issuer: 'Deno',
    name: 'Mason',
    secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'SPDX',
    name: 'James',
    secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU',
    algorithm: 'SHA256',
    digits: 7,
    period: 20,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'Airbnb',
    name: 'Elijah',
    secret: '7ELGJSGXNCCTV3O6LKJWYFV2RA',
    algorithm: 'SHA512',
    digits: 8,
    period: 50,
    counter: 0,
  },
  {
    type: 'hotp',
    issuer: 'Issuu',
    name: 'James',
    secret: 'YOOMIXWS5GN6RTBPUFFWKTW5M4',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 1,
  },
  {
    type: 'hotp',
    issuer: 'Air Canada',
    name: 'Benjamin',
    secret: 'KUVJJOM753IHTNDSZVCNKL7GII',
    algorithm: 'SHA256',
    digits: 7,
    period: 30,
    counter: 50,
  },
  {
    type: 'hotp',
    issuer: 'WWE',
    name: 'Mason',
    secret: '5VAML3X35THCEBVRLV24CGBKOY',
    algorithm: 'SHA512',
    digits: 8,
    period: 30,
    counter: 10300,
  },
  {
    type: 'steam',
    issuer: 'Boeing',
    name: 'Sophia',
    secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI',
    algorithm: 'SHA1',
    digits: 5,
    period: 30,
    counter: 0,
  },
  {
    type: 'totp',
    issuer: 'Battle.net',
    name: 'US-2211-2050-3346',
    secret: 'BMGRXPGFARQQF4GMT25JATL2VYLAHDBI',
    algorithm: 'SHA1',
    digits: 8,
    period: 30,
    counter: 0,
  },
];
