import { useState } from 'preact/hooks';
import { datedName, download } from '../../app/transfer';
import { exportVerifiedBackup } from '../../app/backup-export';
import { useSession, useSnapshot } from '../components/session-context';
import { confirmIdentity } from '../components/reconfirm';
import { dateTimeText } from '../i18n/format';
import { Alert, SaidError } from '../components/Alert';
import { MIN_PASSWORD_LENGTH } from '../components/password-strength';
import { useAction } from '../components/useAction';
import { showToast } from '../components/toast';
import { PasswordField } from '../components/PasswordField';
import { FormFooter } from '../components/FormFooter';
import { t } from '../i18n/t';

/**
 * `Export backup`: an encrypted file with every account, group, favourite, order and counter. The file is read
 * back and decrypted before Latchkey says it is saved, so a backup that cannot be restored is never reported as one.
 */
export function BackupSection() {
  const session = useSession();
  const { lastBackupAt } = useSnapshot();
  const [open, setOpen] = useState(false);
  const [useVaultPassword, setUseVaultPassword] = useState(true);
  const [password, setPassword] = useState('');
  const { busy, error, run } = useAction();

  async function submit(e: Event) {
    e.preventDefault();
    const saved = await run(async () => {
      if (useVaultPassword && !(await session.verifyPassword(password))) {
        throw new SaidError(t('backup.notVaultPassword'));
      }
      if (!useVaultPassword && password.length < MIN_PASSWORD_LENGTH) {
        throw new SaidError(t('backup.shortPassword', { min: MIN_PASSWORD_LENGTH }));
      }
      // Every account under a password the person at the keyboard chooses: only after the vault's own.
      if (!useVaultPassword && !(await confirmIdentity(session, 'backup'))) {
        throw new SaidError(t('backup.notConfirmed'));
      }
      const bytes = await exportVerifiedBackup(session, password);
      download(bytes, datedName('latchkey-backup', 'json'), 'application/json');
      await session.changes.markBackedUp();
    });
    if (!saved) return;
    setOpen(false);
    setPassword('');
    void showToast(t('backup.saved'));
  }

  return (
    <section class="card">
      <h2>{t('backup.title')}</h2>
      <p class="hint">{lastBackupAt ? t('backup.last', { date: dateTimeText(lastBackupAt) }) : t('backup.none')}</p>
      {!open ? (
        <button type="button" class="primary" onClick={() => setOpen(true)}>
          {t('backup.export')}
        </button>
      ) : (
        <form onSubmit={submit} noValidate>
          <label class="check">
            <input
              type="checkbox"
              checked={useVaultPassword}
              onChange={(e) => setUseVaultPassword(e.currentTarget.checked)}
            />
            {t('backup.useVault')}
          </label>
          <PasswordField
            id="backup-new-password"
            label={useVaultPassword ? t('backup.vaultPassword') : t('backup.filePassword')}
            value={password}
            onInput={setPassword}
            autocomplete={useVaultPassword ? 'current-password' : 'new-password'}
          />
          <Alert message={error} />
          <FormFooter
            submit={t('backup.export')}
            busyText={t('backup.encrypting')}
            busy={busy}
            disabled={!password}
            onCancel={() => setOpen(false)}
          />
        </form>
      )}
    </section>
  );
}
