import { useEffect, useState } from 'preact/hooks';
import '../i18n/uses-app';
import { loadSync } from '../../app/sync/start';
import { Alert } from '../components/Alert';
import { AppBar } from '../components/AppBar';
import { FormFooter } from '../components/FormFooter';
import { formOpen } from '../components/form-state';
import { PasswordField } from '../components/PasswordField';
import { useSession } from '../components/session-context';
import { useAction } from '../components/useAction';
import { SyncLoginFields, type LoginValues } from './SyncLoginFields';
import { t } from '../i18n/t';

/**
 * First run → Join a synced vault: the folder, the server's username and app password, then the vault password
 * (the one of the device that connected it). The password is checked before anything is stored here; then the
 * vault opens and the accounts arrive.
 */
export function JoinSynced({ onBack }: { onBack(): void }) {
  const session = useSession();
  const [values, setValues] = useState<LoginValues>({ url: '', username: '', password: '' });
  const [vaultPassword, setVaultPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    formOpen.set(true);
    return () => formOpen.set(false);
  }, []);
  useEffect(() => setError(null), [values, vaultPassword]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!vaultPassword) return setError(t('join.needPassword'));
    await run(async () => (await loadSync(session)).join(values, vaultPassword));
  }

  return (
    <main class="screen narrow">
      <AppBar title={t('setup.join')} onBack={onBack} />
      <p>{t('join.intro')}</p>
      <form onSubmit={submit} noValidate>
        <SyncLoginFields ids="join" values={values} onChange={setValues} />
        <PasswordField
          id="join-vault-password"
          label={t('common.vaultPassword')}
          autocomplete="current-password"
          value={vaultPassword}
          onInput={setVaultPassword}
        />
        <Alert message={error} />
        <FormFooter submit={t('join.submit')} busyText={t('join.joining')} busy={busy} onCancel={onBack} />
      </form>
    </main>
  );
}
