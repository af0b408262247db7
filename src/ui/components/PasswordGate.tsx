import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { needsPassword } from '../../app/reverify';
import { Alert, errorMessage } from './Alert';
import { useSession } from './session-context';
import { PasswordField } from './PasswordField';
import { FormFooter } from './FormFooter';

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
      <PasswordField
        id="gate-password"
        label="Password"
        value={password}
        onInput={setPassword}
        autocomplete="current-password"
        autoFocus
      />
      <Alert message={error} />
      <FormFooter submit="Confirm" busyText="Checking…" busy={busy} disabled={!password} />
    </form>
  );
}
