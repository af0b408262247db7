import { useState } from 'preact/hooks';
import { useSession } from '../components/session-context';
import { Alert } from '../components/Alert';
import { newPasswordProblem } from '../components/password-strength';
import { useAction } from '../components/useAction';
import { showToast } from '../components/toast';

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
      <label for="cp-current">Current password</label>
      <input
        id="cp-current"
        type="password"
        autocomplete="current-password"
        value={current}
        onInput={(e) => setCurrent(e.currentTarget.value)}
      />
      <label for="cp-new">New password</label>
      <input
        id="cp-new"
        type="password"
        autocomplete="new-password"
        value={next}
        onInput={(e) => setNext(e.currentTarget.value)}
      />
      <label for="cp-confirm">Confirm new password</label>
      <input
        id="cp-confirm"
        type="password"
        autocomplete="new-password"
        value={confirm}
        onInput={(e) => setConfirm(e.currentTarget.value)}
      />
      <Alert message={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
