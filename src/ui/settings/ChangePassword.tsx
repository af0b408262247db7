import { useState } from 'preact/hooks';
import { useSession } from '../components/session-context';
import { Alert } from '../components/Alert';
import { newPasswordProblem } from '../components/password-strength';
import { useAction } from '../components/useAction';
import { showToast } from '../components/toast';
import { PasswordField } from '../components/PasswordField';
import { FormFooter } from '../components/FormFooter';

/** Re-wraps the master key under a new password; accounts are not re-encrypted, and the old password stops working. */
export function ChangePassword() {
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const { busy, error, setError, run } = useAction();

  async function submit(e: Event) {
    e.preventDefault();
    const problem = newPasswordProblem(next, confirm);
    if (problem) return setError(problem);
    if (!(await run(() => session.changePassword(current, next)))) return;
    setCurrent('');
    setNext('');
    setConfirm('');
    void showToast('Password changed. Use the new password from now on.');
  }

  return (
    <form onSubmit={submit} noValidate class="card">
      <h2>Change password</h2>
      <PasswordField
        id="cp-current"
        label="Current password"
        value={current}
        onInput={setCurrent}
        autocomplete="current-password"
      />
      <PasswordField id="cp-new" label="New password" value={next} onInput={setNext} autocomplete="new-password" />
      <PasswordField
        id="cp-confirm"
        label="Confirm new password"
        value={confirm}
        onInput={setConfirm}
        autocomplete="new-password"
      />
      <Alert message={error} />
      <FormFooter submit="Change password" busyText="Changing…" busy={busy} />
    </form>
  );
}
