import { useEffect, useState } from 'preact/hooks';
import '../i18n/uses-app';
import type { ImportResult } from '../../formats/types';
import { AppBar } from '../components/AppBar';
import { Alert } from '../components/Alert';
import { FormFooter } from '../components/FormFooter';
import { NewPasswordFields } from '../components/NewPasswordFields';
import { formOpen } from '../components/form-state';
import { newPasswordProblem } from '../components/password-strength';
import { pendingImport } from '../components/pending-import';
import { useSession } from '../components/session-context';
import { useAction } from '../components/useAction';
import { ImportFileSection } from './ImportFileSection';
import { t } from '../i18n/t';

/**
 * First run, "Restore from a backup": a Latchkey backup or another app's export, then the new vault's password.
 * The vault is created with it and opens on the import review (pending-import.ts), so every account is seen
 * before it is saved, as with any import.
 */
export function FirstRunRestore({ onBack }: { onBack(): void }) {
  const session = useSession();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    formOpen.set(true);
    return () => formOpen.set(false);
  }, []);
  useEffect(() => setError(null), [password, confirm]);

  if (!result) {
    return (
      <main class="screen narrow">
        <AppBar title={t('restore.title')} onBack={onBack} />
        <p>{t('restore.intro')}</p>
        <ImportFileSection
          heading={t('restore.file')}
          onResult={(read) => {
            if (read.accounts.length > 0) setResult(read);
            else setError(t('restore.nothing'));
          }}
        />
        <Alert message={error} />
      </main>
    );
  }

  async function submit(event: Event) {
    event.preventDefault();
    const problem = newPasswordProblem(password, confirm);
    if (problem) return setError(problem);
    pendingImport.set(result);
    if (!(await run(() => session.create(password)))) pendingImport.set(null);
  }

  const count = result.accounts.length;
  return (
    <main class="screen narrow">
      <AppBar title={t('restore.choosePassword')} onBack={() => setResult(null)} />
      <p>{t('restore.found', { count, app: result.format })}</p>
      <form onSubmit={submit} noValidate>
        <NewPasswordFields
          ids="restore"
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
        />
        <Alert message={error} />
        <FormFooter submit={t('common.continue')} busyText={t('common.creatingVault')} busy={busy} />
      </form>
    </main>
  );
}
