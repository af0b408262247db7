/**
 * The pages of Settings, in the order the index lists them. Each is a screen of its own at /settings/<id>
 * (unlocked/views.ts), one or two phone heights long.
 */
export const SETTINGS_SECTIONS = ['security', 'appearance', 'backup', 'transfer', 'tools', 'about'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

export const SECTION_TITLES: Record<SettingsSection, string> = {
  security: 'Security',
  appearance: 'Appearance',
  backup: 'Backup and restore',
  transfer: 'Import and export',
  tools: 'Tools',
  about: 'About',
};

export const SECTION_SUMMARIES: Record<SettingsSection, string> = {
  security: 'Auto-lock, hidden codes, clipboard, password',
  appearance: 'Theme, order of accounts, next code',
  backup: 'Encrypted backups, by hand or automatic',
  transfer: 'Bring accounts from other apps, or move them out',
  tools: 'New secret, for sites you build',
  about: 'Version, storage, privacy',
};
