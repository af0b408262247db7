import { AppBar } from '../components/AppBar';
import {
  ArrowLeftRight,
  ChevronRight,
  DatabaseBackup,
  Info,
  Palette,
  RefreshCw,
  ShieldCheck,
  Wrench,
  type Icon,
} from '../components/icons';
import { SETTINGS_SECTIONS, sectionSummary, sectionTitle, type SettingsSection } from './settings-sections';
import './settings.css';
import { t } from '../i18n/t';

const ICONS: Record<SettingsSection, Icon> = {
  security: ShieldCheck,
  appearance: Palette,
  sync: RefreshCw,
  backup: DatabaseBackup,
  transfer: ArrowLeftRight,
  tools: Wrench,
  about: Info,
};

interface Props {
  onOpen(section: SettingsSection): void;
  onBack(): void;
}

/** The index of Settings: one row per page, with what it holds. */
export function SettingsScreen({ onOpen, onBack }: Props) {
  return (
    <main class="screen narrow">
      <AppBar title={t('settings.title')} onBack={onBack} />
      <nav aria-label={t('settings.pages')}>
        <ul class="nav-list">
          {SETTINGS_SECTIONS.map((section) => {
            const Icon = ICONS[section];
            return (
              <li key={section}>
                <button type="button" class="nav-row" onClick={() => onOpen(section)}>
                  <Icon size={22} aria-hidden="true" />
                  <span class="nav-text">
                    <span class="nav-title">{sectionTitle(section)}</span>
                    <span class="nav-summary">{sectionSummary(section)}</span>
                  </span>
                  <ChevronRight class="flip-rtl" size={20} aria-hidden="true" />
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </main>
  );
}
