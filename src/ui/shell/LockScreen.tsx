import { useEffect, useRef, useState } from 'preact/hooks';
import { useSession, useSnapshot } from '../components/session-context';
import { Alert } from '../components/Alert';
import { useAction } from '../components/useAction';
import { PasswordField } from '../components/PasswordField';
import { FormFooter } from '../components/FormFooter';
import { t } from '../i18n/t';
import { Mark } from './Mark';

/**
 * The vault is locked: a passkey (when one is set up) or the password opens it; the password is always offered.
 * With `offerPasskey` (the lock screen a page load starts on: a cold start, which is most opens, since phones
 * close background web apps) the passkey is asked for at once, without a tap; never right after Lock.
 */
export function LockScreen({ pendingNotice, offerPasskey }: { pendingNotice?: string | null; offerPasskey?: boolean }) {
  const session = useSession();
  const { passkeys } = useSnapshot();
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  const passkey = useAction();
  const request = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const passkeyButton = useRef<HTMLButtonElement>(null);

  // The first action has the focus: the passkey where one is set up, else the password.
  useEffect(() => (passkeyButton.current ?? input.current)?.focus(), []);
  // A complaint about what was typed goes once the typing changes.
  useEffect(() => setError(null), [password]);

  /** `offered`: started by the screen, not by a tap (the session then keeps a refusal quiet). */
  function unlockWithPasskey(offered: boolean) {
    request.current?.abort();
    const { signal } = (request.current = new AbortController());
    setError(null);
    void passkey.run(() => session.passkeys.unlock({ signal, offered }));
  }

  useEffect(() => {
    if (offerPasskey && passkeys.length && document.visibilityState === 'visible') unlockWithPasskey(true);
    return () => request.current?.abort();
  }, []);

  async function submit(event: Event) {
    event.preventDefault();
    if (!password) {
      setError(t('lock.typePassword'));
      return;
    }
    request.current?.abort(); // the password wins over a passkey dialog still open
    passkey.setError(null);
    if (!(await run(() => session.unlock(password)))) input.current?.select();
  }

  return (
    <main class="screen narrow gate">
      <Mark large />
      <h1>{t('lock.title')}</h1>
      <p>{pendingNotice ?? t(passkeys.length ? 'lock.promptPasskey' : 'lock.prompt')}</p>
      {passkeys.length > 0 && (
        <>
          <div class="choices">
            <button type="button" ref={passkeyButton} class="primary" onClick={() => unlockWithPasskey(false)}>
              {t('lock.withPasskey')}
            </button>
          </div>
          {passkey.busy && <p class="note">{t('lock.waitingPasskey')}</p>}
          <p class="or">{t('lock.orPassword')}</p>
        </>
      )}
      <form onSubmit={submit} noValidate>
        <PasswordField
          id="unlock-password"
          label={t('common.password')}
          value={password}
          onInput={setPassword}
          autocomplete="current-password"
          inputRef={input}
          invalid={Boolean(error)}
        />
        <Alert message={error ?? passkey.error} />
        <FormFooter submit={t('lock.unlock')} busyText={t('lock.unlocking')} busy={busy} />
      </form>
    </main>
  );
}
