/**
 * How an issuer, an icon's title and a domain are compared: as keys without case, accents, punctuation or the
 * company form ("GitHub, Inc." and "github" are the same key), and the names a domain offers ("alice@gitlab.com"
 * offers "gitlab"). Pure and table-driven (test/unit/app/icons).
 */

/** Company forms that end an issuer's name and say nothing about the brand. */
const COMPANY_FORMS =
  /[\s,]+(?:inc|incorporated|llc|l\.l\.c|ltd|limited|gmbh|ag|sa|sas|srl|bv|nv|plc|corp|corporation|co|company|pty|oy|ab|kk|s\.a|s\.r\.l|b\.v)\.?$/i;

/** The name without the company form at its end: "Hetzner Online GmbH" → "Hetzner Online". */
export function withoutCompanyForm(text: string): string {
  let name = text.trim();
  for (let previous = ''; previous !== name;) {
    previous = name;
    name = name.replace(COMPANY_FORMS, '').trim();
  }
  return name;
}

/** Letters and digits only, lower case, without accents: "Crédit Agricole" → "creditagricole". */
export function nameKey(text: string): string {
  return withoutCompanyForm(text.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Labels of a host name that name a service's login, not the service: "accounts.google.com" is Google. */
const GENERIC_LABELS = new Set([
  'www',
  'mail',
  'email',
  'accounts',
  'account',
  'login',
  'signin',
  'auth',
  'id',
  'sso',
  'secure',
  'my',
  'app',
  'apps',
  'portal',
  'admin',
  'console',
  'dashboard',
  'web',
  'm',
]);

/** Second-level labels of country domains ("example.co.uk"): the name is the label before them. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'ne', 'or', 'gv', 'go']);

const HOST =
  /(?:^|[@\s/(<])((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}]{2,24})(?=$|[\s/:)>,?#]|\.\s|\.$)/gu;

/** The host names written in a text: an email's domain, a web address, or a bare "github.com". */
export function hostsIn(text: string): string[] {
  const lower = text.normalize('NFKC').toLowerCase();
  return [...lower.matchAll(HOST)].map((m) => m[1]!.replace(/^www\./, ''));
}

/**
 * The names a host offers, most telling first: the registrable label ("gitlab" of "alice@gitlab.com", "proton" of
 * "mail.proton.me", "example" of "example.co.uk"), then the labels before it, right to left, without the generic
 * ones ("accounts", "login", ...).
 */
export function hostNames(host: string): string[] {
  const labels = host.split('.');
  labels.pop(); // the top-level domain
  if (labels.length > 1 && SECOND_LEVEL.has(labels.at(-1)!)) labels.pop();
  return labels.reverse().filter((label) => !GENERIC_LABELS.has(label) && label.length > 1);
}

/**
 * Mailbox providers: the domain of an account name like "alice@gmail.com" says where alice gets her mail, not
 * which service the account is for, unless the account has no issuer at all (old Google links were just that).
 */
const MAILBOXES = new Set([
  'gmail',
  'googlemail',
  'outlook',
  'hotmail',
  'live',
  'msn',
  'yahoo',
  'ymail',
  'icloud',
  'me',
  'mac',
  'proton',
  'protonmail',
  'pm',
  'gmx',
  'aol',
  'zoho',
  'zohomail',
  'tuta',
  'tutanota',
  'tutamail',
  'fastmail',
  'posteo',
  'mailbox',
  'yandex',
  'hey',
]);

export function isMailbox(host: string): boolean {
  return hostNames(host).some((name) => MAILBOXES.has(name));
}

/** True when the whole text is one host name ("GitHub.com", "accounts.google.com"). */
export function isHostName(text: string): boolean {
  const hosts = hostsIn(text.trim());
  return (
    hosts.length === 1 &&
    hosts[0] ===
      text
        .trim()
        .toLowerCase()
        .replace(/^www\./, '')
  );
}

/**
 * Words that follow a brand's name in an issuer without changing which brand it is ("Steam Guard", "Apple ID",
 * "Docker Hub", "Epic Games Store"). Only these are dropped from the end of an issuer: "Charles Schwab" must not
 * become "Charles", a web proxy's icon.
 */
const PRODUCT_WORDS = new Set(
  (
    'account accounts id login signin sign-in sso admin console portal dashboard cloud enterprise business ' +
    'workspace pro plus premium store shop connect network online app apps web mail email server hub guard vault ' +
    'platform service services developer developers dev api identity auth security 2fa mfa totp otp verify ' +
    'team teams organization community forum technologies software labs pass vpn drive wallet calendar'
  ).split(' '),
);

/**
 * Shorter forms of an issuer, to try after the whole: without a parenthesis or what follows a dash or colon
 * ("Google (work)", "GitHub - Company"), then without the product words at its end ("GitHub Enterprise Server"
 * → "GitHub Enterprise" → "GitHub").
 */
export function shorterForms(issuer: string): string[] {
  const forms: string[] = [];
  const whole = withoutCompanyForm(issuer);
  const head = whole.split(/\s*[([{]|\s+[-–—|:/]\s*|:\s*/)[0]!.trim();
  if (head && head !== whole) forms.push(head);
  const words = head.split(/\s+/).filter(Boolean);
  while (words.length > 1 && PRODUCT_WORDS.has(words.at(-1)!.toLowerCase())) {
    words.pop();
    forms.push(words.join(' '));
  }
  return forms;
}
