import { useState } from 'preact/hooks';
import { aegisFile, datedName, download, otpauthListFile } from '../../app/transfer';
import { useSession, useSnapshot } from '../components/session-context';
import { confirmIdentity } from '../components/reconfirm';
import { Alert } from '../components/Alert';
import { useAction } from '../components/useAction';
import { PasswordField } from '../components/PasswordField';
import { t } from '../i18n/t';

/** Exports other apps read. Plain files sit behind an explicit acknowledgement: they hold every secret readable. */
export function OtherAppsExport() {
  const session = useSession();
  const { accounts } = useSnapshot();
  const [understood, setUnderstood] = useState(false);
  const [password, setPassword] = useState('');
  const action = useAction();
  const { busy, error } = action;
  const run = (make: () => Promise<Uint8Array>, name: string, type: string) =>
    action.run(async () => download(await make(), name, type));
  /** A file that holds every secret in plaintext is written only for someone who confirmed the password. */
  const runPlain = async (make: () => Promise<Uint8Array>, name: string, type: string) => {
    if (await confirmIdentity(session, 'plainExport')) {
      await run(make, name, type);
    }
  };

  return (
    <section class="card">
      <h2>{t('export.title')}</h2>
      <PasswordField
        id="aegis-password"
        label={t('export.aegisPassword')}
        value={password}
        onInput={setPassword}
        autocomplete="new-password"
      />
      <button
        type="button"
        disabled={busy || password.length < 8 || accounts.length === 0}
        onClick={() =>
          void run(() => aegisFile(accounts, password), datedName('aegis-export', 'json'), 'application/json')
        }
      >
        {t('export.aegis')}
      </button>
      <p class="warning">{t('export.warning')}</p>
      <label class="check">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.currentTarget.checked)} />
        {t('export.understand')}
      </label>
      <div class="actions">
        <button
          type="button"
          disabled={busy || !understood || accounts.length === 0}
          onClick={() =>
            void runPlain(() => otpauthListFile(accounts), datedName('otpauth-links', 'txt'), 'text/plain')
          }
        >
          {t('export.otpauth')}
        </button>
        <button
          type="button"
          disabled={busy || !understood || accounts.length === 0}
          onClick={() =>
            void runPlain(() => aegisFile(accounts), datedName('aegis-export-plain', 'json'), 'application/json')
          }
        >
          {t('export.aegisPlain')}
        </button>
      </div>
      <Alert message={error} />
    </section>
  );
}
