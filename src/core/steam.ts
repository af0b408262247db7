/**
 * Steam Guard codes: RFC 4226 dynamic truncation of an HMAC-SHA1 over the 30-second time step, written as five
 * characters from Steam's alphabet, least significant first. The same loop is in Aegis (OTP.java toSteamString),
 * Bitwarden (totp.service.ts) and KeePassXC (totp.cpp); vectors are in test/vectors/otp.ts.
 */
export const STEAM_ALPHABET = '23456789BCDFGHJKMNPQRTVWXY';

/**
 * Every Steam rule, in one place (as Aegis's SteamInfo): whatever a link, a file or a form says, a Steam account
 * is SHA1, five characters, 30 seconds. core/validate.ts applies it to every way in.
 */
export const STEAM = { algorithm: 'SHA1', digits: 5, period: 30 } as const;

/** Turns the 31-bit truncated HMAC value into a Steam Guard code. */
export function steamCode(truncated: number): string {
  let value = truncated;
  let code = '';
  for (let i = 0; i < STEAM.digits; i++) {
    code += STEAM_ALPHABET[value % STEAM_ALPHABET.length];
    value = Math.floor(value / STEAM_ALPHABET.length);
  }
  return code;
}
