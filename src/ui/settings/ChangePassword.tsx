import { useEffect, useState } from 'preact/hooks';
import { useSession, useSnapshot } from '../components/session-context';
import { Alert } from '../components/Alert';
import { newPasswordProblem } from '../components/password-strength';
import { useAction } from '../components/useAction';
import { showToast } from '../components/toast';
import { PasswordField } from '../components/PasswordField';
import { FormFooter } from '../components/FormFooter';
import { t } from '../i18n/t';

/**
 * Re-wraps the master key under a new password, or, when asked, re-encrypts everything under a new key as well
 * (docs/vault-format.md, "Changing the password" says what each protects).
 */
export function ChangePassword() {
  const session = useSession();
  const hadPasskeys = useSnapshot().passkeys.length > 0;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [reencrypt, setReencrypt] = useState(false);
  const { busy, error, setError, run } = useAction();
  // A complaint about what was typed goes once the typing changes.
  useEffect(() => setError(null), [current, next, confirm]);

  async function submit(e: Event) {
    e.preventDefault();
    const problem = newPasswordProblem(next, confirm);
    if (problem) return setError(problem);
    if (!(await run(() => session.changePassword(current, next, { reencrypt })))) return;
    setCurrent('');
    setNext('');
    setConfirm('');
    const passkeyNote = !hadPasskeys ? '' : reencrypt ? t('cp.passkeysRemoved') : t('cp.passkeysKept');
    const changed = reencrypt ? t('cp.reencrypted') : t('cp.changed');
    void showToast(passkeyNote ? `${changed} ${passkeyNote}` : changed, { timeoutMs: passkeyNote ? 8000 : 4000 });
  }

  return (
    <form onSubmit={submit} noValidate class="card">
      <h2>{t('cp.title')}</h2>
      <PasswordField
        id="cp-current"
        label={t('cp.current')}
        value={current}
        onInput={setCurrent}
        autocomplete="current-password"
      />
      <PasswordField id="cp-new" label={t('cp.new')} value={next} onInput={setNext} autocomplete="new-password" />
      <PasswordField
        id="cp-confirm"
        label={t('cp.confirm')}
        value={confirm}
        onInput={setConfirm}
        autocomplete="new-password"
      />
      <Alert message={error} />
      <label class="check">
        <input
          type="checkbox"
          checked={reencrypt}
          onChange={(e) => setReencrypt(e.currentTarget.checked)}
          aria-describedby="cp-reencrypt-why"
        />
        {t('cp.reencrypt')}
      </label>
      <p id="cp-reencrypt-why" class="hint">
        {t('cp.why')}
      </p>
      {reencrypt && hadPasskeys && <p class="warning">{t('cp.passkeysWarning')}</p>}
      <FormFooter submit={t('cp.title')} busyText={t('cp.changing')} busy={busy} />
    </form>
  );
}
