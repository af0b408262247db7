import { useState } from 'preact/hooks';
import type { PasskeyInfo } from '../../app/session/snapshot';
import { Alert } from '../components/Alert';
import { FormFooter } from '../components/FormFooter';
import { PasswordField } from '../components/PasswordField';
import { useSession, useSnapshot } from '../components/session-context';
import { showToast } from '../components/toast';
import { useAction } from '../components/useAction';
import { RemovePasskeyDialog } from './RemovePasskeyDialog';
import { t } from '../i18n/t';
import { dateText } from '../i18n/format';
import { passkeyName } from './passkey-name';
import './passkeys.css';

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
    if (!password) return setError(t('passkeys.typePassword'));
    const added = await run(() => session.passkeys.add(password));
    setPassword('');
    if (added) void showToast(t('passkeys.added'));
  }

  async function remove(passkey: PasskeyInfo) {
    setRemoving(null);
    if (await run(() => session.passkeys.remove(passkey.id))) {
      void showToast(t('passkeys.removed', { name: passkeyName(passkey.label) }));
    }
  }

  return (
    <section class="card" aria-labelledby="passkeys-title">
      <h2 id="passkeys-title">{t('passkeys.title')}</h2>
      <p class="hint">{t('passkeys.intro')}</p>
      {passkeys.length > 0 ? (
        <ul role="list" aria-label={t('passkeys.title')} class="passkey-list">
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              <span class="passkey-name">
                <strong>{passkeyName(passkey.label)}</strong>
                <span class="hint">
                  {passkey.lastUsedAt
                    ? t('passkeys.usedOn', { added: dateText(passkey.createdAt), used: dateText(passkey.lastUsedAt) })
                    : t('passkeys.notUsed', { added: dateText(passkey.createdAt) })}
                </span>
              </span>
              <button
                type="button"
                aria-label={t('passkeys.removeName', { name: passkeyName(passkey.label) })}
                onClick={() => setRemoving(passkey)}
              >
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('passkeys.none')}</p>
      )}
      <form onSubmit={add} noValidate>
        <PasswordField
          id="passkey-password"
          label={t('common.vaultPassword')}
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          invalid={Boolean(error)}
        />
        <Alert message={error} />
        <FormFooter submit={t('passkeys.add')} busyText={t('passkeys.adding')} busy={busy} />
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
