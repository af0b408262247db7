import type { AccountDraft, Algorithm, OtpType } from './account';
import { normalizeSecret } from './base32';
import { wellFormed } from './text';
import { typeParams } from './validate';

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
  return {
    type: f.type,
    secret: normalizeSecret(f.secret),
    issuer: wellFormed(f.issuer).trim(),
    name: wellFormed(f.name).trim(),
    // An empty field is a mistake in a form, not "use the default" as in a link.
    ...typeParams(f.type, f, { required: true }),
  };
}
