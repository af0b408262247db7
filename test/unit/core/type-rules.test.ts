/** Each OTP type's rules hold the same wherever a draft is built: a link, the manual form, an importer. */
import { describe, expect, it } from 'vitest';
import type { AccountDraft, OtpType } from '../../../src/core/account';
import { draftFromFields } from '../../../src/core/draft';
import { parseOtpauth } from '../../../src/core/uri';
import { validateDraft } from '../../../src/core/validate';
import { toDraft } from '../../../src/formats/shared/drafts';

const SECRET = 'JBSWY3DPEHPK3PXP';
type Params = Pick<AccountDraft, 'algorithm' | 'digits' | 'period' | 'counter'>;

/** The same account as each way in receives it: algorithm SHA256, 8 digits, period 60, counter 7. */
const WAYS_IN: Record<string, (type: OtpType) => AccountDraft> = {
  link: (type) => parseOtpauth(`otpauth://${type}/X:y?secret=${SECRET}&algorithm=SHA256&digits=8&period=60&counter=7`),
  form: (type) =>
    draftFromFields({
      type,
      issuer: 'X',
      name: 'y',
      secret: SECRET,
      algorithm: 'SHA256',
      digits: '8',
      period: '60',
      counter: '7',
    }),
  importer: (type) =>
    toDraft({ type, secret: SECRET, issuer: 'X', name: 'y', algorithm: 'SHA256', digits: 8, period: 60, counter: 7 }),
  'stored draft': (type) =>
    validateDraft({
      type,
      secret: SECRET,
      issuer: 'X',
      name: 'y',
      algorithm: 'SHA256',
      digits: 8,
      period: 60,
      counter: 7,
    }),
};

const EXPECTED: Record<OtpType, Params> = {
  // Only TOTP has a period of its own.
  totp: { algorithm: 'SHA256', digits: 8, period: 60, counter: 0 },
  // Only HOTP has a counter; its period is the default, whatever was typed or written.
  hotp: { algorithm: 'SHA256', digits: 8, period: 30, counter: 7 },
  // Steam is SHA1, 5 characters, 30 seconds, whatever else is said.
  steam: { algorithm: 'SHA1', digits: 5, period: 30, counter: 0 },
};

describe('type rules', () => {
  const cases = Object.keys(WAYS_IN).flatMap((way) =>
    (Object.keys(EXPECTED) as OtpType[]).map((type) => [way, type] as const),
  );
  it.each(cases)('%s, %s', (way, type) => {
    const draft = WAYS_IN[way]!(type);
    const { algorithm, digits, period, counter } = draft;
    expect({ algorithm, digits, period, counter }).toEqual(EXPECTED[type]);
  });
});
