/**
 * Types that cannot be mixed up (as Bitwarden's `Opaque<>`): a branded value is its base type plus a tag that
 * only its maker attaches, so a plain string or CryptoKey cannot be passed where an account id, a Base32 secret,
 * the master key or an HMAC key is expected, nor one of them for another.
 */
declare const brand: unique symbol;
export type Brand<Base, Name extends string> = Base & { readonly [brand]: Name };
