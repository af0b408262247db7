/** The one account draft tests start from: a TOTP account with the defaults, changed by `fields`. */
import { DEFAULT_DRAFT, type AccountDraft } from '../../src/core/account';
import { b32 } from './brands';

export function draft(fields: Partial<AccountDraft> = {}): AccountDraft {
  // In the order the parser writes its fields: the vector runner compares JSON text.
  const { type, algorithm, digits, period, counter } = DEFAULT_DRAFT;
  const base = { type, secret: b32('JBSWY3DPEHPK3PXP'), issuer: '', name: '', algorithm, digits, period, counter };
  return { ...base, ...fields };
}
