import { useEffect, useRef, useState } from 'preact/hooks';
import { useSession } from '../components/session-context';
import { formOpen } from '../components/form-state';
import { Alert } from '../components/Alert';
import { useAction } from '../components/useAction';
import { PasswordField } from '../components/PasswordField';
import { FormFooter } from '../components/FormFooter';

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
      setError('Type your password to unlock.');
      return;
    }
    if (!(await run(() => session.unlock(password)))) input.current?.select();
  }

  return (
    <main class="screen narrow gate">
      <img class="mark" src="/icon.svg" alt="" width="64" height="64" />
      <h1>Latchkey is locked</h1>
      <p>{pendingNotice ?? 'Type your password to see your codes.'}</p>
      <form onSubmit={submit} noValidate>
        <PasswordField
          id="unlock-password"
          label="Password"
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          inputRef={input}
          invalid={Boolean(error)}
        />
        <Alert message={error} />
        <FormFooter submit="Unlock" busyText="Unlocking…" busy={busy} />
      </form>
    </main>
  );
}
