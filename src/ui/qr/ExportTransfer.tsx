import { useState } from 'preact/hooks';
import { AppBar } from '../components/AppBar';
import { transferCodes } from '../../formats/google-migration/export-codes';
import { accountTitle } from '../../core/account';
import { useSnapshot } from '../components/session-context';
import { useReconfirmed } from '../components/reconfirm';
import { QrImage } from './QrImage';
import { t } from '../i18n/t';

/**
 * Export to Google Authenticator (and any app that reads its transfer codes): the accounts as
 * otpauth-migration:// QR codes, one page per code, and the accounts that format cannot hold, with the reason.
 */
export function ExportTransfer({ onDone }: { onDone(): void }) {
  const { accounts } = useSnapshot();
  // Encoded once per visit: one batch id for every page, as the importing app expects.
  const [{ links, leftOut }] = useState(() => transferCodes(accounts));
  const [page, setPage] = useState(0);
  const total = links.length;
  const current = Math.min(page, Math.max(0, total - 1));
  const confirmed = useReconfirmed('transferQr', onDone);

  return (
    <main class="screen narrow">
      <AppBar title={t('transfer.export')} onBack={onDone} />
      {confirmed && (
        <>
          {total === 0 ? (
            <p>{t('transferQr.none')}</p>
          ) : (
            <>
              <p>{t('transferQr.how')}</p>
              <QrImage
                text={links[current]!}
                alt={t('transferQr.alt', { n: current + 1, total })}
                errorCorrection="L"
              />
              {/* One code needs no paging: Previous and Next only when there is somewhere to go. */}
              {total > 1 && (
                <div class="pager">
                  <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                    {t('transferQr.previous')}
                  </button>
                  <p role="status" class="progress">
                    {t('transferQr.position', { n: current + 1, total })}
                  </p>
                  <button type="button" disabled={current === total - 1} onClick={() => setPage(current + 1)}>
                    {t('transferQr.next')}
                  </button>
                </div>
              )}
            </>
          )}
          {leftOut.length > 0 && (
            <section class="warning" aria-label={t('transferQr.leftOutLabel')}>
              <h2>{t('transferQr.leftOut', { count: leftOut.length })}</h2>
              <ul>
                {leftOut.map(({ account, reason }, i) => (
                  <li key={i}>{t('review.problem', { entry: accountTitle(account), reason })}</li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={onDone}>
          {t('reorder.done')}
        </button>
      </div>
    </main>
  );
}
