/**
 * Names well-known 2FA issuers put in their otpauth links (or their login domains) that differ from the title of
 * their icon in simple-icons, to the icon's slug. Only what the titles, slugs and aliases do not already cover;
 * a unit test checks that every slug here is in the shipped set. Compared as name keys (names.ts).
 */
export const OVERRIDES: Readonly<Record<string, string>> = {
  Twitter: 'x',
  PSN: 'playstation',
  'Sony Interactive Entertainment': 'playstation',
  'Sony Entertainment Network': 'playstation',
  'Electronic Arts': 'ea',
  Blizzard: 'battledotnet',
  npmjs: 'npm',
  Uplay: 'ubisoft',
  TransferWise: 'wise',
  Tutanota: 'tuta',
  googlemail: 'google',
  Riot: 'riotgames',
  OVHcloud: 'ovh',
  'Ubuntu One': 'ubuntu',
  microsoftonline: 'microsoft',
};
