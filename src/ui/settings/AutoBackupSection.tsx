import { useMemo, useState } from 'preact/hooks';
import { AutoBackup } from '../../app/auto-backup';
import { useStore } from '../components/useStore';
import { canPickFolder, pickFolder } from '../../platform/backup-folder';
import { useSession } from '../components/session-context';
import { confirmIdentity } from '../components/reconfirm';
import { Alert } from '../components/Alert';
import { useAction } from '../components/useAction';
import { showToast } from '../components/toast';
import { PasswordField } from '../components/PasswordField';
import { MIN_PASSWORD_LENGTH } from '../components/password-strength';
import { t } from '../i18n/t';
import { timeText } from '../i18n/format';

let shared: AutoBackup | null = null;
/** One controller for the page, started by the unlocked app and shown in Settings. */
export function useAutoBackup(): AutoBackup {
  const session = useSession();
  return useMemo(() => (shared ??= new AutoBackup(session)), [session]);
}

/** Automatic backups to a folder, where the browser can write one (File System Access API). */
export function AutoBackupSection() {
  const session = useSession();
  const autoBackup = useAutoBackup();
  const status = useStore(autoBackup.status);
  const [password, setPassword] = useState('');
  const action = useAction();
  const { busy, error } = action;

  if (!canPickFolder()) return null;

  const run = (work: () => Promise<void>) =>
    action.run(() =>
      work().catch((e: unknown) => {
        // The user closing the folder picker is not an error worth a message.
        if (!(e instanceof DOMException && e.name === 'AbortError')) throw e;
      }),
    );

  return (
    <section class="card">
      <h2>{t('auto.title')}</h2>
      {status.state === 'off' ? (
        <>
          <p class="hint">{t('auto.hint')}</p>
          <PasswordField
            id="auto-backup-password"
            label={t('auto.password')}
            value={password}
            onInput={setPassword}
            autocomplete="new-password"
            describedBy="auto-backup-needs"
          />
          {/* Why the button waits, said where it is seen rather than left to a greyed-out look. */}
          <p id="auto-backup-needs" class="hint">
            {password.length < MIN_PASSWORD_LENGTH
              ? t('auto.needsPassword', { min: MIN_PASSWORD_LENGTH })
              : t('auto.passwordNote')}
          </p>
          <button
            type="button"
            aria-describedby="auto-backup-needs"
            disabled={busy || password.length < MIN_PASSWORD_LENGTH}
            onClick={() =>
              void run(async () => {
                // Backups of every account under a new password: only after the vault's own (reconfirm.ts).
                if (!(await confirmIdentity(session, 'autoBackup'))) return;
                await autoBackup.enable(await pickFolder(), password);
                setPassword('');
                void showToast(t('auto.on'));
              })
            }
          >
            {t('auto.choose')}
          </button>
        </>
      ) : (
        <>
          <p>
            {status.state === 'saved' &&
              (status.at
                ? t('auto.savedAt', { folder: status.folder ?? '', time: timeText(status.at) })
                : t('auto.saved', { folder: status.folder ?? '' }))}
            {status.state === 'needs-permission' && t('auto.paused', { folder: status.folder ?? '' })}
            {status.state === 'failed' && status.message}
          </p>
          {status.state === 'needs-permission' && (
            <button type="button" disabled={busy} onClick={() => void run(() => autoBackup.allow())}>
              {t('auto.allow')}
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => void run(() => autoBackup.disable())}>
            {t('auto.off')}
          </button>
        </>
      )}
      <Alert message={error} />
    </section>
  );
}
