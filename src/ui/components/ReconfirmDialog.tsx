import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert, errorMessage } from './Alert';
import { FormFooter } from './FormFooter';
import { PasswordField } from './PasswordField';
import { reconfirmRequest } from './reconfirm';
import { useSession, useSnapshot } from './session-context';
import { useStore } from './useStore';
import { t } from '../i18n/t';

/**
 * The "confirm your password" dialog (ui-contract: role="dialog", `Password`, `Confirm`, and `Use passkey` when a
 * passkey is set up), as a modal <dialog>.
 */
export function ReconfirmDialog() {
  const session = useSession();
  const { passkeys } = useSnapshot();
  const request = useStore(reconfirmRequest);
  const dialog = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);

  const answer = (confirmed: boolean) => {
    request?.resolve(confirmed);
    reconfirmRequest.set(null);
    setPassword('');
    setError(null);
  };

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (await session.verifyPassword(password)) answer(true);
      else setError(t('reconfirm.wrong'));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setPassword('');
    }
  }

  async function usePasskey() {
    setBusy(true);
    setError(null);
    try {
      if (await session.passkeys.confirm()) answer(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      class="reconfirm"
      aria-labelledby="reconfirm-title"
      // Escape closes a modal dialog: that is a Cancel.
      onCancel={(e) => {
        e.preventDefault();
        answer(false);
      }}
    >
      {request && (
        <form onSubmit={submit} noValidate>
          <h2 id="reconfirm-title">{t('reconfirm.title')}</h2>
          <p>{t(passkeys.length ? `reconfirm.${request.purpose}.passkey` : `reconfirm.${request.purpose}`)}</p>
          {passkeys.length > 0 && (
            <div class="choices">
              <button type="button" disabled={busy} onClick={() => void usePasskey()}>
                {t('reconfirm.usePasskey')}
              </button>
            </div>
          )}
          <PasswordField
            id="reconfirm-password"
            label={t('common.password')}
            value={password}
            onInput={setPassword}
            autocomplete="current-password"
            invalid={Boolean(error)}
            autoFocus
          />
          <Alert message={error} />
          <FormFooter
            submit={t('reconfirm.confirm')}
            busyText={t('reconfirm.checking')}
            busy={busy}
            disabled={!password}
            onCancel={() => answer(false)}
          />
        </form>
      )}
    </dialog>
  );
}
