/**
 * The pages of Settings, in the order the index lists them. Each is a screen of its own at /settings/<id>
 * (unlocked/views.ts), one or two phone heights long.
 */
import { t } from '../i18n/t';
export const SETTINGS_SECTIONS = ['security', 'appearance', 'sync', 'backup', 'transfer', 'tools', 'about'] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** A page's title, in the language in use (en-app.ts: `settings.<section>`). */
export function sectionTitle(section: SettingsSection): string {
  return t(`settings.${section}`);
}

/** What a page holds, for the index. */
export function sectionSummary(section: SettingsSection): string {
  return t(`settings.${section}Summary`);
}
