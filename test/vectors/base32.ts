/** Base32 vectors: RFC 4648 §10, the Key-Uri wiki example, the lenient forms apps accept, and refusals. */

/** [text, bytes as hex]. Padded RFC forms; encodeBase32 writes them without the "=". */
export const RFC4648: readonly (readonly [string, string])[] = [
  ['MY======', '66'],
  ['MZXQ====', '666f'],
  ['MZXW6===', '666f6f'],
  ['MZXW6YQ=', '666f6f62'],
  ['MZXW6YTB', '666f6f6261'],
  ['MZXW6YTBOI======', '666f6f626172'],
  ['JBSWY3DPEHPK3PXP', '48656c6c6f21deadbeef'], // Google wiki example: "Hello!" then 0xDEADBEEF
  ['STEAMKEY', '94c8062898'], // Proton's Steam vector secret
];

/** [as typed, canonical form]: what real setup pages and apps hand over. */
export const LENIENT: readonly (readonly [string, string])[] = [
  ['jbswy3dpehpk3pxp', 'JBSWY3DPEHPK3PXP'],
  ['jbsw y3dp ehpk 3pxp', 'JBSWY3DPEHPK3PXP'],
  ['JBSW-Y3DP-EHPK-3PXP', 'JBSWY3DPEHPK3PXP'],
  ['  JBSWY3DPEHPK3PXP\n', 'JBSWY3DPEHPK3PXP'],
  ['MZXW6===', 'MZXW6'],
  ['MZXW6', 'MZXW6'],
  ['MZXW6=', 'MZXW6'], // too little padding
  ['MZXW6YTB========', 'MZXW6YTB'], // too much padding
  ['GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA'],
  ['JBSWY3DPEHPK3PXP\u00a0', 'JBSWY3DPEHPK3PXP'], // no-break space copied from a web page
];

/** Odd lengths: [text, bytes as hex]; the bits that do not fill a byte are ignored. */
export const ODD_LENGTHS: readonly (readonly [string, string])[] = [
  ['MZX', '66'], // 15 bits
  ['MZXW6YTBO', '666f6f6261'], // 45 bits
];

/** [text, expected code, position named in the message or undefined]. */
export const INVALID: readonly (readonly [string, 'bad-secret' | 'missing-secret', number?])[] = [
  ['JBSW1Y3DP', 'bad-secret', 5],
  ['0BSWY3DP', 'bad-secret', 1],
  ['JBSWY3DP8', 'bad-secret', 9],
  ['JBSWY3D9', 'bad-secret', 8],
  ['JBSWY3DP!', 'bad-secret', 9],
  ['jbsw_y3dp', 'bad-secret', 5],
  ['JBSWY3DPé', 'bad-secret', 9],
  ['😀JBSWY3DP', 'bad-secret', 1], // one character, though two UTF-16 units
  ['JBSW\u0000Y3DP', 'bad-secret', 5],
  ['MZ==XW6', 'bad-secret', 3], // data after padding
  ['A', 'bad-secret'], // not a single whole byte
  ['', 'missing-secret'],
  ['   ', 'missing-secret'],
  ['====', 'missing-secret'],
];
