import { codeVersion, type Account } from '../core/account';
import { KeyCache, generateCodes } from '../core/otp';

export interface CodeView {
  code: string;
  /** The code of the next period (TOTP/Steam) for the optional preview; '' for HOTP. */
  next: string;
  /** The account's codeVersion the code was computed for. */
  version: string;
}

/**
 * All codes for one refresh, computed concurrently with cached non-extractable HMAC keys. The next code is
 * computed in the same batch so the preview never lags a tick behind.
 */
export async function computeCodes(
  accounts: readonly Account[],
  now: number,
  keys: KeyCache,
  withNext = false,
): Promise<Map<string, CodeView>> {
  const timed = withNext ? accounts.filter((a) => a.type !== 'hotp') : [];
  const [current, upcoming] = await Promise.all([
    generateCodes(accounts, now, keys),
    generateCodes(timed, now, keys, 1),
  ]);
  const result = new Map<string, CodeView>();
  accounts.forEach((a, i) => result.set(a.id, { code: current[i] ?? '', next: '', version: codeVersion(a) }));
  timed.forEach((a, i) => {
    const view = result.get(a.id);
    if (view) view.next = upcoming[i] ?? '';
  });
  return result;
}

export function createKeyCache(): KeyCache {
  return new KeyCache();
}
