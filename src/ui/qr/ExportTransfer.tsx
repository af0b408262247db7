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
  const confirmed = useReconfirmed(t('reconfirm.transferQr'), onDone);

  return (
    <main class="screen narrow">
      <AppBar title="Export to Google Authenticator" onBack={onDone} />
      {confirmed && (
        <>
          {total === 0 ? (
            <p>There are no accounts Google Authenticator can hold.</p>
          ) : (
            <>
              <p>
                In Google Authenticator choose Transfer accounts, then Import accounts, and scan every code. Aegis, 2FAS
                and other apps that import Google Authenticator exports can scan them too.
              </p>
              <QrImage
                text={links[current]!}
                alt={`QR code ${current + 1} of ${total} for Google Authenticator`}
                errorCorrection="L"
              />
              {/* One code needs no paging: Previous and Next only when there is somewhere to go. */}
              {total > 1 && (
                <div class="pager">
                  <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                    Previous
                  </button>
                  <p role="status" class="progress">
                    {current + 1} of {total}
                  </p>
                  <button type="button" disabled={current === total - 1} onClick={() => setPage(current + 1)}>
                    Next
                  </button>
                </div>
              )}
            </>
          )}
          {leftOut.length > 0 && (
            <section class="warning" aria-label="Accounts left out">
              <h2>
                Left out: {leftOut.length} account{leftOut.length === 1 ? '' : 's'}
              </h2>
              <ul>
                {leftOut.map(({ account, reason }, i) => (
                  <li key={i}>
                    {accountTitle(account)}: {reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={onDone}>
          Done
        </button>
      </div>
    </main>
  );
}
