/**
 * The "New secret" tool for people adding two-factor login to their own site: a random key, and a check of a
 * code against it the way a server should do it (RFC 6238 §5.2: the current step and one either side).
 */
import { encodeBase32 } from '../core/base32';
import { secureRandom, type RandomSource } from '../core/bytes';
import { verifyCode, type CodeParams, type VerifyResult } from '../core/otp';

/** 160 bits: the HMAC-SHA1 output size, which RFC 4226 §4 recommends as the shared secret's length. */
export const SECRET_BYTES = 20;

export function generateSecret(random: RandomSource = secureRandom): string {
  return encodeBase32(random(SECRET_BYTES));
}

/** Base32 in groups of four, easier to read aloud or type; the parser ignores the spaces. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export interface CodeCheck {
  matched: boolean;
  step?: number;
  message: string;
}

export async function checkCode(params: CodeParams, code: string, now = Date.now()): Promise<CodeCheck> {
  const typed = code.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(typed)) return { matched: false, message: 'A code is made of digits only.' };
  if (typed.length !== params.digits) {
    return { matched: false, message: `This secret makes ${params.digits}-digit codes; you typed ${typed.length}.` };
  }
  return describeCheck(await verifyCode(params, typed, { now, window: 1 }));
}

export function describeCheck(result: VerifyResult): CodeCheck {
  if (!result.matched || result.step === undefined) {
    return {
      matched: false,
      message:
        'No match: this code is not the current one, nor one step before or after. Check the secret, the settings and both clocks.',
    };
  }
  const { step } = result;
  const message =
    step === 0
      ? 'Matches the current code (step 0).'
      : step < 0
        ? `Matches the code from ${-step} step${step === -1 ? '' : 's'} ago (step ${step}): accepted, the code was typed late or the device clock is behind.`
        : `Matches the code of ${step} step${step === 1 ? '' : 's'} ahead (step +${step}): accepted, the device clock is ahead.`;
  return { matched: true, step, message };
}
