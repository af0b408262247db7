/**
 * What kind of text was given where an account link was expected, and a message saying so. Messages show at most
 * a scheme and a host name, never a path or query: those can hold secrets or tokens.
 */

/** The lower-cased scheme of a link ("otpauth", "https", "web+otpauth"), or undefined for plain text. */
export function schemeOf(text: string): string | undefined {
  const match = /^([a-z][a-z0-9+.-]{0,31}):/i.exec(text);
  return match?.[1]?.toLowerCase();
}

/** Google Authenticator's export link; its decoder is an importer (src/formats), not this parser. */
export function isMigrationLink(text: string): boolean {
  return schemeOf(text.trim()) === 'otpauth-migration';
}

export function describeNotOtpauth(input: string, scheme: string | undefined): string {
  const what = 'not an account link (otpauth://)';
  if (scheme === 'otpauth' || scheme === 'web+otpauth') {
    return `This account link is incomplete: "${scheme}:" must be followed by "//".`;
  }
  if (scheme === 'otpauth-migration') {
    return 'This is a Google Authenticator export (otpauth-migration://), which can hold many accounts; import it instead of adding one account.';
  }
  if (scheme === 'http' || scheme === 'https') {
    const host = hostOf(input.slice(scheme.length + 1));
    return `This is a web address (${scheme}://${host ? host : '…'}), ${what}.`;
  }
  if (scheme === 'steam') return `This is a Steam app link, ${what}.`;
  if (scheme !== undefined && input.slice(scheme.length + 1).startsWith('//')) {
    return `This is a "${scheme}:" link, ${what}.`;
  }
  if (/^[A-Za-z2-7=\s-]{16,}$/.test(input)) {
    return 'This looks like a bare secret key, not an account link; enter it as the secret key of a new account.';
  }
  return 'This text is not an account link; account links start with otpauth://.';
}

/** The host of "//user:pass@host:port/path", shown only when it looks like a plain host name. */
function hostOf(rest: string): string | undefined {
  if (!rest.startsWith('//')) return undefined;
  const authority = rest.slice(2).split(/[/?#]/, 1)[0]!;
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  return /^[A-Za-z0-9.-]{1,64}(:\d{1,5})?$/.test(host) ? host : undefined;
}
