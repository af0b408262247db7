/**
 * Secrets (QR codes of accounts, transfer codes) are shown only to someone who proved, within the last minute,
 * that they know the password: an unlocked phone left on a desk should not hand out every account.
 */
export const REVERIFY_AFTER_MS = 60_000;

/** `verifiedAt` is the session's last unlock or password confirmation (null when locked). */
export function needsPassword(verifiedAt: number | null, now = Date.now()): boolean {
  return verifiedAt === null || !(now - verifiedAt <= REVERIFY_AFTER_MS);
}
