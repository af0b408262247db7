/**
 * The matcher against issuers as real otpauth links write them (the `issuer` parameter, or the label's prefix),
 * with the shipped set: domains, company forms, case, accents, product words, and the look-alikes it must not
 * take ("Charles Schwab" is not Charles the web proxy).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCatalog, searchCatalog, type BrandCatalog } from '../../../../src/app/icons/catalog';
import { chooseIcon, matchAccount } from '../../../../src/app/icons/match';
import { shippedCatalog } from './shipped';

let catalog: BrandCatalog;
beforeAll(async () => {
  catalog = (await shippedCatalog()).catalog;
});

const slugOf = (issuer: string, name = '') => matchAccount(catalog, { issuer, name })?.slug ?? 'letter';

describe('issuers of real otpauth links', () => {
  it.each([
    // [issuer, account name, the icon shown]
    ['GitHub', 'octocat', 'github'],
    ['github.com', 'octocat', 'github'],
    ['GitHub, Inc.', 'octocat', 'github'],
    ['GITHUB', 'octocat', 'github'],
    ['GitHub Enterprise Server', 'octocat', 'github'],
    ['GitHub - Acme Corp', 'octocat', 'github'],
    ['GitLab', 'alice@example.com', 'gitlab'],
    ['gitlab.com', 'alice', 'gitlab'],
    ['gitlab.example.com', 'alice', 'gitlab'],
    ['Google', 'alice@gmail.com', 'google'],
    ['accounts.google.com', 'alice@gmail.com', 'google'],
    ['Google (Work)', 'alice@acme.com', 'google'],
    ['Google Accounts', 'alice@gmail.com', 'google'],
    ['Steam', 'gaben', 'steam'],
    ['Dropbox', 'alice@example.com', 'dropbox'],
    ['Discord', 'alice#1234', 'discord'],
    ['Discord Inc', 'alice', 'discord'],
    ['Twitter', '@alice', 'x'],
    ['X', '@alice', 'x'],
    ['Facebook', 'alice@example.com', 'facebook'],
    ['Instagram', 'alice', 'instagram'],
    ['Reddit', 'u/alice', 'reddit'],
    ['Coinbase', 'alice@example.com', 'coinbase'],
    ['Binance.com', 'alice@example.com', 'binance'],
    ['Bitwarden', 'alice@example.com', 'bitwarden'],
    ['Proton', 'alice@proton.me', 'proton'],
    ['ProtonMail', 'alice@protonmail.com', 'protonmail'],
    ['Proton Mail', 'alice@proton.me', 'protonmail'],
    ['proton.me', 'alice', 'proton'],
    ['Tutanota', 'alice@tutanota.com', 'tuta'],
    ['PayPal', 'alice@example.com', 'paypal'],
    ['Stripe', 'alice@example.com', 'stripe'],
    ['Cloudflare, Inc.', 'alice@example.com', 'cloudflare'],
    ['DigitalOcean', 'alice@example.com', 'digitalocean'],
    ['Hetzner Online GmbH', 'K0123456789', 'hetzner'],
    ['npm', 'alice', 'npm'],
    ['npmjs.com', 'alice', 'npm'],
    ['PyPI', 'alice', 'pypi'],
    ['Epic Games', 'alice@example.com', 'epicgames'],
    ['Battle.net', 'alice#1234', 'battledotnet'],
    ['Blizzard', 'alice', 'battledotnet'],
    ['Ubisoft Connect', 'alice', 'ubisoft'],
    ['Uplay', 'alice', 'ubisoft'],
    ['EA', 'alice', 'ea'],
    ['Electronic Arts', 'alice', 'ea'],
    ['Riot Games', 'alice', 'riotgames'],
    ['PlayStation Network', 'alice', 'playstation'],
    ['Sony Interactive Entertainment', 'alice', 'playstation'],
    ['Apple', 'alice@icloud.com', 'apple'],
    ['Apple ID', 'alice@icloud.com', 'apple'],
    ['Okta', 'alice@acme.com', 'okta'],
    ['Auth0', 'alice', 'auth0'],
    ['Atlassian', 'alice@acme.com', 'atlassian'],
    ['Docker Hub', 'alice', 'docker'],
    ['mastodon.social', 'alice', 'mastodon'],
    ['Home Assistant', 'alice', 'homeassistant'],
    ['Tailscale Inc.', 'alice@github', 'tailscale'],
    ['WordPress.com', 'alice', 'wordpress'],
    ['Namecheap', 'alice', 'namecheap'],
    ['Robinhood', 'alice@example.com', 'robinhood'],
    ['TransferWise', 'alice', 'wise'],
    ['KuCoin', 'alice', 'kucoin'],
    ['Mozilla', 'alice@example.com', 'mozilla'],
    ['Ubuntu One', 'alice@example.com', 'ubuntu'],
    ['1Password', 'alice@example.com', '1password'],
    ['LastPass', 'alice@example.com', 'lastpass'],
    ['itch.io', 'alice', 'itchdotio'],
    ['GOG.com', 'alice', 'gogdotcom'],
    // Microsoft: not in simple-icons (removed at Microsoft's request); Latchkey draws it (build/brand-icons/extra.ts).
    ['Microsoft', 'alice@outlook.com', 'microsoft'],
    ['Microsoft Corporation', 'alice@outlook.com', 'microsoft'],
    ['login.microsoftonline.com', 'alice@acme.com', 'microsoft'],
    ['Microsoft Entra', 'alice@acme.com', 'microsoft'],
    // Brands simple-icons does not carry (at their owners' request, or not at all): the letter.
    ['Amazon Web Services', 'alice', 'letter'],
    ['Slack', 'alice@acme.com', 'letter'],
    ['LinkedIn', 'alice', 'letter'],
    // Look-alikes: a first word that is another brand is not enough.
    ['Charles Schwab', 'alice', 'letter'],
    ['Epic Systems', 'alice', 'letter'],
    ['Apple Bank', 'alice', 'letter'],
    ['Acme Corp VPN', 'alice', 'letter'],
    // A mailbox beside an issuer names alice's mail, not the service.
    ['Acme Corp VPN', 'alice@gmail.com', 'letter'],
    ['Acme Corp VPN', 'alice@proton.me', 'letter'],
    // No issuer: the domain of the account name, or the name itself.
    ['', 'alice@gitlab.com', 'gitlab'],
    ['', 'alice@github.com', 'github'],
    ['', 'alice@gmail.com', 'gmail'],
    ['', 'https://mail.proton.me/u/0', 'proton'],
    ['', 'GitHub', 'github'],
    ['', 'alice', 'letter'],
    // An issuer that matches nothing, and a service domain in the name: the domain.
    ['Acme', 'alice@dropbox.com', 'dropbox'],
  ])('%j with name %j shows %s', (issuer, name, expected) => {
    expect(slugOf(issuer, name)).toBe(expected);
  });
});

describe('names compared without case, accents or company form', () => {
  const small = buildCatalog([
    ['societegenerale', 'Société Générale', 'E9041E', 'M0 0h24v24H0z'],
    ['koda', 'Škoda', '0E3A2F', 'M0 0h24v24H0z', ['Skoda Auto']],
    ['andt', 'AT&T', '009FDB', 'M0 0h24v24H0z'],
  ]);
  it.each([
    ['SOCIETE GENERALE', 'societegenerale'],
    ['Société Générale S.A.', 'societegenerale'],
    ['Skoda', 'koda'],
    ['ŠKODA', 'koda'],
    ['Skoda Auto', 'koda'],
    ['AT&T', 'andt'],
    ['AT and T', 'andt'],
  ])('%s → %s', (issuer, slug) => {
    expect(matchAccount(small, { issuer, name: '' })?.slug).toBe(slug);
  });
});

describe('what the row shows', () => {
  const account = { issuer: 'GitHub', name: 'octocat' };
  it('a chosen icon wins over the names; a brand name another app gave is resolved; an unknown one falls back', () => {
    const kind = (choice: ReturnType<typeof chooseIcon>) => (choice.kind === 'brand' ? choice.icon.slug : choice.kind);
    expect(kind(chooseIcon(catalog, account))).toBe('github');
    expect(kind(chooseIcon(catalog, { ...account, icon: { kind: 'letter' } }))).toBe('letter');
    expect(kind(chooseIcon(catalog, { ...account, icon: { kind: 'brand', slug: 'gitlab' } }))).toBe('gitlab');
    expect(kind(chooseIcon(catalog, { ...account, icon: { kind: 'brand', slug: 'GitLab' } }))).toBe('gitlab');
    expect(kind(chooseIcon(catalog, { ...account, icon: { kind: 'brand', slug: 'No Such Brand' } }))).toBe('github');
    expect(
      chooseIcon(catalog, { ...account, icon: { kind: 'image', mime: 'image/png', dataBase64: 'iVBORw0KGgo=' } }),
    ).toEqual({ kind: 'image', src: 'data:image/png;base64,iVBORw0KGgo=' });
    // Before the icons have loaded: the letter.
    expect(chooseIcon(null, account)).toEqual({ kind: 'letter' });
  });

  it('search finds by title, slug and other names, exact first', () => {
    expect(searchCatalog(catalog, 'git').map((i) => i.slug)).toEqual(
      expect.arrayContaining(['github', 'gitlab', 'gitea']),
    );
    expect(searchCatalog(catalog, 'GitHub')[0]?.slug).toBe('github');
    expect(searchCatalog(catalog, '   ')).toEqual([]);
  });
});
