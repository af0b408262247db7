import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { needsPassword } from '../../app/reverify';
import { Alert, errorMessage } from './Alert';
import { useSession } from './session-context';

interface Props {
  /** Why the password is asked, e.g. "to show this account's secret". */
  purpose: string;
  children: ComponentChildren;
}

/**
 * Asks for the vault password again when the vault was unlocked (or the password last confirmed) more than a
 * minute ago: an unlocked phone left on a desk should not hand out QR codes of every account.
 */
export function PasswordGate({ purpose, children }: Props) {
  const session = useSession();
  const [open, setOpen] = useState(() => !needsPassword(session.state.value.verifiedAt));
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (open) return <>{children}</>;

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      if (await session.verifyPassword(password)) setOpen(true);
      else setError('That password is not right. Type the password you unlock Latchkey with.');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setPassword('');
    }
  }

  return (
    <form
      class="card"
      onSubmit={(e) => {
        e.preventDefault();
        void confirm();
      }}
    >
      <p>Enter your password {purpose}.</p>
      <label for="gate-password">Password</label>
      <input
        id="gate-password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
        autoFocus
      />
      <Alert message={error} />
      <button type="submit" class="primary" disabled={busy || !password}>
        {busy ? 'Checking…' : 'Confirm'}
      </button>
    </form>
  );
}
