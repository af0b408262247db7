import type { SortMode, Theme } from '../../app/settings';
import { LANGUAGES, type LanguageSetting } from '../../app/languages';
import { tellIfFails } from '../components/toast';
import { useSession, useSnapshot } from '../components/session-context';
import { Toggle } from './Toggle';
import { t } from '../i18n/t';

/** Each language by its own name, so a person who cannot read the current one still finds theirs. */
const NATIVE_NAMES: Record<(typeof LANGUAGES)[number], string> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  nl: 'Nederlands',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
  tr: 'Türkçe',
  ja: '日本語',
  'zh-CN': '简体中文',
  ar: 'العربية',
};

/** Settings → Appearance: the language, the theme and how the list looks. */
export function AppearanceSettings() {
  const session = useSession();
  const { settings } = useSnapshot();
  return (
    <section class="card">
      <label for="s-language">{t('appearance.language')}</label>
      <select
        id="s-language"
        value={settings.language}
        onChange={(e) => tellIfFails(session.updateSettings({ language: e.currentTarget.value as LanguageSetting }))}
      >
        <option value="auto">{t('appearance.languageAuto')}</option>
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {NATIVE_NAMES[code]}
          </option>
        ))}
      </select>
      <label for="s-theme">{t('appearance.theme')}</label>
      <select
        id="s-theme"
        value={settings.theme}
        onChange={(e) => tellIfFails(session.updateSettings({ theme: e.currentTarget.value as Theme }))}
      >
        <option value="system">{t('appearance.themeSystem')}</option>
        <option value="light">{t('appearance.themeLight')}</option>
        <option value="dark">{t('appearance.themeDark')}</option>
      </select>
      <label for="s-sort">{t('appearance.sort')}</label>
      <select
        id="s-sort"
        value={settings.sort}
        onChange={(e) => tellIfFails(session.updateSettings({ sort: e.currentTarget.value as SortMode }))}
      >
        <option value="custom">{t('appearance.sortCustom')}</option>
        <option value="issuer">{t('appearance.sortIssuer')}</option>
        <option value="account">{t('appearance.sortAccount')}</option>
        <option value="most-used">{t('appearance.sortMostUsed')}</option>
        <option value="recent">{t('appearance.sortRecent')}</option>
      </select>
      <Toggle
        label={t('appearance.showNext')}
        checked={settings.showNextCode}
        onChange={(on) => tellIfFails(session.updateSettings({ showNextCode: on }))}
      />
    </section>
  );
}
