import { useState } from 'preact/hooks';
import type { PasskeyInfo } from '../../app/session/snapshot';
import { Alert } from '../components/Alert';
import { FormFooter } from '../components/FormFooter';
import { PasswordField } from '../components/PasswordField';
import { useSession, useSnapshot } from '../components/session-context';
import { showToast } from '../components/toast';
import { useAction } from '../components/useAction';
import { RemovePasskeyDialog } from './RemovePasskeyDialog';
import './passkeys.css';

const day = (ms: number) => new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium' });

/**
 * Settings → Security: the passkeys that open the vault (ui-contract: `Add a passkey`, the list `Passkeys`, each
 * with `Remove`). Adding one asks for the vault password: the master key it wraps comes from the password's slot.
 */
export function PasskeysSection() {
  const session = useSession();
  const { passkeys } = useSnapshot();
  const [password, setPassword] = useState('');
  const [removing, setRemoving] = useState<PasskeyInfo | null>(null);
  const { busy, error, setError, run } = useAction();

  async function add(event: Event) {
    event.preventDefault();
    if (!password) return setError('Type your vault password to add a passkey.');
    const added = await run(() => session.passkeys.add(password));
    setPassword('');
    if (added) void showToast('Passkey added. It opens Latchkey from the lock screen; your password still does too.');
  }

  async function remove(passkey: PasskeyInfo) {
    setRemoving(null);
    if (await run(() => session.passkeys.remove(passkey.id))) void showToast(`Passkey “${passkey.label}” removed.`);
  }

  return (
    <section class="card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">Passkeys</h2>
      <p class="hint">
        Open Latchkey with your fingerprint, face, screen lock or a security key instead of typing the password. The
        password keeps working: it is how you get in if a passkey is lost.
      </p>
      {passkeys.length > 0 ? (
        <ul role="list" aria-label="Passkeys" class="passkey-list">
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              <span class="passkey-name">
                <strong>{passkey.label}</strong>
                <span class="hint">
                  Added {day(passkey.createdAt)} ·{' '}
                  {passkey.lastUsedAt ? `last used ${day(passkey.lastUsedAt)}` : 'not used yet'}
                </span>
              </span>
              <button type="button" aria-label={`Remove ${passkey.label}`} onClick={() => setRemoving(passkey)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>No passkey is set up.</p>
      )}
      <form onSubmit={add} noValidate>
        <PasswordField
          id="passkey-password"
          label="Vault password"
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          invalid={Boolean(error)}
        />
        <Alert message={error} />
        <FormFooter submit="Add a passkey" busyText="Adding a passkey…" busy={busy} />
      </form>
      {removing && (
        <RemovePasskeyDialog
          passkey={removing}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
