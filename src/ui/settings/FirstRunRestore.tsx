import { useEffect, useState } from 'preact/hooks';
import '../i18n/en-app';
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
        <AppBar title="Restore from a backup" onBack={onBack} />
        <p>
          Choose a Latchkey backup, or an export from Aegis, 2FAS, Ente Auth, Bitwarden or another app. Next you choose
          the password for this device, then see every account before anything is saved.
        </p>
        <ImportFileSection
          heading="Backup file"
          onResult={(read) => {
            if (read.accounts.length > 0) setResult(read);
            else setError('No account could be read from this file. Choose another backup or export.');
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
      <AppBar title="Choose a password" onBack={() => setResult(null)} />
      <p>
        {count} account{count === 1 ? '' : 's'} found in the {result.format} file. Choose the password that will encrypt{' '}
        {count === 1 ? 'it' : 'them'} on this device.
      </p>
      <form onSubmit={submit} noValidate>
        <NewPasswordFields
          ids="restore"
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
        />
        <Alert message={error} />
        <FormFooter submit="Continue" busyText="Creating vault…" busy={busy} />
      </form>
    </main>
  );
}
