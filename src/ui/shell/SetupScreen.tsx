import { useEffect, useState } from 'preact/hooks';
import { useSession } from '../components/session-context';
import { formOpen } from '../components/form-state';
import { Alert } from '../components/Alert';
import { MIN_PASSWORD_LENGTH, newPasswordProblem, passwordStrength } from '../components/password-strength';
import { useAction } from '../components/useAction';
import { PasswordField } from '../components/PasswordField';
import { FormFooter } from '../components/FormFooter';

/** First run: choose the password that encrypts the vault. */
export function SetupScreen() {
  const session = useSession();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useAction();
  // A half-typed password is work an automatic update must not reload away.
  useEffect(() => {
    formOpen.set(Boolean(password || confirm));
    return () => formOpen.set(false);
  }, [password, confirm]);
  const strength = passwordStrength(password);

  async function submit(event: Event) {
    event.preventDefault();
    const problem = newPasswordProblem(password, confirm);
    if (problem) setError(problem);
    else await run(() => session.create(password));
  }

  return (
    <main class="screen narrow">
      <h1>Welcome to Latchkey</h1>
      <p>Choose a password. It encrypts every account on this device; nobody else ever sees it.</p>
      <form onSubmit={submit} noValidate>
        <PasswordField
          id="setup-password"
          label="Password"
          value={password}
          onInput={setPassword}
          autocomplete="new-password"
          describedBy="strength"
        />
        <p id="strength" class={`hint strength-${strength.score}`} aria-live="polite">
          {password ? strength.label : `At least ${MIN_PASSWORD_LENGTH} characters.`}
        </p>
        <PasswordField
          id="setup-confirm"
          label="Confirm password"
          value={confirm}
          onInput={setConfirm}
          autocomplete="new-password"
        />
        <p class="note">
          Latchkey cannot recover a forgotten password: without it, or a backup you can open, your accounts are lost.
          Keep it somewhere safe, and export a backup once you have added your accounts.
        </p>
        <Alert message={error} />
        <FormFooter submit="Create vault" busyText="Creating vault…" busy={busy} />
      </form>
    </main>
  );
}
