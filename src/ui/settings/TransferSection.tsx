/** Settings: moving accounts to Google Authenticator or any app that scans its transfer QR codes. */
import { t } from '../i18n/t';
export function TransferSection({ onExport }: { onExport(): void }) {
  return (
    <section class="card">
      <h2>{t('transfer.title')}</h2>
      <p>{t('transfer.text')}</p>
      <button type="button" onClick={onExport}>
        {t('transfer.export')}
      </button>
    </section>
  );
}
