/**
 * Published OTP test vectors (see /work/shared/reference/rfc-vectors.md for sources). Plain data: the unit tests
 * run them in Node and test/e2e/vectors.spec.ts runs the same tables in Chromium.
 */
import type { Algorithm, OtpType } from '../../src/core/account';
import type { Base32Secret } from '../../src/core/base32';
import { b32 } from '../support/brands';

export const RFC4226_SECRET = b32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'); // ASCII "12345678901234567890"

/** RFC 4226 Appendix D: counter, HMAC-SHA-1 hex, truncated value, 6-digit HOTP. */
export const RFC4226: readonly (readonly [number, string, number, string])[] = [
  [0, 'cc93cf18508d94934c64b65d8ba7667fb7cde4b0', 1284755224, '755224'],
  [1, '75a48a19d4cbe100644e8ac1397eea747a2d33ab', 1094287082, '287082'],
  [2, '0bacb7fa082fef30782211938bc1c5e70416ff44', 137359152, '359152'],
  [3, '66c28227d03a2d5529262ff016a1e6ef76557ece', 1726969429, '969429'],
  [4, 'a904c900a64b35909874b33e61c5938a8e15ed1c', 1640338314, '338314'],
  [5, 'a37e783d7b7233c083d4f62926c7a25f238d0316', 868254676, '254676'],
  [6, 'bc9cd28561042c83f219324d3c607256c03272ae', 1918287922, '287922'],
  [7, 'a4fb960c0bc06e1eabb804e5b397cdc4b45596fa', 82162583, '162583'],
  [8, '1b3c89f65e6c9e883012052823443f048b4332db', 673399871, '399871'],
  [9, '1637409809a679dc698207310c8c7fc07290d9e5', 645520489, '520489'],
];

/** RFC 6238 Appendix B seeds, per erratum 2866 (the SHA-256/512 results need the Appendix A reference-code seeds). */
export const RFC6238_SEEDS: Record<Algorithm, Base32Secret> = {
  SHA1: RFC4226_SECRET,
  SHA256: b32('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA'),
  SHA512: b32(
    'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA',
  ),
};

/** RFC 6238 Appendix B: Unix time (s), T as hex, 8-digit TOTP, algorithm. All 18 rows. */
export const RFC6238: readonly (readonly [number, string, string, Algorithm])[] = [
  [59, '0000000000000001', '94287082', 'SHA1'],
  [59, '0000000000000001', '46119246', 'SHA256'],
  [59, '0000000000000001', '90693936', 'SHA512'],
  [1111111109, '00000000023523EC', '07081804', 'SHA1'],
  [1111111109, '00000000023523EC', '68084774', 'SHA256'],
  [1111111109, '00000000023523EC', '25091201', 'SHA512'],
  [1111111111, '00000000023523ED', '14050471', 'SHA1'],
  [1111111111, '00000000023523ED', '67062674', 'SHA256'],
  [1111111111, '00000000023523ED', '99943326', 'SHA512'],
  [1234567890, '000000000273EF07', '89005924', 'SHA1'],
  [1234567890, '000000000273EF07', '91819424', 'SHA256'],
  [1234567890, '000000000273EF07', '93441116', 'SHA512'],
  [2000000000, '0000000003F940AA', '69279037', 'SHA1'],
  [2000000000, '0000000003F940AA', '90698825', 'SHA256'],
  [2000000000, '0000000003F940AA', '38618901', 'SHA512'],
  [20000000000, '0000000027BC86AA', '65353130', 'SHA1'],
  [20000000000, '0000000027BC86AA', '77737706', 'SHA256'],
  [20000000000, '0000000027BC86AA', '47863826', 'SHA512'],
];

/** Steam Guard: Base32 secret, Unix time (s), code. First four are published; the rest computed independently. */
export const STEAM: readonly (readonly [Base32Secret, number, string])[] = [
  [b32('Z3ZBVSU5ZE7PW3276QDB5KZKFAMT7Y4L'), 1616374841, '2F9J5'], // dyc3/steamguard-cli
  [b32('ON2XAZLSMR2XAZLSONSWG4TFOQ'), 3000030, 'YRGQJ'], // ValvePython/steam
  [b32('ON2XAZLSMR2XAZLSONSWG4TFOQ'), 3000029, '94R9D'], // ValvePython/steam
  [b32('STEAMKEY'), 1742298317, 'VKFDN'], // protonpass/proton-pass-common
  [RFC4226_SECRET, 59, 'PV9M4'],
  [RFC4226_SECRET, 1111111109, 'PY4YB'],
  [RFC4226_SECRET, 1234567890, 'VHHQY'],
  [RFC4226_SECRET, 2000000000, '9N776'],
];

export interface EntryVector {
  issuer: string;
  name: string;
  type: OtpType;
  secret: Base32Secret;
  algorithm: Algorithm;
  digits: number;
  period: number;
  counter: number;
  code: string;
}

/** Aegis VaultEntries.java (every Aegis importer fixture): codes at Unix time 1700000000 or the stored counter. */
export const AEGIS_ENTRIES_TIME = 1700000000;
export const AEGIS_ENTRIES: readonly EntryVector[] = [
  entry('Deno', 'Mason', 'totp', '4SJHB4GSD43FZBAI7C2HLRJGPQ', 'SHA1', 6, 30, 0, '790195'),
  entry('SPDX', 'James', 'totp', '5OM4WOOGPLQEF6UGN3CPEOOLWU', 'SHA256', 7, 20, 0, '9993814'),
  entry('Airbnb', 'Elijah', 'totp', '7ELGJSGXNCCTV3O6LKJWYFV2RA', 'SHA512', 8, 50, 0, '65516786'),
  entry('Issuu', 'James', 'hotp', 'YOOMIXWS5GN6RTBPUFFWKTW5M4', 'SHA1', 6, 30, 1, '253717'),
  entry('Air Canada', 'Benjamin', 'hotp', 'KUVJJOM753IHTNDSZVCNKL7GII', 'SHA256', 7, 30, 50, '4444976'),
  entry('WWE', 'Mason', 'hotp', '5VAML3X35THCEBVRLV24CGBKOY', 'SHA512', 8, 30, 10300, '24622277'),
  entry('Boeing', 'Sophia', 'steam', 'JRZCL47CMXVOQMNPZR2F7J4RGI', 'SHA1', 5, 30, 0, '747JR'),
  entry('Battle.net', 'US-2211-2050-3346', 'totp', 'BMGRXPGFARQQF4GMT25JATL2VYLAHDBI', 'SHA1', 8, 30, 0, '12715797'),
];

function entry(
  issuer: string,
  name: string,
  type: OtpType,
  secret: string,
  algorithm: Algorithm,
  digits: number,
  period: number,
  counter: number,
  code: string,
): EntryVector {
  return { issuer, name, type, secret: b32(secret), algorithm, digits, period, counter, code };
}

/**
 * Counters with bits above 32 (RFC 6238's year-2603 step still fits in 32 bits, so it cannot catch a writer that
 * drops the high word). Computed independently with Python's hmac module on the RFC 6238 seeds.
 * [counter as decimal text (bigint-safe), algorithm, digits, code]
 */
export const LARGE_COUNTERS: readonly (readonly [string, Algorithm, number, string])[] = [
  ['4294967296', 'SHA1', 6, '999456'],
  ['4294967297', 'SHA256', 8, '99447045'],
  ['9007199254740991', 'SHA512', 10, '0555766412'],
  ['9007199254740993', 'SHA1', 7, '0354518'],
  ['9223372036854775808', 'SHA256', 9, '273107488'],
  ['18446744073709551615', 'SHA512', 8, '44226760'],
];
