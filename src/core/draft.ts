import { STEAM_DIGITS, type AccountDraft, type Algorithm, type OtpType } from './account';
import { normalizeSecret } from './base32';
import { checkAlgorithm, checkCounter, checkDigits, checkPeriod, STEAM_PERIOD } from './validate';

/** The manual form's raw text fields. */
export interface DraftFields {
  issuer: string;
  name: string;
  secret: string;
  type: OtpType;
  algorithm: Algorithm;
  digits: string;
  period: string;
  counter: string;
}

/** Turns form text into a valid draft, or throws the same coded errors (and messages) the link parser uses. */
export function draftFromFields(f: DraftFields): AccountDraft {
  const steam = f.type === 'steam';
  return {
    type: f.type,
    secret: normalizeSecret(f.secret),
    issuer: f.issuer.trim(),
    name: f.name.trim(),
    algorithm: steam ? 'SHA1' : checkAlgorithm(f.algorithm),
    digits: steam ? STEAM_DIGITS : checkDigits(f.digits.trim()),
    period: steam ? STEAM_PERIOD : checkPeriod(f.period.trim()),
    counter: f.type === 'hotp' ? checkCounter(f.counter.trim()) : 0,
  };
}
