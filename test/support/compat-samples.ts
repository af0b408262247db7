/**
 * The one way tests read ../shared/compat-samples: real exports of other apps, GPL test data that is never copied
 * into this repository. The folder sits beside the project's checkout; where it is absent (a fresh clone in CI)
 * `COMPAT_SAMPLES_PRESENT` is false and the tests that need it skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AccountDraft } from '../../src/core/account';
import type { Base32Secret } from '../../src/core/base32';

/** Absolute path of the samples folder, with a trailing slash. */
export const COMPAT_SAMPLES = fileURLToPath(new URL('../../../shared/compat-samples/', import.meta.url));
export const COMPAT_SAMPLES_PRESENT = existsSync(`${COMPAT_SAMPLES}expected-accounts.json`);

/** A sample's bytes, by its path inside the folder (`aegis/aegis_encrypted.json`). */
export function sampleBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(COMPAT_SAMPLES + path));
}

export function sampleText(path: string): string {
  return readFileSync(COMPAT_SAMPLES + path, 'utf8');
}

/** Every account the samples hold, as INDEX.md lists them (`expected-accounts.json`). */
export function expectedSampleAccounts<T>(): T[] {
  return COMPAT_SAMPLES_PRESENT ? (JSON.parse(sampleText('expected-accounts.json')) as { accounts: T[] }).accounts : [];
}

/**
 * The accounts that google-authenticator-migration/example_output.json lists, as drafts: Google's format has no
 * period or digits other than its defaults, so those are filled in.
 */
export function expectedGoogleAccounts(): AccountDraft[] {
  const listed = JSON.parse(sampleText('google-authenticator-migration/example_output.json')) as {
    name: string;
    secret: string;
    issuer: string;
    type: 'totp' | 'hotp';
    counter: number | null;
  }[];
  return listed.map((e) => ({
    type: e.type,
    secret: e.secret as Base32Secret,
    issuer: e.issuer,
    name: e.name,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: e.counter ?? 0,
  }));
}
