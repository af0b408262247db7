/**
 * Duo Mobile's account file (`files/duokit/accounts.json` on Android, as Aegis reads it): a JSON array of
 * `{name, accountType, otpGenerator: {otpSecret, counter?}, serviceTypeLabel?}`. A counter means HOTP, otherwise
 * TOTP (SHA1, 6 digits, 30 s). Duo's own push accounts carry no OTP secret and become problems.
 */
import { LatchkeyError } from '../core/errors';
import { brokenJson } from './shared/loose';
import type { Importer } from './types';
import { convertEach, entryLabel, text, toDraft } from './shared/drafts';
import { isRecord } from './shared/bytes';

const BROKEN = brokenJson(['otpGenerator', 'otpSecret']);
const APP = 'Duo Mobile';

function isExport(json: unknown): json is unknown[] {
  return Array.isArray(json) && json.length > 0 && json.every((a) => isRecord(a) && 'otpGenerator' in a);
}

export const duoImporter: Importer = {
  id: 'duo',
  label: APP,
  detect: (input) => isExport(input.json) || BROKEN.detect(input),
  isEncrypted: () => false,
  async parse(input) {
    BROKEN.refuse(input, APP);
    const { accounts, problems } = convertEach(
      isExport(input.json) ? input.json : [],
      (a, i) => (isRecord(a) ? entryLabel(a.serviceTypeLabel, a.name, `account ${i + 1}`) : `account ${i + 1}`),
      (a) => {
        const generator = isRecord(a) ? a.otpGenerator : null;
        if (!isRecord(a) || !isRecord(generator) || typeof generator.otpSecret !== 'string') {
          throw new LatchkeyError('missing-secret', 'It is a Duo push account without a code secret.');
        }
        const hotp = generator.counter !== undefined && generator.counter !== null;
        return toDraft({
          type: hotp ? 'hotp' : 'totp',
          secret: generator.otpSecret,
          issuer: text(a.serviceTypeLabel),
          name: a.name,
          counter: generator.counter,
        });
      },
    );
    return { format: APP, accounts, problems };
  },
};
