/**
 * FreeOTP+ JSON export: `{tokens: [{algo, counter, digits, issuerExt, issuerInt, label, period, secret, type}],
 * tokenOrder: ["issuer:label", …]}`. The secret is a Java byte array (signed, -128..127). FreeOTP stores the counter
 * of the last code shown, one less than the otpauth `counter` (the next code), so Latchkey adds one.
 */
import { encodeBase32 } from '../core/base32';
import { LatchkeyError } from '../core/errors';
import { brokenJson } from './shared/loose';
import type { Importer } from './types';
import { convertEach, entryLabel, text, toDraft } from './shared/drafts';
import { isRecord } from './shared/bytes';

const BROKEN = brokenJson(['tokens', 'secret']);
const APP = 'FreeOTP+';

function isExport(json: unknown): json is { tokens: unknown[] } & Record<string, unknown> {
  return (
    isRecord(json) && Array.isArray(json.tokens) && json.tokens.every((t) => isRecord(t) && Array.isArray(t.secret))
  );
}

/** Java's signed bytes to bytes; anything else in the array means a damaged token. */
function javaBytes(values: unknown[]): Uint8Array {
  if (!values.every((v) => Number.isInteger(v) && (v as number) >= -128 && (v as number) <= 255)) {
    throw new LatchkeyError('bad-secret', 'Its secret key is not a list of bytes.');
  }
  return Uint8Array.from(values as number[], (v) => v & 0xff);
}

function nextCounter(stored: unknown): unknown {
  return typeof stored === 'number' && Number.isSafeInteger(stored) ? stored + 1 : stored;
}

export const freeOtpPlusImporter: Importer = {
  id: 'freeotp-plus',
  label: APP,
  detect: (input) => isExport(input.json) || BROKEN.detect(input),
  isEncrypted: () => false,
  async parse(input) {
    BROKEN.refuse(input, APP);
    const json = input.json;
    const tokens = isExport(json) ? json.tokens : [];
    const order = isExport(json) && Array.isArray(json.tokenOrder) ? json.tokenOrder.map(text) : [];
    const position = (t: unknown) => {
      const at = isRecord(t) ? order.indexOf(`${text(t.issuerInt) || text(t.issuerExt)}:${text(t.label)}`) : -1;
      return at < 0 ? order.length : at;
    };
    // The file lists tokens in creation order; tokenOrder is the order the user arranged them in.
    const sorted = [...tokens].sort((a, b) => position(a) - position(b));
    const { accounts, problems } = convertEach(
      sorted,
      (t, i) => (isRecord(t) ? entryLabel(t.issuerExt || t.issuerInt, t.label, `token ${i + 1}`) : `token ${i + 1}`),
      (t) => {
        if (!isRecord(t) || !Array.isArray(t.secret))
          throw new LatchkeyError('missing-secret', 'It has no secret key.');
        return toDraft({
          type: t.type,
          secret: encodeBase32(javaBytes(t.secret)),
          issuer: text(t.issuerExt) || text(t.issuerInt),
          name: t.label,
          algorithm: t.algo,
          digits: t.digits,
          period: t.period,
          counter: nextCounter(t.counter),
        });
      },
    );
    return { format: APP, accounts, problems };
  },
};
