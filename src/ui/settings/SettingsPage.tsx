import type { ImportResult } from '../../formats/types';
import { AppBar } from '../components/AppBar';
import { LoadFailure } from '../components/LoadFailure';
import { useLazyModule } from '../components/lazy';
import { AboutSettings } from './AboutSettings';
import { AppearanceSettings } from './AppearanceSettings';
import { AutoBackupSection } from './AutoBackupSection';
import { BackupSection } from './BackupSection';
import { ImportFileSection } from './ImportFileSection';
import { OtherAppsExport } from './OtherAppsExport';
import { SecuritySettings } from './SecuritySettings';
import { sectionTitle, type SettingsSection } from './settings-sections';
import { TransferSection } from './TransferSection';
import './settings.css';
import { t } from '../i18n/t';

interface Props {
  section: SettingsSection;
  onBack(): void;
  /** A file was read: the import review takes over. */
  onImportResult(result: ImportResult): void;
  onExportTransfer(): void;
  onNewSecret(): void;
}

/** One page of Settings, with the way back at the top. */
export function SettingsPage({ section, onBack, onImportResult, onExportTransfer, onNewSecret }: Props) {
  return (
    <main class="screen narrow settings">
      <AppBar title={sectionTitle(section)} onBack={onBack} />
      {section === 'security' && <SecuritySettings />}
      {section === 'appearance' && <AppearanceSettings />}
      {section === 'sync' && <SyncSection onBack={onBack} />}
      {section === 'backup' && (
        <>
          <BackupSection />
          <AutoBackupSection />
          <ImportFileSection heading={t('settings.restoreBackup')} onResult={onImportResult} />
        </>
      )}
      {section === 'transfer' && (
        <>
          <ImportFileSection onResult={onImportResult} />
          <OtherAppsExport />
          <TransferSection onExport={onExportTransfer} />
        </>
      )}
      {section === 'tools' && (
        <section class="card">
          <h2>{t('tools.title')}</h2>
          <p class="hint">{t('tools.hint')}</p>
          <button type="button" onClick={onNewSecret}>
            {t('tools.newSecret')}
          </button>
        </section>
      )}
      {section === 'about' && <AboutSettings />}
    </main>
  );
}

/** Settings → Sync, loaded when opened: no sync code is in the app until then (rule 7). */
function SyncSection({ onBack }: { onBack(): void }) {
  const module = useLazyModule(() => import('../sync/SyncSettings'));
  if (module === 'failed') return <LoadFailure onBack={onBack} />;
  if (!module) return <section class="card" aria-busy="true" />;
  return <module.SyncSettings onBack={onBack} />;
}
