import { useState } from 'preact/hooks';
import { useSession } from './context';
import { Alert, errorMessage } from './Alert';
import { MIN_PASSWORD_LENGTH } from './SetupScreen';
import { showToast } from './toast';

/** Re-wraps the master key under a new password; accounts are not re-encrypted, and the old password stops working. */
export function ChangePassword() {
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (next.length < MIN_PASSWORD_LENGTH)
      return setError(`The new password is too short: use at least ${MIN_PASSWORD_LENGTH} characters.`);
    if (next !== confirm) return setError('The new passwords do not match. Type the same new password twice.');
    setBusy(true);
    setError(null);
    try {
      await session.changePassword(current, next);
      setCurrent('');
      setNext('');
      setConfirm('');
      void showToast('Password changed. Use the new password from now on.');
    } catch (err) {
      setError(errorMessage(err));
    }
    setBusy(false);
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
