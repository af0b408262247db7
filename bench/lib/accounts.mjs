/**
 * Deterministic test accounts: 20-byte secrets (the common size) derived from a seed, SHA-1, 6 digits, 30 s,
 * the settings nearly every site uses. A different seed gives accounts that are no duplicates of another run's.
 */
import { createHash, createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32(bytes) {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function secretBytes(seed, i) {
  return createHash('sha256').update(`latchkey-bench:${seed}:${i}`).digest().subarray(0, 20);
}

export function makeAccounts(n, seed = 'a') {
  return Array.from({ length: n }, (_, i) => ({
    type: 'totp',
    secret: base32(secretBytes(seed, i)),
    issuer: `Bench ${seed.toUpperCase()}${i}`,
    name: `user${i}@example.com`,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    counter: 0,
  }));
}

/**
 * Issuers whose rows show a brand icon (src/app/icons: every one matches an icon of the shipped set), for the
 * list measured with icons; cycled through, so a screen of rows shows many different icons.
 */
export const BRAND_ISSUERS = (
  'GitHub,Google,Microsoft,Steam,GitLab,Dropbox,Discord,Facebook,Instagram,Reddit,Coinbase,Binance,Bitwarden,' +
  'Proton,PayPal,Stripe,Cloudflare,DigitalOcean,Hetzner,npm,PyPI,Epic Games,Battle.net,Ubisoft,EA,Riot Games,' +
  'PlayStation,Apple,Okta,Atlassian,Docker,Mastodon,Tailscale,WordPress,Namecheap,Robinhood,Wise,KuCoin,' +
  'Mozilla,1Password'
).split(',');

/** Like makeAccounts, with the issuers of BRAND_ISSUERS (numbered, so each row is its own account). */
export function makeBrandAccounts(n, seed = 'icons') {
  return makeAccounts(n, seed).map((account, i) => ({
    ...account,
    issuer: BRAND_ISSUERS[i % BRAND_ISSUERS.length],
  }));
}

export function otpauthList(accounts) {
  const lines = accounts.map(
    (a) =>
      `otpauth://totp/${encodeURIComponent(a.issuer)}:${encodeURIComponent(a.name)}` +
      `?secret=${a.secret}&issuer=${encodeURIComponent(a.issuer)}&algorithm=SHA1&digits=6&period=30`,
  );
  return Buffer.from(lines.join('\n') + '\n');
}

/** The machine's reference: node:crypto HMAC-SHA1 (OpenSSL), one code per call, keys already decoded. */
export function nodeCodes(keys, now) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(now / 30_000)));
  return keys.map((key) => {
    const mac = createHmac('sha1', key).update(counter).digest();
    const offset = mac[mac.length - 1] & 0x0f;
    return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
  });
}
