import { readFileSync } from 'node:fs';
import type { AccountDraft } from '../../src/core/account';

/**
 * The accounts that ../shared/compat-samples/google-authenticator-migration/example_output.json lists, as drafts:
 * Google's format has no period or digits other than its defaults, so those are filled in.
 */
export function expectedGoogleAccounts(dir: string): AccountDraft[] {
  const listed = JSON.parse(readFileSync(`${dir}example_output.json`, 'utf8')) as {
    name: string;
    secret: string;
    issuer: string;
    type: 'totp' | 'hotp';
    counter: number | null;
  }[];
  return listed.map((e) => ({
    type: e.type,
    secret: e.secret,
    issuer: e.issuer,
    name: e.name,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: e.counter ?? 0,
  }));
}
