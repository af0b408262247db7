import { useEffect, useRef, useState } from 'preact/hooks';
import { useSession } from '../components/session-context';
import { formOpen } from '../components/form-state';
import { Alert } from '../components/Alert';
import { useAction } from '../components/useAction';
import { PasswordField } from '../components/PasswordField';
import { FormFooter } from '../components/FormFooter';
import { t } from '../i18n/t';

/** The vault is locked: only the password opens it. */
export function LockScreen({ pendingNotice }: { pendingNotice?: string | null }) {
  const session = useSession();
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  // A half-typed password is work an automatic update must not reload away.
  useEffect(() => {
    formOpen.set(Boolean(password));
    return () => formOpen.set(false);
  }, [password]);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  // A complaint about what was typed goes once the typing changes.
  useEffect(() => setError(null), [password]);

  async function submit(event: Event) {
    event.preventDefault();
    if (!password) {
      setError(t('lock.typePassword'));
      return;
    }
    if (!(await run(() => session.unlock(password)))) input.current?.select();
  }

  return (
    <main class="screen narrow gate">
      <img class="mark" src="/icon.svg" alt="" width="64" height="64" />
      <h1>{t('lock.title')}</h1>
      <p>{pendingNotice ?? t('lock.prompt')}</p>
      <form onSubmit={submit} noValidate>
        <PasswordField
          id="unlock-password"
          label={t('common.password')}
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          inputRef={input}
          invalid={Boolean(error)}
        />
        <Alert message={error} />
        <FormFooter submit={t('lock.unlock')} busyText={t('lock.unlocking')} busy={busy} />
      </form>
    </main>
  );
}
