import { accountTitle, type Account } from '../../core/account';
import { AppBar } from '../components/AppBar';
import { formatOtpauth } from '../../core/uri';
import { useReconfirmed } from '../components/reconfirm';
import { QrImage } from './QrImage';
import { SecretReveal } from './SecretReveal';
import { t } from '../i18n/t';

/**
 * `Show QR code`: the account's otpauth link as a QR code, to move it to another device. Only after the password
 * was confirmed within the last minute; the secret as text stays behind a second tap.
 */
export function ShowQr({ account, onDone }: { account: Account; onDone(): void }) {
  const title = accountTitle(account);
  const confirmed = useReconfirmed('showQr', onDone);
  return (
    <main class="screen narrow">
      <AppBar title={title} onBack={onDone} />
      {confirmed && (
        <>
          <QrImage text={formatOtpauth(account)} alt={t('showQr.alt', { name: title })} />
          <p>{t('showQr.warning')}</p>
          <SecretReveal secret={account.secret} />
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
